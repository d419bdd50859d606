package dev.mailcheck.checks.spf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.testing.ProjectPaths;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The OpenSPF RFC 7208 test suite, read in place (see ../shared/conformance/spf/FORMAT.md): one
 * dynamic test per test id, each scenario against its own zone. Absent suite: skipped.
 */
class SpfConformanceTest {
  static final String SUITE = "spf/rfc7208-tests.yml";

  /** Tests known to fail, with the reason (also listed in docs/spf.md). Empty: all pass. */
  static final Map<String, String> KNOWN_FAILING = Map.of();

  private static final AtomicInteger passed = new AtomicInteger();
  private static final AtomicInteger total = new AtomicInteger();

  /** One test of the suite. */
  record Case(
      String id,
      String scenario,
      String helo,
      String host,
      String mailfrom,
      List<String> results,
      String explanation) {}

  /** One scenario: its tests and its zone. */
  record Scenario(String description, List<Case> cases, SuiteZone zone) {}

  static List<Scenario> load(Path file) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<Scenario> out = new ArrayList<>();
    try (var parser = yaml.getFactory().createParser(file.toFile())) {
      Iterator<JsonNode> docs = yaml.readValues(parser, JsonNode.class);
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc == null || doc.isNull() || doc.isMissingNode()) continue;
        String description = doc.path("description").asText();
        List<Case> cases = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("tests").fields();
            it.hasNext(); ) {
          var e = it.next();
          JsonNode t = e.getValue();
          List<String> results = new ArrayList<>();
          if (t.get("result").isArray()) t.get("result").forEach(r -> results.add(r.asText()));
          else results.add(t.get("result").asText());
          cases.add(
              new Case(
                  e.getKey(),
                  description,
                  t.path("helo").asText(),
                  t.path("host").asText(),
                  t.path("mailfrom").asText(),
                  results,
                  t.has("explanation") ? t.get("explanation").asText() : null));
        }
        out.add(new Scenario(description, cases, new SuiteZone(doc.get("zonedata"))));
      }
    }
    return out;
  }

  /** Runs one test the way FORMAT.md says: sender defaults, "DEFAULT" default explanation. */
  static SpfEvaluation run(Case c, DnsClient zone) {
    InetAddress ip =
        dev.mailcheck.internal.InetAddresses.parse(c.host())
            .orElseThrow(() -> new AssertionError("bad host " + c.host()));
    String sender = c.mailfrom().isEmpty() ? "postmaster@" + c.helo() : c.mailfrom();
    if (sender.startsWith("@")) sender = "postmaster" + sender;
    String domain = sender.substring(sender.lastIndexOf('@') + 1);
    SpfOptions options = SpfOptions.defaults().withDefaultExplanation("DEFAULT");
    return new SpfEvaluator(zone, options).checkHost(ip, domain, sender, c.helo());
  }

  /**
   * Also the test that shows up as skipped when the suite is absent (a skipped factory may not).
   */
  @Test
  void suiteIsCompleteAndEveryTestIdUnique() throws IOException {
    var file = ProjectPaths.conformance(SUITE);
    Assumptions.assumeTrue(
        file.isPresent(),
        "SPF suite not found at " + ProjectPaths.conformanceRoot().resolve(SUITE) + ": skipped");
    List<Scenario> scenarios = load(file.get());
    List<String> ids = scenarios.stream().flatMap(s -> s.cases().stream()).map(Case::id).toList();
    assertThat(scenarios).hasSize(16);
    assertThat(ids).hasSize(203).doesNotHaveDuplicates();
  }

  @TestFactory
  Stream<DynamicContainer> rfc7208Suite() throws IOException {
    var file = ProjectPaths.conformance(SUITE);
    Assumptions.assumeTrue(
        file.isPresent(),
        "SPF suite not found at " + ProjectPaths.conformanceRoot().resolve(SUITE) + ": skipped");
    List<Scenario> scenarios = load(file.get());
    return scenarios.stream()
        .map(
            s ->
                DynamicContainer.dynamicContainer(
                    s.description(),
                    s.cases().stream()
                        .map(
                            c ->
                                DynamicTest.dynamicTest(
                                    c.id(),
                                    () -> {
                                      total.incrementAndGet();
                                      Assumptions.assumeFalse(
                                          KNOWN_FAILING.containsKey(c.id()),
                                          () -> "known failing: " + KNOWN_FAILING.get(c.id()));
                                      SpfEvaluation e = run(c, s.zone());
                                      assertThat(c.results())
                                          .as(
                                              "%s: result %s (%s)",
                                              c.id(), e.result().token(), e.reason())
                                          .contains(e.result().token());
                                      if (c.explanation() != null) {
                                        assertThat(e.explanation())
                                            .as("%s explanation", c.id())
                                            .contains(c.explanation());
                                      }
                                      passed.incrementAndGet();
                                    }))));
  }

  /**
   * The same suite through a client that does not answer at once, so {@code check_host()} runs with
   * its prefetch of the include tree (the path every network run takes): the prefetch must not
   * change a result, a reason, the lookups counted or the explanation.
   */
  @TestFactory
  Stream<DynamicTest> rfc7208SuiteWithPrefetch() throws IOException {
    var file = ProjectPaths.conformance(SUITE);
    Assumptions.assumeTrue(
        file.isPresent(),
        "SPF suite not found at " + ProjectPaths.conformanceRoot().resolve(SUITE) + ": skipped");
    assertThat(load(file.get()).get(0).zone().answersAtOnce()).isTrue();
    return load(file.get()).stream()
        .flatMap(
            s ->
                s.cases().stream()
                    .filter(c -> !KNOWN_FAILING.containsKey(c.id()))
                    .map(
                        c ->
                            DynamicTest.dynamicTest(
                                c.id(),
                                () -> {
                                  DnsClient waiting = s.zone()::query;
                                  assertThat(waiting.answersAtOnce()).isFalse();
                                  SpfEvaluation prefetched = run(c, waiting);
                                  SpfEvaluation direct = run(c, s.zone());
                                  assertThat(c.results()).contains(prefetched.result().token());
                                  assertThat(prefetched.result()).isEqualTo(direct.result());
                                  assertThat(prefetched.reason()).isEqualTo(direct.reason());
                                  assertThat(prefetched.lookups()).isEqualTo(direct.lookups());
                                  assertThat(prefetched.explanation())
                                      .isEqualTo(direct.explanation());
                                })));
  }

  @AfterAll
  static void printCount() {
    if (total.get() > 0)
      System.out.println("SPF conformance: " + passed.get() + " of " + total.get() + " passed");
  }
}
