package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.report.ExitCode;
import dev.mailcheck.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --dns-record} and {@code --dns-replay} as a user meets them: round trip and bad files. */
class DnsRecordReplayIT {
  static final String ZONE =
      """
      $ORIGIN rr.test.
      @        IN TXT "v=spf1 mx include:_spf.rr.test -all"
      @        IN MX 20 mx2.rr.test.
      @        IN MX 10 mx1.rr.test.
      mx1      IN A 192.0.2.1
      mx2      IN A 192.0.2.2
      _spf     IN TXT "v=spf1 ip4:198.51.100.0/24 -all"
      """;

  @TempDir Path tmp;

  @Test
  void replayGivesTheSameReportAsTheRecordedRun() throws Exception {
    Path file = tmp.resolve("sub/rec.json");
    try (TestDnsServer dns = TestDnsServer.start().zone("rr.test", ZONE)) {
      CliRun live =
          CliRun.of(
              "spf",
              "rr.test",
              "--json",
              "--resolver",
              dns.address(),
              "--dns-record",
              file.toString());
      assertThat(live.exitCode()).as(live.err()).isEqualTo(ExitCode.OK);
      CliRun replay = CliRun.of("spf", "rr.test", "--json", "--dns-replay", file.toString());
      assertThat(replay.exitCode()).as(replay.err()).isEqualTo(ExitCode.OK);
      ObjectNode a = (ObjectNode) live.json();
      ObjectNode b = (ObjectNode) replay.json();
      a.remove("durationMs");
      b.remove("durationMs");
      assertThat(b).isEqualTo(a);
    }
  }

  @Test
  void replayFileOfAnotherDomainIsExit2NotAReportOfTimeouts() throws Exception {
    Path file = tmp.resolve("rec.json");
    try (TestDnsServer dns = TestDnsServer.start().zone("rr.test", ZONE)) {
      assertThat(
              CliRun.of(
                      "spf",
                      "rr.test",
                      "--resolver",
                      dns.address(),
                      "--dns-record",
                      file.toString())
                  .exitCode())
          .isZero();
    }
    for (String[] args :
        new String[][] {{"spf", "other.test"}, {"dkim", "other.test"}, {"mx", "other.test"}}) {
      String[] all =
          java.util.stream.Stream.concat(
                  java.util.Arrays.stream(args),
                  java.util.stream.Stream.of("--dns-replay", file.toString()))
              .toArray(String[]::new);
      CliRun r = CliRun.of(all);
      assertThat(r.exitCode())
          .as(String.join(" ", args) + ": " + r.out())
          .isEqualTo(ExitCode.USAGE);
      assertThat(r.out()).isEmpty();
      assertThat(r.err().strip())
          .isEqualTo(
              "mailcheck: the DNS replay file "
                  + file
                  + " holds none of the answers this run needs (recorded for another domain or command?)");
    }
  }

  @Test
  void recordingIntoADirectoryFailsBeforeAnyOutput() {
    try (TestDnsServer dns = TestDnsServer.start().zone("rr.test", ZONE)) {
      CliRun r =
          CliRun.of("spf", "rr.test", "--resolver", dns.address(), "--dns-record", tmp.toString());
      assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(r.out()).isEmpty();
      assertThat(r.err().strip())
          .isEqualTo("mailcheck: cannot write DNS recording " + tmp + ": it is a directory");
      assertThat(dns.queries()).isEmpty();
    }
  }

  @Test
  void truncatedReplayFileIsOneReadableLine() throws Exception {
    Path file = tmp.resolve("cut.json");
    Files.writeString(
        file, "[ {\n  \"name\" : \"rr.test\",\n  \"type\" : \"TXT\",\n  \"records\" : [ {\n");
    CliRun r = CliRun.of("spf", "rr.test", "--dns-replay", file.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip())
        .startsWith("mailcheck: cannot use DNS replay file " + file + ": not valid JSON at line ")
        .contains("Unexpected end-of-input")
        .doesNotContain("REDACTED")
        .doesNotContain("StreamReadFeature")
        .doesNotContain("\n");
  }
}
