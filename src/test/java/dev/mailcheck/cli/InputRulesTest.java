package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mailcheck.report.ExitCode;
import dev.mailcheck.testing.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Issue 11 item 17 and issue 10: input the CLI refuses with one line and exit 2 before anything
 * goes on the network. The resolver 127.0.0.1:9 answers nothing, so a test that wrongly got past
 * the input checks would end with exit 3 instead, not pass.
 */
class InputRulesTest {
  @TempDir Path tmp;

  static CliRun run(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "--resolver";
    all[1] = "127.0.0.1:9";
    all[2] = "--timeout";
    all[3] = "200ms";
    System.arraycopy(args, 0, all, 4, args.length);
    return CliRun.of(all);
  }

  static void assertUsageError(CliRun r, String message) {
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().findFirst().orElseThrow())
        .startsWith("mailcheck: ")
        .contains(message);
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  /** Mistyped IPv4 addresses were looked up as host names (and timed out or got NXDOMAIN). */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "smtp, 127.0.0.256",
    "smtp, 127.0.20.011",
    "smtp, 127.0.0.256:587",
    "smtp, 1.2.3",
    "smtp, 0x7f.0.0.1",
    "ports, 127.0.0.256",
    "ports, 127.0.20.011",
    "domain, 127.0.0.256",
    "mx, 127.0.20.011",
    "spf, 127.0.0.256",
    "dkim, 127.0.20.011",
    "dmarc, 10.0.0.300",
  })
  void malformedAddressesAreUsageErrorsNotHostNames(String command, String host) {
    assertUsageError(run(command, host), "is not a valid IP address");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ptr 127.0.0.256", "ptr 127.0.20.011", "spf example.com --ip 1.2.3.256"})
  void malformedAddressesWhereAnAddressIsExpected(String args) {
    assertUsageError(run(args.split(" ")), "is not an IPv4 or IPv6 address");
  }

  @ParameterizedTest
  @ValueSource(strings = {"smtp 0.0.0.0", "smtp [::]:587", "smtp 224.0.0.1", "ports 0.0.0.0"})
  void addressesNoHostHasCannotBeProbed(String args) {
    assertUsageError(run(args.split(" ")), "not the address of a host");
  }

  @Test
  void aHostNameThatEndsInLettersIsStillAHostName() {
    // not refused as an address: it is looked up (and the silent resolver makes that exit 3)
    assertThat(run("smtp", "1.2.3.example").exitCode()).isEqualTo(ExitCode.COULD_NOT_RUN);
  }

  @Test
  void caFileIsSizeCappedAndDevZeroDoesNotHang() throws Exception {
    Path big = tmp.resolve("big.pem");
    Files.write(big, new byte[CaFile.MAX_BYTES + 1]);
    for (String command : List.of("smtp", "ports", "domain")) {
      String target = command.equals("domain") ? "example.com" : "127.0.0.1";
      assertUsageError(run(command, target, "--ca-file", big.toString()), "larger than 1 MiB");
    }
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () ->
            assertUsageError(
                run("smtp", "127.0.0.1", "--ca-file", "/dev/zero"), "larger than 1 MiB"));
    assertUsageError(
        run("smtp", "127.0.0.1", "--ca-file", tmp.resolve("none.pem").toString()), "no such file");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--json --format text mx example.com",
        "--format text mx example.com --json",
        "mx example.com --json --format=text"
      })
  void jsonAndFormatTextContradict(String args) {
    assertUsageError(run(args.split(" ")), "--json and --format text contradict each other");
  }

  @Test
  void jsonAndFormatJsonAgree() {
    // past the input checks: the silent resolver ends the run with exit 3 and a JSON report
    CliRun r = run("--json", "--format", "json", "mx", "example.com");
    assertThat(r.exitCode()).isEqualTo(ExitCode.COULD_NOT_RUN);
    assertThat(r.json().path("incomplete").asBoolean()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--password-file", "--token-file"})
  void secretFilesNeedUser(String option) throws Exception {
    Path f = Files.writeString(tmp.resolve("secret"), "pw\n");
    assertUsageError(run("smtp", "127.0.0.1", option, f.toString()), option + " needs --user");
  }

  @Test
  void passwordAndTokenFilesCannotBeCombined() throws Exception {
    Path f = Files.writeString(tmp.resolve("secret"), "pw\n");
    assertUsageError(
        run(
            "smtp",
            "127.0.0.1",
            "--user",
            "a",
            "--password-file",
            f.toString(),
            "--token-file",
            f.toString()),
        "cannot be combined");
  }

  /** Issue 10: a resolver name was resolved by the system resolver at parse time. */
  @ParameterizedTest
  @ValueSource(strings = {"dns.example", "resolver.invalid:53", "127.0.0.256", "ns1"})
  void resolverNamesAreRefused(String resolver) {
    CliRun r = CliRun.of("--resolver", resolver, "mx", "example.com");
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().findFirst().orElseThrow())
        .contains("is not an IP address; give the DNS server's address");
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, 127.0.0.1, 53",
    "127.0.0.1:5353, 127.0.0.1, 5353",
    "[::1]:5353, ::1, 5353",
    "::1, ::1, 53",
    "localhost, 127.0.0.1, 53",
    "LOCALHOST:5300, 127.0.0.1, 5300"
  })
  void resolverAddressesAndLocalhostAreAccepted(String value, String address, int port)
      throws Exception {
    InetSocketAddress a = new Converters.ResolverAddress().convert(value);
    assertThat(a.getAddress()).isEqualTo(InetAddress.getByName(address));
    assertThat(a.getPort()).isEqualTo(port);
  }

  /** Issue 10: the CLI decides the timeout once; checks and probes read it from there. */
  @Test
  void theTimeoutIsDecidedOnceByTheCommandLine() {
    CommandLine cl =
        CommandLines.commandLine(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    cl.parseArgs("--timeout", "750ms", "mx", "example.com");
    MailcheckCommand root = cl.getCommand();
    RunContext ctx = root.global.toContext();
    assertThat(ctx.timeout()).isEqualTo(Duration.ofMillis(750));
    assertThat(ctx.dns().timeout()).isSameAs(ctx.timeout());
    assertThat(BaseCommand.settings(ctx).timeout()).isEqualTo(Duration.ofMillis(750));
  }
}
