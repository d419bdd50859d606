package dev.mailcheck.checks.arc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.mailcheck.checks.dkim.DkimMessage;
import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.testing.ProjectPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The ValiMail ARC validation suite (../shared/conformance/arc/arc-draft-validation-tests.yml, 171
 * cases), read in place: every case's {@code cv} must be what {@link ArcValidator} says. The
 * messages are LF text in YAML; they are read as CRLF (FORMAT.md). Skipped cases are listed in
 * {@link #SKIPS} with their reason; the pass rate is printed and documented in docs/message.md.
 */
class ArcConformanceTest {
  /**
   * Cases whose expectation the suite leaves empty: the newest ARC-Seal already says cv=fail. RFC
   * 8617 §5.2 step 2 makes that chain "fail"; the suite (and Mail::DKIM) do not state a value. They
   * are asserted as fail, not skipped.
   */
  static final List<String> EMPTY_EXPECTATION_READ_AS_FAIL =
      List.of("cv_fail_i1_as_cv_fail", "cv_fail_i2_as2_fail", "cv_fail_i2_as1_fail");

  /** Case name → why it is not run. None: every case runs. */
  static final Map<String, String> SKIPS = Map.of();

  /**
   * Cases where mailcheck follows the RFC against the suite, asserted with the RFC's answer and
   * counted apart. {@code ams_fields_c_na}: the AMS has no c=, and the suite expects pass because
   * its signer used relaxed/relaxed; RFC 8617 §4.1.2 takes c= from DKIM, whose default is
   * simple/simple (RFC 6376 §3.5), so the signature cannot validate. Mail::DKIM's copy of the suite
   * expects fail too (FORMAT.md).
   */
  static final Map<String, String> RFC_OVER_SUITE = Map.of("ams_fields_c_na", "fail");

  private static final AtomicInteger overridden = new AtomicInteger();

  private static final AtomicInteger passed = new AtomicInteger();
  private static final AtomicInteger total = new AtomicInteger();
  private static final List<String> misses = new ArrayList<>();

  @TestFactory
  Stream<DynamicTest> validation() throws Exception {
    Path file = ProjectPaths.conformance("arc/arc-draft-validation-tests.yml").orElse(null);
    Assumptions.assumeTrue(file != null, "ARC suite absent: skipped (not passed)");
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<DynamicTest> tests = new ArrayList<>();
    try (YAMLParser p = new YAMLFactory().createParser(file.toFile())) {
      for (JsonNode scenario : yaml.readValues(p, JsonNode.class).readAll()) {
        if (scenario == null || !scenario.has("tests")) continue;
        DnsClient dns = dns(scenario.path("txt-records"));
        scenario
            .get("tests")
            .fields()
            .forEachRemaining(
                e -> {
                  String name = e.getKey();
                  JsonNode t = e.getValue();
                  if (SKIPS.containsKey(name)) return;
                  total.incrementAndGet();
                  String want0 =
                      t.path("cv").asText("").isBlank()
                          ? "fail"
                          : t.path("cv").asText().strip().toLowerCase(Locale.ROOT);
                  String want = want0;
                  if (RFC_OVER_SUITE.containsKey(name)) {
                    want = RFC_OVER_SUITE.get(name);
                    overridden.incrementAndGet();
                  }
                  String expected = want;
                  tests.add(
                      DynamicTest.dynamicTest(
                          name + " → " + expected,
                          () -> {
                            String text = t.path("message").asText("").replace("\n", "\r\n");
                            var result =
                                ArcValidator.validate(
                                    DkimMessage.parse(text.getBytes(StandardCharsets.ISO_8859_1)),
                                    dns);
                            if (result.cv().equals(expected)) passed.incrementAndGet();
                            else
                              synchronized (misses) {
                                misses.add(
                                    name
                                        + ": want "
                                        + expected
                                        + ", got "
                                        + result.cv()
                                        + " ("
                                        + result.reason()
                                        + ")");
                              }
                            assertThat(result.cv()).as(result.reason()).isEqualTo(expected);
                          }));
                });
      }
    }
    return tests.stream();
  }

  @AfterAll
  static void summary() {
    if (total.get() == 0) return;
    System.out.printf(
        "ARC validation suite: %d of %d as expected (%d with the RFC's answer over the suite's), %d skipped%n",
        passed.get(), total.get(), overridden.get(), SKIPS.size());
    misses.forEach(m -> System.out.println("  " + m));
  }

  private static DnsClient dns(JsonNode records) {
    Map<String, String> txt = new HashMap<>();
    records
        .fields()
        .forEachRemaining(e -> txt.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
    return q -> {
      String v = txt.get(q.name().toLowerCase(Locale.ROOT));
      if (v == null) return CompletableFuture.completedFuture(new DnsResult.NxDomain(q));
      return CompletableFuture.completedFuture(
          new DnsResult.Records(
              q,
              List.of(
                  new DnsRecord.Txt(q.name(), 300, List.of(v.getBytes(StandardCharsets.UTF_8))))));
    };
  }
}
