package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.report.ExitCode;
import dev.mailcheck.testing.CliRun;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input is a one-line error and exit 2, before any DNS question is asked. */
class SpfCommandTest {
  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of(
            new String[] {"spf", "example.com", "--ip", "203.0.113"},
            "is not an IPv4 or IPv6 address"),
        Arguments.of(
            new String[] {"spf", "example.com", "--ip", "mail.example.com"},
            "is not an IPv4 or IPv6 address"),
        Arguments.of(
            new String[] {"spf", "example.com", "--ip", "300.1.1.1"},
            "is not an IPv4 or IPv6 address"),
        Arguments.of(
            new String[] {"spf", "not a domain", "--ip", "203.0.113.5"},
            "is not a valid domain name"),
        Arguments.of(new String[] {"spf", "localhost"}, "is not a valid domain name"),
        Arguments.of(
            new String[] {"spf", "192.0.2.1"},
            "is an IP address, not a domain name; to evaluate SPF for a client address: mailcheck spf DOMAIN --ip 192.0.2.1"),
        Arguments.of(new String[] {"spf", "2001:db8::1"}, "is an IP address, not a domain"),
        Arguments.of(new String[] {"spf"}, "Missing required parameter: 'DOMAIN'"),
        Arguments.of(new String[] {"spf", "a..example.com"}, "is not a valid domain name"),
        Arguments.of(
            new String[] {"spf", "x".repeat(64) + ".example.com"}, "is not a valid domain name"),
        Arguments.of(new String[] {"spf", "example.com", "--sender", "a@example.com"}, "need --ip"),
        Arguments.of(
            new String[] {"spf", "example.com", "--ip", "192.0.2.1", "--helo", "a b"},
            "'a b' is not a HELO name"),
        Arguments.of(
            new String[] {"spf", "example.com", "--ip", "192.0.2.1", "--helo", ""},
            "is not a HELO name"),
        Arguments.of(
            new String[] {"spf", "example.com", "--ip", "192.0.2.1", "--helo", "mx\nx"},
            "'mx?x' is not a HELO name"),
        Arguments.of(
            new String[] {"spf", "example.com", "--ip", "203.0.113.5", "--sender", "no body"},
            "is not a sender address"),
        Arguments.of(
            new String[] {"spf", "example.com", "--ip", "203.0.113.5", "--sender", "bob@"},
            "is not a sender address"));
  }

  @ParameterizedTest
  @MethodSource("badInput")
  void badInputExitsTwoWithOneLine(String[] args, String message) {
    CliRun r = CliRun.of(args);
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains(message);
    assertThat(r.err().lines().findFirst().orElse("")).contains(message);
    assertThat(r.err().strip().lines().count())
        .isLessThanOrEqualTo(2); // the message, maybe the --help hint
    assertThat(r.out()).isEmpty();
  }

  @Test
  void helpDescribesTheCommand() {
    CliRun r = CliRun.of("spf", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("--ip")
        .contains("--sender")
        .contains("--helo")
        .contains("for the %{h} macro");
    assertThat(r.err()).as("picocli format warnings").isEmpty();
  }

  @Test
  void domainNamesAreNormalized() {
    assertThat(SpfCommand.domainName("Example.COM.")).isEqualTo("example.com");
    assertThat(SpfCommand.domainName("bücher.example")).isEqualTo("xn--bcher-kva.example");
  }
}
