package dev.mailcheck.checks.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mailcheck dkim} and {@code dkim verify} end to end against the in-process DNS server. */
class DkimCliIT {
  static final KeyPair RSA = TestSigner.rsa(2048);
  static final KeyPair ED = TestSigner.ed25519();

  @TempDir Path tmp;

  /** A key record as TXT character-strings of at most 255 octets (RFC 6376 §3.6.2.2). */
  static String[] strings(String record) {
    int n = (record.length() + 254) / 255;
    String[] out = new String[n];
    for (int i = 0; i < n; i++)
      out[i] = record.substring(i * 255, Math.min(record.length(), (i + 1) * 255));
    return out;
  }

  static TestDnsServer server() {
    return TestDnsServer.start()
        .zone(
            "example.test",
            "@ 300 IN SOA ns.example.test. h.example.test. 1 3600 600 86400 300\n@ 300 IN NS ns.example.test.\nns 300 IN A 127.0.0.1\n")
        .mx("example.test", 10, "aspmx.l.google.com")
        .txt("example.test", "v=spf1 include:_spf.google.com include:sendgrid.net -all")
        .txt("google._domainkey.example.test", strings(TestSigner.keyRecord(RSA.getPublic())))
        .cname("s1._domainkey.example.test", "s1.domainkey.u123.wl.sendgrid.example.test")
        .txt("s1.domainkey.u123.wl.sendgrid.example.test", TestSigner.keyRecord(ED.getPublic()))
        .txt("old._domainkey.example.test", "v=DKIM1; k=rsa; p=");
  }

  @Test
  void auditFindsProviderSelectorsThroughTheRealResolver() {
    try (TestDnsServer dns = server()) {
      CliRun r =
          CliRun.of(
              "dkim", "example.test", "--selector", "old", "--resolver", dns.address(), "--json");
      // "old" was named and its key is revoked: every signature with it is permerror, so the
      // audit fails (exit 1) instead of passing it as "key found" (issue 11 item 6).
      assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
      JsonNode j = r.json();
      assertThat(j.get("command").asText()).isEqualTo("dkim");
      JsonNode sel = j.get("dkim").get("selectors");
      assertThat(sel.get(0).get("selector").asText()).isEqualTo("old");
      assertThat(sel.get(0).get("revoked").asBoolean()).isTrue();
      assertThat(sel.get(0).get("unusable").asText()).isEqualTo("revoked (empty p=)");
      assertThat(j.get("findings").findValuesAsText("title"))
          .contains("DKIM key for selector old is unusable: revoked (empty p=)")
          .doesNotContain("DKIM key found for selector old");
      assertThat(sel.findValuesAsText("selector")).contains("google", "s1");
      JsonNode google = find(sel, "google");
      assertThat(google.get("keyBits").asInt()).isEqualTo(2048);
      JsonNode s1 = find(sel, "s1");
      assertThat(s1.get("keyType").asText()).isEqualTo("ed25519");
      assertThat(s1.get("cnameChain").size()).isPositive();
      assertThat(j.get("dkim").get("domainKeyTree").asText()).isIn("NODATA", "NOERROR");
    }
  }

  @Test
  void missingSelectorFailsAndServfailIsAnErrorNotMissing() {
    try (TestDnsServer dns = server()) {
      dns.servfail("flaky._domainkey.example.test", RecordType.TXT);
      CliRun r =
          CliRun.of(
              "dkim",
              "example.test",
              "-s",
              "gone",
              "-s",
              "flaky",
              "--resolver",
              dns.address(),
              "--json",
              "--timeout",
              "2s");
      assertThat(r.exitCode()).isEqualTo(1);
      JsonNode j = r.json();
      assertThat(j.get("findings").toString())
          .contains("No DKIM key for selector gone")
          .contains("Could not look up selector flaky");
      assertThat(j.get("findings").toString()).doesNotContain("No DKIM key for selector flaky");
    }
  }

  @Test
  void verifyPassesAndAChangedBodyFailsWithTheReason() throws Exception {
    String msg =
        "From: a@example.test\r\nTo: b@example.net\r\nSubject: hi\r\nDate: Sat, 28 Nov 2026 21:00:00 +0000\r\n\r\nHello there.\r\n";
    byte[] signed =
        TestSigner.sign(
            msg.getBytes(StandardCharsets.ISO_8859_1),
            RSA.getPrivate(),
            TestSigner.Options.of(DkimAlgorithm.RSA_SHA256, "example.test", "google")
                .times(System.currentTimeMillis() / 1000, null));
    Path ok = tmp.resolve("ok.eml");
    Files.write(ok, signed);
    Path bad = tmp.resolve("bad.eml");
    Files.writeString(
        bad,
        new String(signed, StandardCharsets.ISO_8859_1).replace("Hello there", "Hello world"),
        StandardCharsets.ISO_8859_1);
    try (TestDnsServer dns = server()) {
      CliRun r = CliRun.of("dkim", "verify", ok.toString(), "--resolver", dns.address(), "--json");
      assertThat(r.exitCode()).as(r.err()).isZero();
      JsonNode sig = r.json().get("dkim").get("signatures").get(0);
      assertThat(sig.get("result").asText()).isEqualTo("pass");
      assertThat(sig.get("domain").asText()).isEqualTo("example.test");

      CliRun f = CliRun.of("dkim", "verify", bad.toString(), "--resolver", dns.address(), "--json");
      assertThat(f.exitCode()).isEqualTo(1);
      JsonNode fs = f.json().get("dkim").get("signatures").get(0);
      assertThat(fs.get("result").asText()).isEqualTo("fail");
      assertThat(fs.get("reason").asText()).startsWith("body hash mismatch");
    }
  }

  @Test
  void rsaSha1IsWarnedByDefaultAndPermerrorWithRfc8301() throws Exception {
    String msg = "From: a@example.test\r\nTo: b@example.net\r\nSubject: hi\r\n\r\nHello.\r\n";
    byte[] signed =
        TestSigner.sign(
            msg.getBytes(StandardCharsets.ISO_8859_1),
            RSA.getPrivate(),
            TestSigner.Options.of(DkimAlgorithm.RSA_SHA1, "example.test", "google")
                .times(System.currentTimeMillis() / 1000, null));
    Path f = tmp.resolve("sha1.eml");
    Files.write(f, signed);
    try (TestDnsServer dns = server()) {
      CliRun lenient =
          CliRun.of("dkim", "verify", f.toString(), "--resolver", dns.address(), "--json");
      assertThat(lenient.exitCode()).isZero();
      JsonNode j = lenient.json();
      assertThat(j.get("dkim").get("signatures").get(0).get("result").asText()).isEqualTo("pass");
      assertThat(j.get("status").asText()).isEqualTo("warn");
      assertThat(j.get("findings").findValuesAsText("id")).contains("dkim.rsa-sha1");

      CliRun strict =
          CliRun.of(
              "dkim", "verify", "--rfc8301", f.toString(), "--resolver", dns.address(), "--json");
      assertThat(strict.exitCode()).isEqualTo(1);
      assertThat(strict.json().get("dkim").get("signatures").get(0).get("result").asText())
          .isEqualTo("permerror");
    }
  }

  private static JsonNode find(JsonNode arr, String selector) {
    for (JsonNode n : arr) if (n.get("selector").asText().equals(selector)) return n;
    throw new AssertionError("no selector " + selector);
  }
}
