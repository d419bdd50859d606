package dev.mailcheck.interop;

import static dev.mailcheck.interop.Findings.assertClean;
import static dev.mailcheck.interop.Findings.assertFlagged;
import static dev.mailcheck.interop.Findings.assertPresent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.testing.CliRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code mailcheck mx} and {@code mailcheck ptr} against Knot give the zones' truth. */
class MxPtrInteropIT {
  static InteropEnv env;

  @BeforeAll
  static void env() {
    env = InteropEnv.load();
  }

  static JsonNode run(String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(List.of(args));
    all.add("--json");
    CliRun run = env.mailcheck(all.toArray(String[]::new));
    assertThat(run.err()).as("stderr of %s", all).doesNotContain("Exception");
    assertThat(run.exitCode()).as("exit code of %s: %s", all, run.err()).isBetween(0, 1);
    return run.json();
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void goodDomainListsBothMxHostsByPreferenceWithAddresses() {
    JsonNode r = run("mx", "good.test", "--allow-private");
    JsonNode mx = r.path("mx");
    assertThat(mx.path("outcome").asText()).isEqualTo("NOERROR");
    assertThat(mx.path("nullMx").asBoolean()).isFalse();
    assertThat(mx.path("implicit").asBoolean()).isFalse();
    JsonNode hosts = mx.path("hosts");
    assertThat(hosts).hasSize(2);
    assertThat(hosts.get(0).path("preference").asInt()).isEqualTo(10);
    assertThat(hosts.get(0).path("exchange").asText()).isEqualTo("mx1.good.test");
    assertThat(texts(hosts.get(0).path("addresses"))).containsExactly("127.25.0.10");
    assertThat(hosts.get(0).path("resolution").asText()).isEqualTo("resolved");
    assertThat(hosts.get(1).path("preference").asInt()).isEqualTo(20);
    assertThat(hosts.get(1).path("exchange").asText()).isEqualTo("mx2.good.test");
    assertThat(texts(hosts.get(1).path("addresses"))).containsExactly("127.25.0.11");
    assertClean(r, "mx.present");
  }

  @Test
  void loopbackMxAddressesAreFlaggedWithoutAllowPrivate() {
    JsonNode r = run("mx", "good.test");
    assertFlagged(r, "mx.private-address");
  }

  @Test
  void nullMxIsRecognized() {
    JsonNode r = run("mx", "nullmx.test", "--allow-private");
    assertThat(r.path("mx").path("nullMx").asBoolean()).isTrue();
    assertPresent(r, "mx.null");
  }

  @Test
  void noMxMeansTheImplicitMx() {
    JsonNode r = run("mx", "nomx.test", "--allow-private");
    JsonNode mx = r.path("mx");
    assertThat(mx.path("outcome").asText()).isEqualTo("NODATA");
    assertThat(mx.path("implicit").asBoolean()).isTrue();
    assertThat(mx.path("hosts")).hasSize(1);
    assertThat(mx.path("hosts").get(0).path("exchange").asText()).isEqualTo("nomx.test");
    assertThat(texts(mx.path("hosts").get(0).path("addresses"))).containsExactly("127.25.0.10");
    assertFlagged(r, "mx.implicit");
  }

  @Test
  void brokenMxTargetsAreFlagged() {
    JsonNode r = run("mx", "broken.test", "--allow-private");
    JsonNode hosts = r.path("mx").path("hosts");
    assertThat(hosts).hasSize(3);
    JsonNode alias = hosts.get(0);
    assertThat(alias.path("exchange").asText()).isEqualTo("alias.broken.test");
    assertThat(texts(alias.path("cname"))).isNotEmpty();
    assertThat(texts(alias.path("addresses"))).containsExactly("127.25.0.30");
    JsonNode nowhere = hosts.get(1);
    assertThat(nowhere.path("exchange").asText()).isEqualTo("nowhere.broken.test");
    assertThat(nowhere.path("resolution").asText()).isEqualTo("nxdomain");
    assertThat(texts(nowhere.path("addresses"))).isEmpty();
    assertThat(hosts.get(2).path("exchange").asText()).isEqualTo("mx.broken.test");
    assertFlagged(r, "mx.cname");
    assertFlagged(r, "mx.resolvable");
  }

  @Test
  void nonexistentDomainHasNoMx() {
    JsonNode r = run("mx", "nosuch.good.test", "--allow-private");
    assertThat(r.path("mx").path("outcome").asText()).isEqualTo("NXDOMAIN");
    assertFlagged(r, "mx.present");
  }

  @Test
  void ptrOfTheFirstMxIsForwardConfirmed() {
    JsonNode r = run("ptr", "127.25.0.10");
    JsonNode a = r.path("ptr").path("addresses").get(0);
    assertThat(a.path("reverseName").asText()).isEqualTo("10.0.25.127.in-addr.arpa");
    assertThat(a.path("outcome").asText()).isEqualTo("NOERROR");
    assertThat(a.path("names")).hasSize(1);
    assertThat(a.path("names").get(0).path("name").asText()).isEqualTo("mx1.good.test");
    assertThat(a.path("names").get(0).path("forwardConfirmed").asBoolean()).isTrue();
    assertClean(r, "ptr.fcrdns");
  }

  @Test
  void ptrMissingForTheWeakMx() {
    JsonNode r = run("ptr", "127.25.0.20");
    JsonNode a = r.path("ptr").path("addresses").get(0);
    assertThat(a.path("outcome").asText()).isEqualTo("NXDOMAIN");
    assertThat(a.path("names")).isEmpty();
    assertFlagged(r, "ptr.present");
  }

  @Test
  void ptrThatDoesNotResolveBackIsNotConfirmed() {
    JsonNode r = run("ptr", "127.25.0.30");
    JsonNode name = r.path("ptr").path("addresses").get(0).path("names").get(0);
    assertThat(name.path("name").asText()).isEqualTo("mismatch.broken.test");
    assertThat(name.path("forwardConfirmed").asBoolean()).isFalse();
    assertThat(name.path("forwardOutcome").asText()).isEqualTo("NXDOMAIN");
    assertFlagged(r, "ptr.fcrdns");
  }
}
