package dev.mailcheck.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.smtp.testserver.ScriptedSmtpServer;
import dev.mailcheck.smtp.testserver.StandardSmtp;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedSmtpProbeIT {
  static ProbeRequest request(String host, int port) throws Exception {
    return ProbeRequest.builder(host, port)
        .addresses(List.of(InetAddress.getByName("127.0.0.1")))
        .timeout(Duration.ofSeconds(3))
        .insecure(true)
        .allowPrivate(true)
        .build();
  }

  @Test
  void anAddressManyDomainsShareIsProbedOnceAndJudgedUnderEachName() throws Exception {
    try (var server = ScriptedSmtpServer.start(new StandardSmtp());
        var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      SharedSmtpProbe probe = new SharedSmtpProbe(new SocketSmtpProbe(null), 2);
      List<Future<ProbeResult>> results = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        ProbeRequest r = request("mx" + i + ".example", server.port());
        results.add(pool.submit(() -> probe.probe(r)));
      }
      for (Future<ProbeResult> f : results) assertThat(f.get().banner()).isPresent();
      assertThat(server.connections()).isEqualTo(1);
      assertThat(probe.sessions()).isEqualTo(1);
    }
  }

  @Test
  void neverOpensMoreThanTheCapToOneAddress() throws Exception {
    AtomicInteger open = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    SmtpProbe slow =
        request -> {
          most.accumulateAndGet(open.incrementAndGet(), Math::max);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          open.decrementAndGet();
          return null;
        };
    SharedSmtpProbe probe = new SharedSmtpProbe(slow, 2);
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> all = new ArrayList<>();
      // different ports: not one shared session, but the same address
      for (int port = 1000; port < 1012; port++) {
        ProbeRequest r = request("mx.example", port);
        all.add(pool.submit(() -> probe.probe(r)));
      }
      for (Future<?> f : all) f.get();
    }
    assertThat(most.get()).isEqualTo(2);
  }
}
