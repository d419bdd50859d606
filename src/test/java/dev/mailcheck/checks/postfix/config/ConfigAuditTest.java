package dev.mailcheck.checks.postfix.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigAuditTest {
  static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");

  @TempDir Path tmp;

  /** Copies a fixture directory (main.cf, master.cf) to the temporary folder. */
  Path fixture(String name) throws IOException {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    for (String f : List.of("main.cf", "master.cf")) {
      try (InputStream in = getClass().getResourceAsStream(name + "/" + f)) {
        if (in != null) Files.write(dir.resolve(f), in.readAllBytes());
      }
    }
    return dir;
  }

  static List<Finding> audit(Path dir) {
    return ConfigAudit.evaluate(
        ConfigLoader.load(new PostfixConfigCheck.Query(dir, List.of())), NOW);
  }

  static Status worst(List<Finding> fs, FindingId id) {
    return fs.stream()
        .filter(f -> f.kind() == id)
        .map(Finding::status)
        .reduce(Status.PASS, Status::worst);
  }

  static Finding first(List<Finding> fs, FindingId id, Status st) {
    return fs.stream()
        .filter(f -> f.kind() == id && f.status() == st)
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " " + st + " in " + fs));
  }

  @Test
  void debianDefault() throws IOException {
    var fs = audit(fixture("debian"));
    assertThat(worst(fs, FindingId.POSTFIX_CONFIG_FILES)).isEqualTo(Status.PASS);
    assertThat(worst(fs, FindingId.POSTFIX_CONFIG_RELAY)).isEqualTo(Status.PASS);
    assertThat(worst(fs, FindingId.POSTFIX_CONFIG_MYNETWORKS)).isEqualTo(Status.PASS);
    assertThat(worst(fs, FindingId.POSTFIX_CONFIG_SUBMISSION)).isEqualTo(Status.INFO);
    assertThat(worst(fs, FindingId.POSTFIX_CONFIG_SMTPS)).isEqualTo(Status.INFO);
    assertThat(worst(fs, FindingId.POSTFIX_CONFIG_TLS_LEVEL)).isEqualTo(Status.PASS);
    assertThat(worst(fs, FindingId.POSTFIX_CONFIG_OUTBOUND_TLS)).isEqualTo(Status.PASS);
    // Postfix 3.7 defaults: >=TLSv1
    assertThat(worst(fs, FindingId.POSTFIX_CONFIG_TLS_PROTOCOLS)).isEqualTo(Status.WARN);
    assertThat(worst(fs, FindingId.POSTFIX_CONFIG_VRFY)).isEqualTo(Status.WARN);
    assertThat(worst(fs, FindingId.POSTFIX_CONFIG_DKIM)).isEqualTo(Status.WARN);
    Finding vrfy = first(fs, FindingId.POSTFIX_CONFIG_VRFY, Status.WARN);
    assertThat(vrfy.remedy())
        .contains("postconf -e 'disable_vrfy_command = yes' && postfix reload");
    assertThat(vrfy.evidence()).containsExactly("disable_vrfy_command = no  (default)");
  }

  @Test
  void seedStyleServerPassesWithItsCertificate() throws Exception {
    Path dir = fixture("seed");
    var key = TestCertificates.ec();
    TestCertificates.write(
        dir.resolve("tls/key.pem"),
        dir.resolve("tls/fullchain.pem"),
        key,
        key,
        "mail.example.com",
        NOW.minus(Duration.ofDays(1)),
        NOW.plus(Duration.ofDays(60)));
    Files.setPosixFilePermissions(
        dir.resolve("tls/key.pem"),
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    Files.writeString(
        dir.resolve("main.cf"),
        Files.readString(dir.resolve("main.cf")) + "config_directory = " + dir + "\n");
    var fs = audit(dir);
    for (FindingId id :
        List.of(
            FindingId.POSTFIX_CONFIG_FILES,
            FindingId.POSTFIX_CONFIG_EXPANSION,
            FindingId.POSTFIX_CONFIG_RELAY,
            FindingId.POSTFIX_CONFIG_MYNETWORKS,
            FindingId.POSTFIX_CONFIG_SUBMISSION,
            FindingId.POSTFIX_CONFIG_SMTPS,
            FindingId.POSTFIX_CONFIG_TLS_LEVEL,
            FindingId.POSTFIX_CONFIG_CERTIFICATE,
            FindingId.POSTFIX_CONFIG_TLS_AUTH_ONLY,
            FindingId.POSTFIX_CONFIG_SASL_ANONYMOUS,
            FindingId.POSTFIX_CONFIG_MYHOSTNAME,
            FindingId.POSTFIX_CONFIG_OUTBOUND_TLS,
            FindingId.POSTFIX_CONFIG_VRFY,
            FindingId.POSTFIX_CONFIG_HELO_REQUIRED,
            FindingId.POSTFIX_CONFIG_MESSAGE_SIZE,
            FindingId.POSTFIX_CONFIG_RATE_LIMITS,
            FindingId.POSTFIX_CONFIG_DNSBL,
            FindingId.POSTFIX_CONFIG_DKIM))
      assertThat(worst(fs, id)).as(id.id() + " " + fs).isEqualTo(Status.PASS);
  }

  @Test
  void brokenConfigurationFailsWithExactRemedies() throws IOException {
    var fs = audit(fixture("broken"));
    Finding relay = first(fs, FindingId.POSTFIX_CONFIG_RELAY, Status.FAIL);
    assertThat(relay.title()).startsWith("Open relay");
    assertThat(
            fs.stream()
                .filter(
                    f -> f.kind() == FindingId.POSTFIX_CONFIG_RELAY && f.status() == Status.FAIL)
                .map(f -> f.remedy().orElse("")))
        .anySatisfy(
            r ->
                assertThat(r)
                    .contains(
                        "postconf -P 'submission/inet/smtpd_relay_restrictions=permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination'"));
    assertThat(first(fs, FindingId.POSTFIX_CONFIG_MYNETWORKS, Status.FAIL).title())
        .contains("0.0.0.0/0");
    assertThat(first(fs, FindingId.POSTFIX_CONFIG_SMTPS, Status.FAIL).remedy())
        .contains("postconf -P 'smtps/inet/smtpd_tls_wrappermode=yes' && postfix reload");
    assertThat(worst(fs, FindingId.POSTFIX_CONFIG_TLS_PROTOCOLS)).isEqualTo(Status.WARN);
    assertThat(first(fs, FindingId.POSTFIX_CONFIG_TLS_CIPHERS, Status.FAIL).remedy())
        .contains("postconf -e 'smtpd_tls_ciphers = medium' && postfix reload");
    assertThat(first(fs, FindingId.POSTFIX_CONFIG_CERTIFICATE, Status.FAIL).detail())
        .contains("no such file");
    assertThat(worst(fs, FindingId.POSTFIX_CONFIG_TLS_LEVEL)).isEqualTo(Status.WARN);
    assertThat(worst(fs, FindingId.POSTFIX_CONFIG_SASL_ANONYMOUS)).isEqualTo(Status.FAIL);
    assertThat(worst(fs, FindingId.POSTFIX_CONFIG_MYHOSTNAME)).isEqualTo(Status.FAIL);
    assertThat(worst(fs, FindingId.POSTFIX_CONFIG_OUTBOUND_TLS)).isEqualTo(Status.WARN);
    assertThat(worst(fs, FindingId.POSTFIX_CONFIG_MESSAGE_SIZE)).isEqualTo(Status.WARN);
    assertThat(worst(fs, FindingId.POSTFIX_CONFIG_DNSBL)).isEqualTo(Status.WARN);
    Finding files = first(fs, FindingId.POSTFIX_CONFIG_FILES, Status.WARN);
    assertThat(files.evidence())
        .contains(
            "main.cf:14: not 'name = value': this line is not a parameter",
            "master.cf:5: a service needs 8 fields: short line");
  }

  @Test
  void expansionLoopIsReportedAndTerminates() throws IOException {
    var fs = audit(fixture("loop"));
    Finding loop = first(fs, FindingId.POSTFIX_CONFIG_EXPANSION, Status.FAIL);
    assertThat(loop.title()).contains("myhostname -> mydomain_alias -> myhostname");
    assertThat(worst(fs, FindingId.POSTFIX_CONFIG_FILES)).isEqualTo(Status.WARN); // no master.cf
  }

  @Test
  void expiredMismatchedCertificate() throws Exception {
    var key = TestCertificates.ec();
    var other = TestCertificates.ec();
    TestCertificates.write(
        tmp.resolve("k.pem"),
        tmp.resolve("c.pem"),
        key,
        other,
        "wrong.example",
        NOW.minus(Duration.ofDays(400)),
        NOW.minus(Duration.ofDays(30)));
    TlsIdentity id =
        CertificateReader.read(
            "main.cf",
            "mail.example.com",
            tmp.resolve("c.pem").toString(),
            tmp.resolve("k.pem").toString());
    assertThat(id.keyMatches()).isFalse();
    Finding f = TlsRules.certificate(id, NOW);
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.detail())
        .contains("does not belong", "expired", "does not name myhostname mail.example.com");
  }
}
