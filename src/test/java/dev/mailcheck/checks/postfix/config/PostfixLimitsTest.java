package dev.mailcheck.checks.postfix.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.testing.TestChecks;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The caps of the Postfix configuration audit at cap−1, cap and cap+1 (issue 19): the size of
 * main.cf/master.cf, of a certificate or key file and of a mynetworks table source, the number of
 * mynetworks tables read and the addresses of myhostname whose PTR is checked.
 */
class PostfixLimitsTest {
  @TempDir Path dir;

  /** A file of exactly {@code size} bytes: {@code head}, then lines of '#' (a comment). */
  private Path file(String name, String head, long size) throws IOException {
    Path p = dir.resolve(name);
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] pad = new byte[(int) (size - h.length)];
    for (int i = 0; i < pad.length; i++) pad[i] = (byte) (i % 100 == 99 ? '\n' : '#');
    if (pad.length > 0) pad[pad.length - 1] = '\n';
    try (var out = Files.newOutputStream(p)) {
      out.write(h);
      out.write(pad);
    }
    assertThat(Files.size(p)).isEqualTo(size);
    return p;
  }

  @ParameterizedTest(name = "{0} bytes over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void configFileSize(int delta) throws IOException {
    long size = Limits.POSTFIX_CONFIG_FILE_BYTES + delta;
    Path p = dir.resolve("main.cf");
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.setLength(size);
    }
    if (delta <= 0) {
      assertThat(ConfigLoader.read(p)).hasSize((int) size);
    } else {
      assertThatThrownBy(() -> ConfigLoader.read(p))
          .isInstanceOf(InputException.class)
          .hasMessage(p + ": larger than 10 MiB, not a Postfix configuration file");
    }
  }

  @ParameterizedTest(name = "{0} bytes over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void certificateFileSize(int delta) throws Exception {
    Instant now = Instant.now();
    var key = TestCertificates.ec();
    Path k = dir.resolve("k.pem");
    Path c = dir.resolve("c.pem");
    TestCertificates.write(
        k, c, key, key, "mail.example.com", now.minus(Duration.ofDays(1)), now.plusSeconds(86400));
    String pem = Files.readString(c, StandardCharsets.US_ASCII);
    file("c.pem", pem, Limits.POSTFIX_CERTIFICATE_FILE_BYTES + delta);
    TlsIdentity id =
        CertificateReader.read("main.cf", "mail.example.com", c.toString(), k.toString());
    if (delta <= 0) {
      assertThat(id.problems()).isEmpty();
      assertThat(id.names()).containsExactly("mail.example.com");
      assertThat(id.keyMatches()).isTrue();
    } else {
      assertThat(id.problems()).containsExactly(c + ": larger than 1 MiB, not a PEM file");
      assertThat(id.notAfter()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0} bytes over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void networkTableSize(int delta) throws IOException {
    Path t = file("nets", "192.0.2.0/24 OK\n", Limits.POSTFIX_NETWORK_TABLE_BYTES + delta);
    Map<String, NetworkTables.Table> read = NetworkTables.read("127.0.0.0/8 cidr:" + t);
    NetworkTables.Table table = read.get("cidr:" + t);
    if (delta <= 0) {
      assertThat(table.networks()).containsExactly("192.0.2.0/24");
      assertThat(table.problem()).isEmpty();
    } else {
      assertThat(table.networks()).isEmpty();
      assertThat(table.problem()).contains(t + ": larger than 1 MB, not read");
    }
  }

  @ParameterizedTest(name = "{0} tables over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void networkTablesRead(int delta) throws IOException {
    int n = Limits.POSTFIX_NETWORK_TABLES + delta;
    List<String> items = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      Path t = dir.resolve("nets" + i);
      Files.writeString(t, "192.0.2." + i + "/32 OK\n");
      items.add("cidr:" + t);
    }
    Map<String, NetworkTables.Table> read =
        NetworkTables.read("127.0.0.0/8 " + String.join(", ", items));
    int kept = Math.min(n, Limits.POSTFIX_NETWORK_TABLES);
    assertThat(read.keySet()).containsExactlyElementsOf(items.subList(0, kept));
    assertThat(read.get(items.get(kept - 1)).networks()).containsExactly("192.0.2." + kept + "/32");
  }

  @ParameterizedTest(name = "{0} addresses over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void hostnameAddressesChecked(int delta) {
    int n = Limits.POSTFIX_HOSTNAME_ADDRESSES + delta;
    FakeDns dns = new FakeDns();
    for (int i = 1; i <= n; i++)
      dns.a("mail.example.com", "198.51.100." + i)
          .ptr(i + ".100.51.198.in-addr.arpa", "mail.example.com");
    HostnameDns h = HostnameDns.fetch("mail.example.com", TestChecks.context(dns)).join();
    int kept = Math.min(n, Limits.POSTFIX_HOSTNAME_ADDRESSES);
    assertThat(h.reverses()).hasSize(kept);
    for (int i = 1; i <= n; i++) {
      var ptr = DnsQuestion.of(i + ".100.51.198.in-addr.arpa", RecordType.PTR);
      if (i <= kept) assertThat(dns.asked()).contains(ptr);
      else assertThat(dns.asked()).doesNotContain(ptr);
    }
    assertThat(h.finding().evidence())
        .contains("198.51.100." + kept + " PTR mail.example.com")
        .noneMatch(e -> e.startsWith("198.51.100." + (kept + 1) + " "));
  }
}
