package dev.mailcheck.checks.dkim;

import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.testing.WarmUp;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/**
 * DKIM verification throughput of one message in a warm JVM, for bench/peers.sh (which runs dkimpy
 * and mailauth over the same files). Not a test: a {@code main} in test scope.
 *
 * <pre>
 * java -cp CLASSPATH dev.mailcheck.checks.dkim.DkimThroughput MESSAGE ZONE SECONDS THREADS
 * </pre>
 *
 * ZONE holds {@code NAME<TAB>TXT} lines (bench/peers/make-dkim-inputs.py). Each of THREADS threads
 * verifies the message in a loop: a warm-up until the rate stops rising ({@link WarmUp}), then,
 * once every thread is warm, SECONDS counted; every verification must pass. Prints {@code
 * verifications/s N} and, for one thread, {@code allocated-bytes/verification N} (the thread's own
 * allocation, from the JVM's per-thread counter) and {@code verifications/cpu-s N} (per second of
 * the thread's own CPU time, which a loaded machine moves less than wall time).
 */
public final class DkimThroughput {
  private DkimThroughput() {}

  public static void main(String[] args) throws Exception {
    byte[] message = Files.readAllBytes(Path.of(args[0]));
    Map<String, DnsResult> zone = new HashMap<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      if (line.isBlank()) continue;
      String[] f = line.split("\t", 2);
      DnsQuestion q = DnsQuestion.of(f[0], RecordType.TXT);
      zone.put(f[0], new DnsResult.Records(q, List.of(DnsRecord.Txt.ofStrings(f[0], 300, f[1]))));
    }
    DnsClient dns =
        q ->
            CompletableFuture.completedFuture(
                zone.getOrDefault(q.name(), new DnsResult.NxDomain(q)));
    double seconds = Double.parseDouble(args[2]);
    int threads = Integer.parseInt(args[3]);

    LongAdder count = new LongAdder();
    long[] allocated = new long[1];
    long[] allocatedCount = new long[1];
    long[] cpuNanos = new long[1];
    long[] window = new long[2];
    List<Thread> workers = new ArrayList<>();
    CountDownLatch ready = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      boolean measureAllocation = t == 0 && threads == 1;
      workers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    DkimVerifier v =
                        new DkimVerifier(
                            dns, Clock.systemUTC(), DkimVerifier.Sha1Policy.VERIFY_AND_WARN);
                    WarmUp.run(() -> verifyOnce(v, message));
                    ready.countDown();
                    try {
                      ready.await();
                    } catch (InterruptedException e) {
                      throw new IllegalStateException(e);
                    }
                    long end = System.nanoTime() + (long) (seconds * 1e9);
                    var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                    long a0 = measureAllocation ? mx.getCurrentThreadAllocatedBytes() : 0;
                    long cpu0 = mx.getCurrentThreadCpuTime();
                    long n = 0;
                    while (System.nanoTime() < end) {
                      verifyOnce(v, message);
                      n++;
                    }
                    if (measureAllocation) {
                      allocated[0] = mx.getCurrentThreadAllocatedBytes() - a0;
                      allocatedCount[0] = n;
                      cpuNanos[0] = mx.getCurrentThreadCpuTime() - cpu0;
                    }
                    count.add(n);
                  }));
    }
    for (Thread w : workers) w.join();
    System.out.printf("verifications/s %.1f%n", count.sum() / seconds);
    if (allocatedCount[0] > 0) {
      System.out.printf("allocated-bytes/verification %d%n", allocated[0] / allocatedCount[0]);
      // per second of the thread's own CPU time: what a loaded machine's scheduler does not move
      System.out.printf("verifications/cpu-s %.1f%n", allocatedCount[0] / (cpuNanos[0] / 1e9));
    }
  }

  private static void verifyOnce(DkimVerifier v, byte[] message) {
    var r = v.verify(message).signatures();
    if (r.isEmpty() || r.get(0).result() != DkimResult.PASS)
      throw new AssertionError("verification did not pass: " + r);
  }
}
