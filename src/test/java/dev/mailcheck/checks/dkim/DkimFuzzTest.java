package dev.mailcheck.checks.dkim;

import static dev.mailcheck.fuzz.FuzzAssertions.assertAllPrintable;
import static dev.mailcheck.fuzz.FuzzAssertions.assertBounded;
import static dev.mailcheck.fuzz.FuzzAssertions.assertPrintable;
import static dev.mailcheck.fuzz.FuzzAssertions.latin1;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fuzz targets for DKIM key records, DKIM-Signature fields, message header sections and both
 * canonicalizations (issue 19). Body canonicalization is checked against a plain reference
 * implementation of RFC 6376 §3.4.3/§3.4.4 and against itself fed in arbitrary chunks.
 */
class DkimFuzzTest {
  @FuzzTest
  void keyRecord(byte[] data) {
    String text = latin1(data);
    DkimKey key = DkimKey.parse(text);
    assertAllPrintable("key problem", key.problems());
    assertThat(key.keyBits()).isGreaterThanOrEqualTo(0);
    if (key.revoked()) assertThat(key.publicKey()).isEmpty();
    if (key.publicKey().isPresent()) assertThat(key.keyBits()).isPositive();
    assertThat(key.hashes()).allSatisfy(h -> assertThat(text).containsIgnoringCase(h));
  }

  @FuzzTest
  void dkimSignature(byte[] data) {
    String raw = "DKIM-Signature:" + latin1(data) + "\r\n";
    DkimSignature s = DkimSignature.parse(new DkimMessage.HeaderField("DKIM-Signature", raw));
    s.error().ifPresent(e -> assertPrintable("signature error", e));
    assertThat(s.signedHeaders())
        .allSatisfy(h -> assertThat(h).isEqualTo(h.toLowerCase(Locale.ROOT)));
    assertBounded("b=", s.signatureData().length, data.length, 1);
    assertBounded("bh=", s.bodyHash().length, data.length, 1);
    assertThat(s.keyName()).isNotNull();
    assertThat(s.canonicalization()).isNotNull();
  }

  @FuzzTest
  void headerSection(byte[] data) {
    DkimMessage m = DkimMessage.parse(data);
    long total = m.body().length();
    for (DkimMessage.HeaderField f : m.headers()) {
      assertThat(f.raw().indexOf(':')).isPositive();
      total += f.raw().length();
      // relaxed header canonicalization is idempotent
      String once = Canonicalization.RELAXED.header(f);
      // the canonical name as written in the canonical form (lower case ASCII letters only)
      var again = new DkimMessage.HeaderField(once.substring(0, once.indexOf(':')), once);
      assertThat(Canonicalization.RELAXED.header(again)).isEqualTo(once);
      assertThat(Canonicalization.SIMPLE.header(f)).endsWith("\r\n");
    }
    // CRLF conversion at most doubles the octets
    assertBounded("message", total, data.length, 2);
  }

  @FuzzTest
  void bodyCanonicalization(byte[] data) {
    if (data.length == 0) return;
    Canonicalization c = (data[0] & 1) == 0 ? Canonicalization.SIMPLE : Canonicalization.RELAXED;
    int chunk = 1 + ((data[0] & 0xff) >> 1);
    byte[] body = java.util.Arrays.copyOfRange(data, 1, data.length);
    String whole = canonicalize(c, body, body.length);
    assertThat(canonicalize(c, body, chunk)).as("chunked by %d", chunk).isEqualTo(whole);
    assertThat(whole).isEqualTo(reference(c, latin1(body)));
    byte[] canonical = whole.getBytes(StandardCharsets.ISO_8859_1);
    assertThat(canonicalize(c, canonical, canonical.length)).as("idempotent").isEqualTo(whole);
  }

  static String canonicalize(Canonicalization c, byte[] body, int chunk) {
    var out = new ByteArrayOutputStream();
    var bc = new BodyCanonicalizer(c, out::write);
    for (int i = 0; i < body.length; i += Math.max(1, chunk)) {
      bc.update(body, i, Math.min(Math.max(1, chunk), body.length - i));
    }
    bc.finish();
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  /** RFC 6376 §3.4.3/§3.4.4 written the obvious way, in memory. */
  static String reference(Canonicalization c, String body) {
    if (c == Canonicalization.SIMPLE) {
      String s = body;
      while (s.endsWith("\r\n")) s = s.substring(0, s.length() - 2);
      return s + "\r\n";
    }
    List<String> lines = new ArrayList<>();
    for (String line : body.split("\r\n", -1)) {
      String l = line.replaceAll("[ \t]+", " ");
      if (l.endsWith(" ")) l = l.substring(0, l.length() - 1);
      lines.add(l);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty())
      lines.remove(lines.size() - 1);
    return lines.isEmpty() ? "" : String.join("\r\n", lines) + "\r\n";
  }
}
