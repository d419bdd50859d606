package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.report.ExitCode;
import dev.mailcheck.testing.CliRun;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code mailcheck spf} end to end against the in-process DNS server. */
class SpfCommandIT {
  static final String ZONE =
      """
      $ORIGIN spf.test.
      @        IN TXT "v=spf1 mx include:_spf.spf.test a:gone.spf.test -all exp=why.spf.test"
      @        IN MX 10 mx1.spf.test.
      @        IN MX 20 mx2.spf.test.
      mx1      IN A 192.0.2.1
      mx2      IN A 192.0.2.2
      why      IN TXT "%{i} is not allowed to send for %{d}"
      _spf     IN TXT "v=spf1 ip4:198.51.100.0/24 include:_inner.spf.test ~all"
      _inner   IN TXT "v=spf1 ip6:2001:db8::/32 -all"
      broken   IN TXT "v=spf1 include:slow.spf.test -all"
      slow     IN TXT "v=spf1 -all"
      over     IN TXT "v=spf1 include:_spf.spf.test include:_spf.spf.test include:_spf.spf.test include:_spf.spf.test include:_spf.spf.test include:_spf.spf.test -all"
      plusall  IN TXT "v=spf1 +all"
      """;

  @AutoClose static TestDnsServer dns;

  @BeforeAll
  static void start() {
    dns = TestDnsServer.start().zone("spf.test", ZONE).servfail("slow.spf.test", RecordType.TXT);
  }

  static CliRun run(String... args) {
    return CliRun.withResolver(dns.address(), "2s", args);
  }

  @Test
  void auditJson() {
    CliRun r = run("spf", "spf.test", "--json");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    JsonNode json = r.json();
    assertThat(json.get("command").asText()).isEqualTo("spf");
    JsonNode spf = json.get("spf");
    assertThat(spf.get("lookups").asInt()).isEqualTo(4);
    assertThat(spf.get("voidLookups").asInt()).isEqualTo(1);
    assertThat(spf.get("tree").get("children")).hasSize(3);
    assertThat(json.get("findings").findValuesAsText("id"))
        .contains("spf.present", "spf.syntax", "spf.lookups", "spf.void-lookups", "spf.all");
  }

  @Test
  void auditText() {
    CliRun r = run("spf", "spf.test", "--no-color");
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .contains("spf.test  [4]")
        .contains("├─ include:_spf.spf.test  [2]")
        .contains("a:gone.spf.test  [1]  VOID");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void evaluationPassesForAnMxHostAndAnIncludedRange() {
    CliRun mx = run("spf", "spf.test", "--ip", "192.0.2.2", "--json");
    assertThat(mx.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(mx.json().get("spf").get("result").asText()).isEqualTo("pass");
    CliRun v6 = run("spf", "spf.test", "--ip", "2001:db8::5", "--json");
    assertThat(v6.json().get("spf").get("result").asText()).isEqualTo("pass");
    // As users copy it from logs and Received: lines: in brackets.
    CliRun bracketed = run("spf", "spf.test", "--ip", "[2001:db8::5]", "--json");
    assertThat(bracketed.exitCode()).as(bracketed.err()).isEqualTo(ExitCode.OK);
    assertThat(bracketed.json().get("spf").get("result").asText()).isEqualTo("pass");
  }

  @Test
  void evaluationFailsWithTheExplanation() {
    CliRun r =
        run("spf", "spf.test", "--ip", "203.0.113.5", "--sender", "alice@spf.test", "--json");
    assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
    JsonNode spf = r.json().get("spf");
    assertThat(spf.get("result").asText()).isEqualTo("fail");
    assertThat(spf.get("explanation").asText())
        .isEqualTo("203.0.113.5 is not allowed to send for spf.test");
    assertThat(spf.get("sender").asText()).isEqualTo("alice@spf.test");
  }

  /** A sender without '@' has no local part: postmaster@ that domain (RFC 7208 §4.3). */
  @Test
  void senderWithoutAtIsPostmasterOfThatDomain() {
    CliRun r = run("spf", "spf.test", "--ip", "203.0.113.5", "--sender", "Spf.Test", "--json");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.FINDINGS);
    JsonNode spf = r.json().get("spf");
    assertThat(spf.get("sender").asText()).isEqualTo("postmaster@spf.test");
    assertThat(spf.get("result").asText()).isEqualTo("fail");
  }

  @Test
  void servfailIsTemperror() {
    CliRun r = run("spf", "broken.spf.test", "--ip", "203.0.113.5", "--json");
    assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
    JsonNode json = r.json();
    assertThat(json.get("spf").get("result").asText()).isEqualTo("temperror");
    assertThat(json.get("status").asText()).isEqualTo("error");
  }

  @Test
  void overTheLookupLimit() {
    CliRun audit = run("spf", "over.spf.test", "--json");
    assertThat(audit.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(audit.json().get("spf").get("lookups").asInt()).isEqualTo(12);
    CliRun eval = run("spf", "over.spf.test", "--ip", "203.0.113.5", "--json");
    assertThat(eval.json().get("spf").get("result").asText()).isEqualTo("permerror");
  }

  @Test
  void unreachableResolverCannotRun() {
    try (TestDnsServer silent = TestDnsServer.start().zone("spf.test", ZONE).drop("*")) {
      CliRun r = CliRun.of("--resolver", silent.address(), "--timeout", "200ms", "spf", "spf.test");
      assertThat(r.exitCode()).isEqualTo(ExitCode.COULD_NOT_RUN);
      assertThat(r.err()).contains("no DNS server answered");
      assertThat(r.out()).contains("(dns.unreachable)"); // issue 11 item 3: the report is printed
    }
  }

  @Test
  void missingRecordAndPlusAll() {
    assertThat(run("spf", "nx.spf.test").exitCode()).isEqualTo(ExitCode.FINDINGS);
    CliRun plus = run("spf", "plusall.spf.test", "--json");
    assertThat(plus.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(plus.out()).contains("every host on the Internet passes SPF");
  }
}
