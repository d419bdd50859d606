package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.report.ExitCode;
import dev.mailcheck.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11 item 3: when no DNS server answers, every DNS command still prints its report, in text
 * and JSON, with {@code incomplete: true}, {@code dns.unreachable} first and exit code 3; CI gets a
 * JSON document on every exit code but 2. Before the fix, stdout was empty.
 */
class DnsUnreachableIT {
  static TestDnsServer silent;
  @TempDir static Path tmp;
  static Path message;

  @BeforeAll
  static void start() throws Exception {
    silent = TestDnsServer.start().zone("dkim.test", "@ IN TXT \"x\"\n").drop("*");
    message = tmp.resolve("signed.eml");
    Files.writeString(message, DkimCommandIT.SIGNED, StandardCharsets.ISO_8859_1);
  }

  @AfterAll
  static void stop() {
    silent.close();
  }

  static Stream<List<String>> commands() {
    return Stream.of(
        List.of("domain", "dkim.test", "--no-smtp"),
        List.of("mx", "dkim.test"),
        List.of("spf", "dkim.test"),
        List.of("dkim", "dkim.test", "-s", "sel"),
        List.of("dmarc", "dkim.test"),
        List.of("ptr", "192.0.2.1"),
        List.of("dkim", "verify", "MESSAGE"));
  }

  static CliRun run(List<String> command, String... extra) {
    List<String> args =
        new ArrayList<>(List.of("--resolver", silent.address(), "--timeout", "150ms"));
    for (String a : command) args.add(a.equals("MESSAGE") ? message.toString() : a);
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void jsonIsAnIncompleteReportWithTheReasonFirst(List<String> command) {
    CliRun r = run(command, "--json");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.COULD_NOT_RUN);
    JsonNode j = r.json();
    assertThat(j.path("incomplete").asBoolean()).isTrue();
    assertThat(j.path("status").asText()).isEqualTo("error");
    JsonNode first = j.path("findings").get(0);
    assertThat(first.path("id").asText()).isEqualTo("dns.unreachable");
    assertThat(first.path("category").asText()).isEqualTo("dns");
    assertThat(first.path("status").asText()).isEqualTo("error");
    assertThat(first.path("detail").asText()).contains(silent.address());
    // an unreachable resolver grades nothing: a score would only count timeouts
    assertThat(j.has("score")).isFalse();
    assertThat(j.has("grade")).isFalse();
    assertThat(r.err().strip())
        .startsWith("mailcheck: no DNS server answered (asked " + silent.address() + ")")
        .doesNotContain("\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void textSaysSoToo(List<String> command) {
    CliRun r = run(command);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.COULD_NOT_RUN);
    assertThat(r.out().lines().findFirst().orElseThrow())
        .endsWith(")")
        .contains("could not complete");
    assertThat(r.out()).contains("No DNS server answered").contains("(dns.unreachable)");
  }
}
