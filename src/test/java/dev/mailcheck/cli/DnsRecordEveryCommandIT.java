package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.smtp.testserver.ScriptedSmtpServer;
import dev.mailcheck.smtp.testserver.StandardSmtp;
import dev.mailcheck.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --dns-record FILE} writes FILE for every command, also when the run asked DNS nothing. */
class DnsRecordEveryCommandIT {
  static final String ZONE =
      """
      $TTL 300
      @        IN SOA ns.rr.test. h.rr.test. 1 7200 3600 1209600 300
      @        IN NS ns.rr.test.
      ns       IN A 127.0.0.1
      @        IN MX 10 mx1.rr.test.
      mx1      IN A 127.0.0.1
      @        IN TXT "v=spf1 -all"
      _dmarc   IN TXT "v=DMARC1; p=reject"
      """;

  @AutoClose static TestDnsServer dns;
  @AutoClose static ScriptedSmtpServer smtp;
  @TempDir Path tmp;

  @BeforeAll
  static void start() throws Exception {
    dns = TestDnsServer.start().zone("rr.test", ZONE);
    smtp = ScriptedSmtpServer.start(new StandardSmtp());
  }

  JsonNode recorded(String... args) throws Exception {
    Path file = tmp.resolve("rec-" + args[0] + ".json");
    Files.deleteIfExists(file);
    List<String> all =
        new ArrayList<>(
            List.of(
                "--resolver", dns.address(), "--timeout", "2s", "--dns-record", file.toString()));
    all.addAll(Arrays.asList(args));
    CliRun r = CliRun.of(all.toArray(String[]::new));
    assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isIn(0, 1);
    assertThat(file).as(String.join(" ", args)).exists();
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.isArray()).as(String.join(" ", args)).isTrue();
    return json;
  }

  @Test
  void dnsCommandsRecordWhatTheyAsked() throws Exception {
    for (String[] args :
        new String[][] {
          {"mx", "rr.test"},
          {"spf", "rr.test"},
          {"dmarc", "rr.test"},
          {"dkim", "rr.test"},
          {"ptr", "127.0.0.1"},
          {"domain", "rr.test", "--no-smtp", "--allow-private"},
        }) {
      assertThat(recorded(args)).as(String.join(" ", args)).isNotEmpty();
    }
  }

  @Test
  void commandsThatAskNoDnsWriteAnEmptyRecording() throws Exception {
    assertThat(recorded("smtp", smtp.hostPort(), "--no-legacy-tls")).isEmpty();
    assertThat(recorded("smtp", smtp.hostPort(), "--all-ports")).isEmpty();
    assertThat(recorded("ports", "127.0.0.1")).isEmpty();
    Path eml = tmp.resolve("m.eml");
    Files.writeString(
        eml, "From: a@example.com\r\nSubject: hi\r\n\r\nHello.\r\n", StandardCharsets.ISO_8859_1);
    assertThat(recorded("dkim", "verify", eml.toString())).isEmpty();
  }
}
