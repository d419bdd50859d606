package dev.mailcheck.checks.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Signatures verified per second, warm JVM, one thread, keys answered from an in-memory DNS zone.
 * Not part of the default run (the name does not end in Test); run it with {@code mvn -o test
 * -Dtest=DkimVerifyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. Numbers go to
 * docs/performance.md under "DKIM".
 */
@Tag("benchmark")
class DkimVerifyBenchmark {
  static final int MESSAGES = Integer.getInteger("dkim.bench.messages", 3000);

  record Corpus(String name, List<byte[]> messages) {}

  @Test
  void verifySignaturesPerSecond() {
    KeyPair rsa2048 = TestSigner.rsa(2048);
    KeyPair ed = TestSigner.ed25519();
    Map<String, DnsResult> zone = new HashMap<>();
    put(zone, "rsa._domainkey.bench.example", TestSigner.keyRecord(rsa2048.getPublic()));
    put(zone, "ed._domainkey.bench.example", TestSigner.keyRecord(ed.getPublic()));
    DnsClient dns =
        q ->
            CompletableFuture.completedFuture(
                zone.getOrDefault(q.name(), new DnsResult.NxDomain(q)));

    Random random = new Random(42);
    List<Corpus> corpora = new ArrayList<>();
    for (String kind :
        List.of(
            "rsa-sha256 relaxed/relaxed",
            "rsa-sha256 simple/simple",
            "ed25519-sha256 relaxed/relaxed")) {
      List<byte[]> msgs = new ArrayList<>();
      for (int i = 0; i < MESSAGES; i++) {
        String msg = message(random, i);
        boolean isEd = kind.startsWith("ed");
        DkimAlgorithm a = isEd ? DkimAlgorithm.ED25519_SHA256 : DkimAlgorithm.RSA_SHA256;
        Canonicalization c =
            kind.contains("simple") ? Canonicalization.SIMPLE : Canonicalization.RELAXED;
        var o = TestSigner.Options.of(a, "bench.example", isEd ? "ed" : "rsa").canon(c, c);
        msgs.add(
            TestSigner.sign(
                msg.getBytes(StandardCharsets.ISO_8859_1),
                isEd ? ed.getPrivate() : rsa2048.getPrivate(),
                o));
      }
      corpora.add(new Corpus(kind, msgs));
    }
    DkimVerifier verifier =
        new DkimVerifier(dns, Clock.systemUTC(), DkimVerifier.Sha1Policy.VERIFY_AND_WARN);
    for (Corpus c : corpora) run(verifier, c); // warm-up
    System.out.println(
        "DKIM verify benchmark: "
            + MESSAGES
            + " messages per corpus, ~2.5 KB each, 1 thread, JDK "
            + Runtime.version());
    for (Corpus c : corpora) {
      double best = 0;
      for (int round = 0; round < 3; round++) best = Math.max(best, run(verifier, c));
      System.out.printf("  %-32s %,10.0f signatures/s (best of 3)%n", c.name(), best);
    }
  }

  static double run(DkimVerifier verifier, Corpus c) {
    long start = System.nanoTime();
    int pass = 0;
    for (byte[] m : c.messages()) {
      if (verifier.verify(m).signatures().get(0).result() == DkimResult.PASS) pass++;
    }
    double secs = (System.nanoTime() - start) / 1e9;
    assertThat(pass).as(c.name()).isEqualTo(c.messages().size());
    return c.messages().size() / secs;
  }

  static String message(Random r, int i) {
    String[] words = {
      "deliver",
      "mail",
      "server",
      "the",
      "report",
      "signature",
      "domain",
      "key",
      "and",
      "to",
      "of",
      "hello"
    };
    StringBuilder body = new StringBuilder();
    while (body.length() < 2300) {
      StringBuilder line = new StringBuilder();
      while (line.length() < 70)
        line.append(words[r.nextInt(words.length)]).append(r.nextInt(5) == 0 ? "  " : " ");
      body.append(line.toString().stripTrailing()).append("\r\n");
    }
    return "From: Sender <sender@bench.example>\r\nTo: rcpt"
        + i
        + "@example.net\r\nSubject: Benchmark message "
        + i
        + "\r\nDate: Sat, 28 Nov 2026 21:00:00 +0000\r\nMessage-ID: <"
        + i
        + "@bench.example>\r\n\r\n"
        + body;
  }

  private static void put(Map<String, DnsResult> zone, String name, String txt) {
    DnsQuestion q = DnsQuestion.of(name, dev.mailcheck.dns.RecordType.TXT);
    zone.put(name, new DnsResult.Records(q, List.of(DnsRecord.Txt.ofStrings(name, 300, txt))));
  }
}
