package dev.mailcheck.checks.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.dkim.BodyHashes;
import dev.mailcheck.checks.dkim.Canonicalization;
import dev.mailcheck.checks.dkim.DkimAlgorithm;
import dev.mailcheck.checks.dkim.DkimCrypto;
import dev.mailcheck.checks.dkim.DkimKeyRecord;
import dev.mailcheck.checks.dkim.DkimMessage;
import dev.mailcheck.checks.dkim.DkimPrivateKey;
import dev.mailcheck.checks.dkim.DkimSigner;
import dev.mailcheck.checks.dkim.MessageInput;
import dev.mailcheck.dns.DnsSettings;
import dev.mailcheck.dns.DnsStack;
import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.report.view.MessageView;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@code mailcheck message} on a message with three DKIM signatures and an ARC set, against the
 * in-process DNS server with 0 and 50 ms per answer (numbers in docs/performance.md). Skipped
 * unless {@code -Dmailcheck.bench=true}:
 *
 * <pre>
 * mvn -B -o test -Dtest=MessageBenchmark -Dmailcheck.bench=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "mailcheck.bench", matches = "true")
class MessageBenchmark {
  static final DkimPrivateKey RSA =
      DkimPrivateKey.generate(DkimAlgorithm.RSA_SHA256, 2048, new SecureRandom());
  static final DkimPrivateKey ED =
      DkimPrivateKey.generate(DkimAlgorithm.ED25519_SHA256, 0, new SecureRandom());

  static String zone() {
    return "$ORIGIN bench.test.\n"
        + "@ IN TXT \"v=spf1 include:_spf.bench.test -all\"\n"
        + "_spf IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n"
        + "_dmarc IN TXT \"v=DMARC1; p=reject; rua=mailto:d@bench.test\"\n"
        + "mail IN A 192.0.2.10\n"
        + "rsa._domainkey IN TXT "
        + String.join(" ", DkimKeyRecord.strings(DkimKeyRecord.text(RSA)))
        + "\n"
        + "ed._domainkey IN TXT "
        + String.join(" ", DkimKeyRecord.strings(DkimKeyRecord.text(ED)))
        + "\n"
        + "esp._domainkey IN TXT "
        + String.join(" ", DkimKeyRecord.strings(DkimKeyRecord.text(RSA)))
        + "\n"
        + "arc._domainkey IN TXT "
        + String.join(" ", DkimKeyRecord.strings(DkimKeyRecord.text(RSA)))
        + "\n";
  }

  static String message() throws Exception {
    String m =
        "Received: from mail.bench.test (mail.bench.test [192.0.2.10])\r\n\tby mx.example.org (Postfix) with ESMTPS id 1; Tue, 9 Apr 2024 10:00:05 +0000\r\n"
            + "Return-Path: <a@bench.test>\r\nFrom: a@bench.test\r\nTo: b@example.org\r\nSubject: bench\r\n"
            + "Date: Tue, 9 Apr 2024 10:00:00 +0000\r\nMessage-ID: <b1@bench.test>\r\n\r\n"
            + "body line\r\n".repeat(2000);
    for (String[] s :
        List.of(new String[] {"rsa", "r"}, new String[] {"ed", "e"}, new String[] {"esp", "r"}))
      m = sign(m, s[0], s[1].equals("r") ? RSA : ED);
    return seal(m);
  }

  static String sign(String m, String selector, DkimPrivateKey key) throws Exception {
    MessageInput in =
        MessageInput.read(new ByteArrayInputStream(m.getBytes(StandardCharsets.ISO_8859_1)));
    var o =
        new DkimSigner.Options(
            "bench.test",
            selector,
            Canonicalization.RELAXED,
            Canonicalization.RELAXED,
            List.of(),
            true,
            1_712_656_800L);
    BodyHashes h = new BodyHashes(List.of(o.bodyRequest()));
    in.streamBody(h);
    return DkimSigner.sign(in.headers(), h.finish(), key, o, "\r\n") + m;
  }

