package dev.mailcheck.cli;

import static dev.mailcheck.testing.FindingStatuses.worst;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.testing.CliRun;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** mx, ptr and dmarc end to end: in-process DNS server, real resolver stack, text and JSON. */
class MxPtrDmarcCommandIT {
  @AutoClose TestDnsServer dns;

  @BeforeEach
  void start() {
    dns =
        TestDnsServer.start(
                "zones/example.test.zone",
                "zones/other.test.zone",
                "zones/2.0.192.in-addr.arpa.zone")
            .txt("_dmarc.example.test", "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.test")
            .mx("broken.test", 10, "mx.broken.test")
            .servfail("mx.broken.test", RecordType.A)
            .servfail("mx.broken.test", RecordType.AAAA)
            .txt("_dmarc.broken.test", "v=DMARC1; p=nonsense");
  }

  CliRun run(String... args) {
    return CliRun.withResolver(dns.address(), "2s", args);
  }

  @Test
  void mxText() {
    CliRun r = run("mx", "Example.TEST.", "--allow-private");
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .startsWith("mailcheck mx example.test: ")
        .containsPattern("10\\s+mx1\\.example\\.test\\s+192\\.0\\.2\\.10, 2001:db8::10")
        .containsPattern("20\\s+mx2\\.example\\.test\\s+192\\.0\\.2\\.20");
  }

  @Test
  void mxJsonValidatesAndWarnsOnDocumentationAddresses() {
    CliRun r = run("--json", "mx", "example.test", "--fail-on", "warn");
    JsonNode j = r.json();
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(j.path("command").asText()).isEqualTo("mx");
    assertThat(j.path("mx").path("hosts").get(0).path("exchange").asText())
        .isEqualTo("mx1.example.test");
    assertThat(j.path("mx").path("hosts").get(0).path("addresses").toString())
        .isEqualTo("[\"192.0.2.10\",\"2001:db8::10\"]");
    assertThat(worst(j))
        .containsEntry("mx.present", "pass")
        .containsEntry("mx.private-address", "fail"); // every address non-public (issue 11 #2)
  }

  @Test
  void mxNullAndTemporaryFailure() {
    JsonNode nul = run("--json", "mx", "nullmx.example.test").json();
    assertThat(worst(nul)).containsEntry("mx.null", "info");
    assertThat(nul.path("mx").path("nullMx").asBoolean()).isTrue();
    CliRun broken = run("--json", "mx", "broken.test");
    assertThat(worst(broken.json())).containsEntry("mx.resolvable", "error");
    assertThat(broken.exitCode()).isEqualTo(1);
  }

  @Test
  void badDomainIsUsageError() {
    CliRun r = run("mx", "exa mple.com");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).singleElement().asString().contains("not a valid domain name");
  }

  @Test
  void unreachableResolverCannotRun() {
    dns.drop("*");
    CliRun r = CliRun.of("--resolver", dns.address(), "--timeout", "200ms", "mx", "example.test");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("no DNS server answered");
    assertThat(r.out()).contains("(dns.unreachable)"); // issue 11 item 3: the report is printed
  }

  @Test
  void ptrForwardConfirmed() {
    CliRun r = run("--json", "ptr", "192.0.2.10");
    JsonNode j = r.json();
    assertThat(r.exitCode()).isZero();
    assertThat(worst(j)).containsEntry("ptr.present", "pass").containsEntry("ptr.fcrdns", "pass");
    assertThat(
            j.path("ptr")
                .path("addresses")
                .get(0)
                .path("names")
                .get(0)
                .path("forwardConfirmed")
                .asBoolean())
        .isTrue();
    CliRun text = run("ptr", "192.0.2.10");
    assertThat(text.out()).contains("192.0.2.10  ->  mx1.example.test  forward-confirmed");
  }

  @Test
  void ptrMissingAndBadAddress() {
    CliRun r = run("--json", "ptr", "192.0.2.77");
    assertThat(worst(r.json())).containsEntry("ptr.present", "fail");
    assertThat(r.exitCode()).isEqualTo(1);
    CliRun bad = run("ptr", "192.0.2.300");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("is not an IPv4 or IPv6 address");
  }

  @Test
  void dmarcJsonAndText() {
    CliRun r = run("--json", "dmarc", "example.test");
    JsonNode j = r.json();
    assertThat(r.exitCode()).isZero();
    assertThat(worst(j))
        .containsEntry("dmarc.present", "pass")
        .containsEntry("dmarc.policy", "pass");
    assertThat(j.path("dmarc").path("record").path("p").asText()).isEqualTo("quarantine");
    assertThat(j.path("dmarc").path("pslVersion").asText()).isNotEqualTo("unknown");
    CliRun text = run("dmarc", "example.test");
    assertThat(text.out())
        .contains("_dmarc.example.test  \"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.test\"");
  }

  @Test
  void dmarcInvalidAndMissing() {
    JsonNode bad = run("--json", "dmarc", "broken.test").json();
    assertThat(worst(bad)).containsEntry("dmarc.syntax", "fail");
    assertThat(bad.path("dmarc").path("record").path("problems").get(0).path("position").asInt())
        .isEqualTo(11);
    JsonNode none = run("--json", "dmarc", "other.test").json();
    JsonNode inherited = run("--json", "dmarc", "sub.example.test").json();
    assertThat(inherited.path("dmarc").path("rfc9989").path("recordAt").asText())
        .isEqualTo("example.test");
    assertThat(worst(none)).as(none.toString()).containsEntry("dmarc.present", "fail");
    assertThat(none.path("dmarc").path("record").isNull()).isTrue();
  }
}
