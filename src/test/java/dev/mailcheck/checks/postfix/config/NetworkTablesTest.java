package dev.mailcheck.checks.postfix.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.Checks;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.testing.TestChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tables and files mynetworks names are read and judged like inline networks. */
class NetworkTablesTest {
  @TempDir Path dir;

  Finding mynetworks(String value) throws Exception {
    Files.writeString(dir.resolve("main.cf"), "mynetworks = " + value + "\n");
    var r =
        TestChecks.run(
            Checks.POSTFIX_CONFIG, new PostfixConfigCheck.Query(dir, List.of()), new FakeDns());
    return r.findings().stream()
        .filter(f -> f.kind() == FindingId.POSTFIX_CONFIG_MYNETWORKS)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aWideNetworkInACidrTableIsFound() throws Exception {
    Files.writeString(
        dir.resolve("nets"),
        "# trusted\n192.0.2.0/24 OK\n10.0.0.0/8 REJECT not us\n198.18.0.0/20   permit\n");
    Finding f = mynetworks("127.0.0.0/8 cidr:" + dir.resolve("nets"));
    assertThat(f.status()).isEqualTo(Status.WARN);
    assertThat(f.title()).contains("198.18.0.0/20 (cidr:").doesNotContain("10.0.0.0/8");
    assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("(2 networks)"));
  }

  @Test
  void aFileOfPatternsAndAHashSourceAreRead() throws Exception {
    Files.writeString(dir.resolve("more"), "192.0.2.0/25, 0.0.0.0/0\n");
    Files.writeString(dir.resolve("keys"), "203.0.113.0/24 OK\n");
    Finding f = mynetworks(dir.resolve("more") + " hash:" + dir.resolve("keys"));
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.title()).contains("0.0.0.0/0 (" + dir.resolve("more") + ")");
  }

  @Test
  void narrowTablesPassAndUnreadOnesAreNamed() throws Exception {
    Files.writeString(dir.resolve("nets"), "192.0.2.10/32 OK\n");
    Finding f =
        mynetworks(
            "127.0.0.0/8 cidr:"
                + dir.resolve("nets")
                + " hash:"
                + dir.resolve("gone")
                + " pcre:/x");
    assertThat(f.status()).isEqualTo(Status.PASS);
    assertThat(f.evidence())
        .anySatisfy(e -> assertThat(e).contains("not checked").contains("gone: not found"))
        .anySatisfy(e -> assertThat(e).contains("pcre: tables are not read"));
  }

  @Test
  void aHugeTableIsNotRead() throws Exception {
    Files.writeString(dir.resolve("big"), "192.0.2.1/32 OK\n".repeat(70_000));
    Finding f = mynetworks("cidr:" + dir.resolve("big"));
    assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("larger than 1 MB"));
  }
}