  /** One ARC set (i=1, cv=none) by arc._domainkey.bench.test, made with DKIM's primitives. */
  static String seal(String m) throws Exception {
    String aar =
        "ARC-Authentication-Results: i=1; mx.example.org; dkim=pass header.d=bench.test\r\n";
    String withAar = aar + m;
    MessageInput in =
        MessageInput.read(new ByteArrayInputStream(withAar.getBytes(StandardCharsets.ISO_8859_1)));
    var req = new BodyHashes.Request(Canonicalization.RELAXED, "SHA-256", Long.MAX_VALUE);
    BodyHashes h = new BodyHashes(List.of(req));
    in.streamBody(h);
    String bh = Base64.getEncoder().encodeToString(h.finish().get(req).hash());
    List<String> signed =
        List.of("from", "to", "subject", "date", "message-id", "arc-authentication-results");
    String amsUnsigned =
        "ARC-Message-Signature: i=1; a=rsa-sha256; c=relaxed/relaxed; d=bench.test; s=arc; t=1712656806; h="
            + String.join(":", signed)
            + "; bh="
            + bh
            + "; b=";
    var amsField = new DkimMessage.HeaderField("ARC-Message-Signature", amsUnsigned + "\r\n");
    String amsB =
        Base64.getEncoder()
            .encodeToString(
                DkimCrypto.sign(
                    RSA,
                    DkimCrypto.headerHashInput(
                        in.headers(), signed, Canonicalization.RELAXED, amsField)));
    String ams = amsUnsigned + amsB + "\r\n";
    String asUnsigned =
        "ARC-Seal: i=1; a=rsa-sha256; cv=none; d=bench.test; s=arc; t=1712656806; b=";
    var aarField = new DkimMessage.HeaderField("ARC-Authentication-Results", aar);
    var amsDone = new DkimMessage.HeaderField("ARC-Message-Signature", ams);
    String data =
        DkimCrypto.canonicalHeader(Canonicalization.RELAXED, aarField)
            + DkimCrypto.canonicalHeader(Canonicalization.RELAXED, amsDone)
            + DkimCrypto.canonicalHeaderWithoutB(
                Canonicalization.RELAXED,
                new DkimMessage.HeaderField("ARC-Seal", asUnsigned + "\r\n"));
    String as =
        asUnsigned + Base64.getEncoder().encodeToString(DkimCrypto.sign(RSA, data)) + "\r\n";
    return as + ams + withAar;
  }

  @Test
  void analysisTimeFollowsTheDnsRoundTrips() throws Exception {
    String message = message();
    for (Duration latency : List.of(Duration.ZERO, Duration.ofMillis(50))) {
      try (TestDnsServer server =
              TestDnsServer.start().zone("bench.test", zone()).latency(latency);
          ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Long> times = new ArrayList<>();
        int queries = 0;
        for (int i = 0; i < 8; i++) {
          server.clearQueries();
          try (DnsStack dns =
              DnsStack.open(
                  DnsSettings.of(List.of(server.socketAddress()), Duration.ofSeconds(3)))) {
            long t0 = System.nanoTime();
            MessageInput in =
                MessageInput.read(
                    new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)));
            var q =
                new MessageCheck.Query(
                    in,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    new TrustBoundary.Auto(),
                    false);
            var r =
                Checks.MESSAGE
                    .run(q, CheckContext.dnsOnly(dns.client(), ex, CheckSettings.defaults()))
                    .join();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            MessageView v = (MessageView) r.view();
            assertThat(v.authentication().dkim())
                .extracting(d -> d.result())
                .containsExactly("pass", "pass", "pass");
            assertThat(v.authentication().arc().cv()).isEqualTo("pass");
            assertThat(v.verdict().status()).isEqualTo("pass");
            if (i > 1) times.add(ms);
            queries = server.queries().size();
          }
        }
        times.sort(Long::compare);
        System.out.printf(
            "message bench @%d ms: median %d ms, min %d, max %d; %d queries (sequentially %d ms)%n",
            latency.toMillis(),
            times.get(times.size() / 2),
            times.get(0),
            times.get(times.size() - 1),
            queries,
            queries * latency.toMillis());
      }
    }
  }
}
