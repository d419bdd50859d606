package dev.mailcheck.checks.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailcheck.testing.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The DKIM vectors of ../shared/conformance/dkim (FORMAT.md), read in place. Every signature is
 * checked twice:
 *
 * <ul>
 *   <li><b>RFC 8301 mode</b> ({@code Sha1Policy.REJECT}): the result must be one of {@code expect},
 *       exactly as expected.json gives it, for all 74 signatures.
 *   <li><b>Default mode</b> ({@code Sha1Policy.VERIFY_AND_WARN}, what the CLI does): rsa-sha256 and
 *       ed25519 signatures again against {@code expect}; rsa-sha1 signatures against {@code expect}
 *       or the legacy (Mail::DKIM / pre-RFC 8301) answer mapped to RFC 8601 terms (pass→pass,
 *       fail→fail, invalid→permerror or temperror), because rsa-sha1 is verified there on purpose.
 *       See docs/dkim.md.
 * </ul>
 */
class DkimConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger strictOk = new AtomicInteger();
  private static final AtomicInteger defaultOk = new AtomicInteger();
  private static final AtomicInteger total = new AtomicInteger();
  private static final List<String> strictMisses = new ArrayList<>();
  private static final List<String> defaultMisses = new ArrayList<>();

  @TestFactory
  Stream<DynamicTest> vectors() throws Exception {
    Path root = ProjectPaths.conformance("dkim/expected.json").map(Path::getParent).orElse(null);
    Assumptions.assumeTrue(root != null, "DKIM conformance vectors absent: skipped (not passed)");
    JsonNode expected = JSON.readTree(root.resolve("expected.json").toFile());
    ConformanceDns dns = new ConformanceDns(JSON.readTree(root.resolve("dns.json").toFile()));
    DkimVerifier strict = new DkimVerifier(dns, Clock.systemUTC(), DkimVerifier.Sha1Policy.REJECT);
    DkimVerifier lenient =
        new DkimVerifier(dns, Clock.systemUTC(), DkimVerifier.Sha1Policy.VERIFY_AND_WARN);
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode entry : expected) {
      String file = entry.get("file").asText();
      byte[] octets = Files.readAllBytes(root.resolve(file));
      JsonNode sigs = entry.get("signatures");
      String legacyNote = entry.path("note").asText("");
      for (int i = 0; i < sigs.size(); i++) {
        int index = i;
        JsonNode want = sigs.get(i);
        total.incrementAndGet();
        tests.add(
            DynamicTest.dynamicTest(
                file + " #" + (i + 1) + " " + want.path("a").asText() + " " + want.path("expect"),
                () -> {
                  Set<String> expect = new LinkedHashSet<>();
                  want.get("expect").forEach(x -> expect.add(x.asText()));
                  Verification rs = strict.verify(octets);
                  Verification rl = lenient.verify(octets);
                  assertThat(rs.signatures()).hasSize(sigs.size());
                  SignatureResult s = rs.signatures().get(index);
                  SignatureResult l = rl.signatures().get(index);
                  assertThat(s.signature().domain()).isEqualToIgnoringCase(want.path("d").asText());

                  boolean sOk = expect.contains(s.result().token());
                  if (sOk) strictOk.incrementAndGet();
                  else
                    synchronized (strictMisses) {
                      strictMisses.add(
                          file
                              + " #"
                              + (index + 1)
                              + ": "
                              + s.result().token()
                              + " ("
                              + s.reason()
                              + ")");
                    }

                  Set<String> lenientExpect = new LinkedHashSet<>(expect);
                  if (want.path("a").asText().equals("rsa-sha1"))
                    lenientExpect.addAll(legacy(entry, index, legacyNote));
                  boolean lOk = lenientExpect.contains(l.result().token());
                  if (lOk) defaultOk.incrementAndGet();
                  else
                    synchronized (defaultMisses) {
                      defaultMisses.add(
                          file
                              + " #"
                              + (index + 1)
                              + ": "
                              + l.result().token()
                              + " ("
                              + l.reason()
                              + ")");
                    }

                  assertThat(s.result().token()).as("RFC 8301 mode: %s", s.reason()).isIn(expect);
                  assertThat(l.result().token())
                      .as("default mode: %s", l.reason())
                      .isIn(lenientExpect);
                }));
      }
    }
    return tests.stream();
  }

  /** The default mode really verifies rsa-sha1: intact signatures with keys of 1024+ bits pass. */
  @org.junit.jupiter.api.Test
  void defaultModeVerifiesRsaSha1() throws Exception {
    Path root = ProjectPaths.conformance("dkim/expected.json").map(Path::getParent).orElse(null);
    Assumptions.assumeTrue(root != null, "DKIM conformance vectors absent: skipped (not passed)");
    ConformanceDns dns = new ConformanceDns(JSON.readTree(root.resolve("dns.json").toFile()));
    DkimVerifier lenient =
        new DkimVerifier(dns, Clock.systemUTC(), DkimVerifier.Sha1Policy.VERIFY_AND_WARN);
    Verification sha1 =
        lenient.verify(Files.readAllBytes(root.resolve("messages/derived/gen-rsa-sha1.eml")));
    assertThat(sha1.signatures().get(0).result()).isEqualTo(DkimResult.PASS);
    assertThat(sha1.signatures().get(0).warnings()).anyMatch(w -> w.contains("RFC 8301"));
    Verification multi =
        lenient.verify(Files.readAllBytes(root.resolve("messages/mail-dkim/multiple_2.eml")));
    assertThat(multi.signatures())
        .extracting(r -> r.result().token())
        .containsExactly("permerror", "pass", "fail", "permerror");
    Verification small =
        lenient.verify(Files.readAllBytes(root.resolve("messages/mail-dkim/good_qp_1.eml")));
    assertThat(small.signatures().get(0).reason()).contains("512 bits");
  }

  /** The legacy answer for one signature in RFC 8601 terms. */
  private static Set<String> legacy(JsonNode entry, int index, String note) {
    String legacy = entry.path("legacy_result_mail_dkim").asText("");
    if (entry.get("signatures").size() > 1) {
      // multiple_2: "Legacy Mail::DKIM results: invalid, pass, fail (4th ignored)"
      String[] perSig = {"invalid", "pass", "fail", "invalid"};
      if (note.contains("invalid, pass, fail")) legacy = perSig[index];
    }
    if (legacy.startsWith("invalid")) return Set.of("permerror", "temperror");
    if (legacy.equals("pass") || legacy.equals("fail")) return Set.of(legacy);
    return Set.of();
  }

  @AfterAll
  static void summary() {
    if (total.get() == 0) return;
    System.out.println(
        "DKIM conformance: "
            + strictOk.get()
            + " of "
            + total.get()
            + " signatures as expected (RFC 8301 mode: rsa-sha1 rejected)");
    System.out.println(
        "DKIM conformance: "
            + defaultOk.get()
            + " of "
            + total.get()
            + " signatures as expected (default mode: rsa-sha1 verified and warned)");
    strictMisses.forEach(m -> System.out.println("  RFC 8301 mode miss: " + m));
    defaultMisses.forEach(m -> System.out.println("  default mode miss: " + m));
  }
}
