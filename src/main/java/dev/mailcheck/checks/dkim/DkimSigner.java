package dev.mailcheck.checks.dkim;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes a DKIM-Signature (RFC 6376 §5; RFC 8463 for Ed25519) for a message whose header section is
 * in memory and whose body hash was computed by streaming the body through {@link BodyHashes}. The
 * signature header is the same one the verifier reads: it is checked by {@code DkimVerifier},
 * dkimpy and OpenDKIM in the interop suite.
 *
 * <p>From is over-signed by default (listed once more than it occurs, §8.15), so that nobody can
 * add a second From without breaking the signature.
 */
public final class DkimSigner {
  private DkimSigner() {}

  /** Signed when present, in this order (RFC 6376 §5.4.1's recommendations plus RFC 8058). */
  public static final List<String> DEFAULT_HEADERS =
      List.of(
          "from",
          "reply-to",
          "subject",
          "date",
          "to",
          "cc",
          "message-id",
          "in-reply-to",
          "references",
          "mime-version",
          "content-type",
          "content-transfer-encoding",
          "list-id",
          "list-unsubscribe",
          "list-unsubscribe-post",
          "feedback-id");

  /**
   * @param headers the h= names; empty means {@link #DEFAULT_HEADERS} that the message has
   * @param oversignFrom add one more "from" than the message has
   * @param timestamp t= (seconds since the epoch)
   */
  public record Options(
      String domain,
      String selector,
      Canonicalization headerCanon,
      Canonicalization bodyCanon,
      List<String> headers,
      boolean oversignFrom,
      long timestamp) {
    public Options {
      headers = headers.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** The body hash this signature needs. */
    public BodyHashes.Request bodyRequest() {
      return new BodyHashes.Request(bodyCanon, "SHA-256", Long.MAX_VALUE);
    }
  }

  /** The h= list for a message: the chosen names, From over-signed. */
  static List<String> signedHeaders(List<DkimMessage.HeaderField> headers, Options o) {
    List<String> names = new ArrayList<>();
    if (o.headers().isEmpty()) {
      for (String n : DEFAULT_HEADERS) {
        long count = headers.stream().filter(h -> h.is(n)).count();
        for (long i = 0; i < count; i++) names.add(n);
      }
    } else names.addAll(o.headers());
    if (!names.contains("from"))
      throw new IllegalArgumentException("the signed headers must include From (RFC 6376 §5.4)");
    long present = headers.stream().filter(h -> h.is("from")).count();
    long listed = names.stream().filter("from"::equals).count();
    if (o.oversignFrom()) for (long i = listed; i <= present; i++) names.add("from");
    return names;
  }

  /**
   * The DKIM-Signature field to put on top of the message, folded, ending in {@code eol}.
   *
   * @param bodyHashes the result of streaming the body through {@code new
   *     BodyHashes(List.of(o.bodyRequest()))}
   */
  public static String sign(
      List<DkimMessage.HeaderField> headers,
      Map<BodyHashes.Request, BodyHashes.Result> bodyHashes,
      DkimPrivateKey key,
      Options o,
      String eol) {
    List<String> h = signedHeaders(headers, o);
    String bh = Base64.getEncoder().encodeToString(bodyHashes.get(o.bodyRequest()).hash());
    String fold = eol + "\t";
    StringBuilder f = new StringBuilder("DKIM-Signature: v=1; a=").append(key.algorithm().token());
    f.append("; c=").append(o.headerCanon().token()).append('/').append(o.bodyCanon().token());
    f.append(";").append(fold).append("d=").append(o.domain()).append("; s=").append(o.selector());
    f.append("; t=").append(o.timestamp()).append(";").append(fold).append("h=");
    int lineLen = 3;
    for (int i = 0; i < h.size(); i++) {
      String part = (i == 0 ? "" : ":") + h.get(i);
      if (lineLen + part.length() > 70) {
        f.append(fold);
        lineLen = 1;
      }
      f.append(part);
      lineLen += part.length();
    }
    f.append(";").append(fold).append("bh=").append(bh).append(";").append(fold).append("b=");
    String unsigned = f.toString();
    DkimMessage.HeaderField field = new DkimMessage.HeaderField("DKIM-Signature", unsigned + eol);
    String data = DkimCrypto.headerHashInput(headers, h, o.headerCanon(), field);
    String b = Base64.getEncoder().encodeToString(DkimCrypto.sign(key, data));
    StringBuilder out = new StringBuilder(unsigned);
    for (int i = 0; i < b.length(); i += 64) {
      if (i > 0) out.append(fold).append(' ');
      out.append(b, i, Math.min(b.length(), i + 64));
    }
    return out.append(eol).toString();
  }
}
