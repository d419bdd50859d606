package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.report.ExitCode;
import dev.mailcheck.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mailcheck dkim} and {@code dkim verify} end to end against the in-process DNS server. */
class DkimCommandIT {
  @TempDir Path tmp;

  static final String SIGNED =
      "DKIM-Signature: v=1; a=rsa-sha256; d=dkim.test; s=sel; h=from; bh=AAAA; b=AAAA\r\n"
          + "From: a@dkim.test\r\n\r\nHello.\r\n";

  @Test
  void auditWithNoServerAnsweringCannotRun() {
    try (TestDnsServer silent =
        TestDnsServer.start().zone("dkim.test", "@ IN TXT \"x\"\n").drop("*")) {
      CliRun r =
          CliRun.of(
              "--resolver",
              silent.address(),
              "--timeout",
              "200ms",
              "dkim",
              "dkim.test",
              "-s",
              "sel");
      assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCode.COULD_NOT_RUN);
      assertThat(r.err().strip())
          .startsWith("mailcheck: no DNS server answered")
          .doesNotContain("\n");
      assertThat(r.out()).contains("(dns.unreachable)"); // issue 11 item 3: the report is printed
    }
  }

  @Test
  void verifyWithNoServerAnsweringCannotRun() throws Exception {
    Path m = tmp.resolve("m.eml");
    Files.writeString(m, SIGNED, StandardCharsets.ISO_8859_1);
    try (TestDnsServer silent =
        TestDnsServer.start().zone("dkim.test", "@ IN TXT \"x\"\n").drop("*")) {
      CliRun r =
          CliRun.of(
              "--resolver", silent.address(), "--timeout", "200ms", "dkim", "verify", m.toString());
      assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCode.COULD_NOT_RUN);
      assertThat(r.err().strip())
          .startsWith("mailcheck: no DNS server answered")
          .doesNotContain("\n");
      assertThat(r.out()).contains("(dns.unreachable)"); // issue 11 item 3: the report is printed
    }
  }

  @Test
  void signatureWithoutDomainOrSelectorIsNamedByItsNumber() throws Exception {
    Path m = tmp.resolve("garbage.eml");
    Files.writeString(
        m,
        "DKIM-Signature: garbage\r\nFrom: a@dkim.test\r\n\r\nHello.\r\n",
        StandardCharsets.ISO_8859_1);
    try (TestDnsServer dns = TestDnsServer.start().zone("dkim.test", "@ IN TXT \"x\"\n")) {
      CliRun r =
          CliRun.of(
              "--resolver",
              dns.address(),
              "--timeout",
              "2s",
              "dkim",
              "verify",
              m.toString(),
              "--json");
      assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.FINDINGS);
      JsonNode f = r.json().get("findings").get(0);
      assertThat(f.get("id").asText()).isEqualTo("dkim.signature");
      assertThat(f.get("title").asText()).isEqualTo("DKIM signature #1: permerror");
      assertThat(f.get("subject").asText()).isEqualTo("signature #1");
      CliRun text =
          CliRun.of("--resolver", dns.address(), "--timeout", "2s", "dkim", "verify", m.toString());
      assertThat(text.out())
          .doesNotContain(" /:")
          .doesNotContain("[/]")
          .contains("DKIM signature #1: permerror");
    }
  }
}
