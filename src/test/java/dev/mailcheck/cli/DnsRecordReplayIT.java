package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.report.ExitCode;
import dev.mailcheck.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
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
      _dmarc   IN TXT "v=DMARC1; p=reject"
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
          Stream.concat(Arrays.stream(args), Stream.of("--dns-replay", file.toString()))
              .toArray(String[]::new);
      CliRun r = CliRun.of(all);
      assertThat(r.exitCode())
          .as(String.join(" ", args) + ": " + r.out())
          .isEqualTo(ExitCode.USAGE);
      assertThat(r.out()).isEmpty();
      assertThat(r.err().strip())
          .startsWith(
              "mailcheck: the DNS replay file " + file + " lacks this run's first question (")
          .endsWith("); it was recorded for another domain or command")
          .doesNotContain("\n");
    }
  }

  /**
   * Issue 11 item 17: a recording of {@code dmarc a.rr.test} holds the parent's {@code
   * _dmarc.rr.test} answer that {@code dmarc b.rr.test} also asks; it is still a file of another
   * domain (before the fix the replay went ahead and reported b.rr.test's own record as a timeout).
   */
  @Test
  void replayFileOfASiblingDomainIsRefusedThoughItHoldsTheParentsAnswer() throws Exception {
    Path file = tmp.resolve("sibling.json");
    try (TestDnsServer dns = TestDnsServer.start().zone("rr.test", ZONE)) {
      CliRun live =
          CliRun.of(
              "dmarc", "a.rr.test", "--resolver", dns.address(), "--dns-record", file.toString());
      assertThat(live.exitCode()).as(live.err()).isEqualTo(ExitCode.OK);
    }
    assertThat(Files.readString(file)).contains("_dmarc.rr.test");
    CliRun same = CliRun.of("dmarc", "a.rr.test", "--dns-replay", file.toString());
    assertThat(same.exitCode()).as(same.err()).isEqualTo(ExitCode.OK);
    CliRun sibling = CliRun.of("dmarc", "b.rr.test", "--json", "--dns-replay", file.toString());
    assertThat(sibling.exitCode()).as(sibling.out()).isEqualTo(ExitCode.USAGE);
    assertThat(sibling.out()).isEmpty();
    assertThat(sibling.err().strip())
        .isEqualTo(
            "mailcheck: the DNS replay file "
                + file
                + " lacks this run's first question (_dmarc.b.rr.test TXT); it was recorded for"
                + " another domain or command");
  }

  /** Issue 11 item 17: a path that cannot be written is refused before any question is asked. */
  @Test
  void recordingUnderARegularFileFailsBeforeAnyQuestion() throws Exception {
    Path notAFolder = Files.writeString(tmp.resolve("plain"), "x");
    Path file = notAFolder.resolve("rec.json");
    try (TestDnsServer dns = TestDnsServer.start().zone("rr.test", ZONE)) {
      for (String[] command :
          new String[][] {{"spf", "rr.test"}, {"smtp", "127.0.0.1:9"}, {"ptr", "192.0.2.1"}}) {
        String[] args =
            Stream.concat(
                    Arrays.stream(command),
                    Stream.of("--resolver", dns.address(), "--dns-record", file.toString()))
                .toArray(String[]::new);
        CliRun r = CliRun.of(args);
        assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCode.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip())
            .startsWith("mailcheck: cannot write DNS recording " + file + ": ")
            .doesNotContain("\n");
      }
      assertThat(dns.queries()).isEmpty();
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
        .endsWith("at line 5, column 1: unexpected end of input")
        .doesNotContain("\n");
  }
}
