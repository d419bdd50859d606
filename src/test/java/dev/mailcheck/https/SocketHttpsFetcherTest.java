package dev.mailcheck.https;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.HttpsDocuments;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.internal.Switches;
import dev.mailcheck.smtp.testserver.TestPki;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SocketHttpsFetcherTest {
  static final String HOST = "mta-sts.example.test";
  static final URI URL = URI.create("https://" + HOST + "/.well-known/mta-sts.txt");
  static final byte[] POLICY =
      "version: STSv1\r\nmode: enforce\r\nmx: mx.example.test\r\nmax_age: 604800\r\n"
          .getBytes(StandardCharsets.US_ASCII);
  static TestPki pki;
  static TestPki.Issued good;

  @BeforeAll
  static void pki() {
    pki = TestPki.create();
    good = pki.issue(HOST, List.of(HOST), 90);
  }

  static FakeDns dns() {
    return new FakeDns().a(HOST, "127.0.0.1");
  }

  HttpsResult fetch(TestHttpsServer server, Duration timeout) {
    return fetch(server, timeout, 64 * 1024);
  }

  HttpsResult fetch(TestHttpsServer server, Duration timeout, int max) {
    var fetcher = new SocketHttpsFetcher(dns(), Clock.systemUTC()).withPort(server.port());
    return fetcher.fetch(
        new HttpsRequest(URL, max, timeout, List.of(pki.ca()), AddressFilter.allowAll()));
  }

  @Test
  void fetchesThePolicyWithAGetForThePathAndHost() throws Exception {
    try (var server =
        TestHttpsServer.serving(good.serverContext(), "text/plain; charset=utf-8", POLICY)) {
      var r = (HttpsResult.Response) fetch(server, Duration.ofSeconds(3));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).isEqualTo(POLICY);
      assertThat(r.mediaType()).isEqualTo("text/plain");
      assertThat(r.address()).isEqualTo("127.0.0.1");
      assertThat(server.requests()).hasSize(1);
      assertThat(server.requests().get(0))
          .startsWith("GET /.well-known/mta-sts.txt HTTP/1.1\r\n")
          .contains("Host: " + HOST + "\r\n");
    }
  }

  @Test
  void aRedirectIsAResponseAndIsNeverFollowed() throws Exception {
    try (var server =
        TestHttpsServer.start(
            good.serverContext(),
            (head, out) ->
                out.write(
                    ("HTTP/1.1 301 Moved Permanently\r\nLocation: https://evil.example/p.txt\r\n"
                            + "Content-Length: 0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII)))) {
      var r = (HttpsResult.Response) fetch(server, Duration.ofSeconds(3));
      assertThat(r.status()).isEqualTo(301);
      assertThat(r.redirect()).isTrue();
      assertThat(r.header("location")).contains("https://evil.example/p.txt");
      assertThat(r.size()).isZero();
      assertThat(server.requests()).hasSize(1);
      assertThat(HttpsDocuments.problem(r).orElseThrow()).contains("redirects are not followed");
    }
  }

  @Test
  void aTwoMegabytePolicyIsCutOffAtTheCap() throws Exception {
    byte[] big = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    try (var server = TestHttpsServer.serving(good.serverContext(), "text/plain", big)) {
      var r = (HttpsResult.Failure) fetch(server, Duration.ofSeconds(3));
      assertThat(r.kind()).isEqualTo(HttpsResult.Kind.TOO_LARGE);
      assertThat(r.detail()).contains("2097152").contains("65536");
    }
  }

  @Test
  void aBodyWithoutLengthIsCutOffAtTheCapToo() throws Exception {
    try (var server =
        TestHttpsServer.start(
            good.serverContext(),
            (head, out) -> {
              out.write(
                  "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"
                      .getBytes(StandardCharsets.US_ASCII));
              byte[] block = new byte[16 * 1024];
              for (int i = 0; i < 128; i++) out.write(block); // 2 MiB, no length, no end
            })) {
      var r = (HttpsResult.Failure) fetch(server, Duration.ofSeconds(3));
      assertThat(r.kind()).isEqualTo(HttpsResult.Kind.TOO_LARGE);
    }
  }

  @Test
  void chunkedBodiesAreDecodedAndCapped() throws Exception {
    try (var server =
        TestHttpsServer.start(
            good.serverContext(),
            (head, out) ->
                out.write(
                    ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "10\r\nversion: STSv1\r\n\r\n3;ext=1\r\nabc\r\n0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII)))) {
      var r = (HttpsResult.Response) fetch(server, Duration.ofSeconds(3));
      assertThat(new String(r.body(), StandardCharsets.US_ASCII))
          .isEqualTo("version: STSv1\r\nabc");
      var capped = (HttpsResult.Failure) fetch(server, Duration.ofSeconds(3), 10);
      assertThat(capped.kind()).isEqualTo(HttpsResult.Kind.TOO_LARGE);
    }
  }

  @Test
  void aSlowDripIsCutOffByTheTotalDeadline() throws Exception {
    try (var server =
        TestHttpsServer.start(
            good.serverContext(),
            (head, out) -> {
              for (byte b :
                  "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"
                      .getBytes(StandardCharsets.US_ASCII)) {
                out.write(b);
                out.flush();
                Thread.sleep(150); // every byte well within a read timeout, the whole far beyond
              }
            })) {
      long start = System.nanoTime();
      var r = (HttpsResult.Failure) fetch(server, Duration.ofMillis(1200));
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertThat(r.kind()).isEqualTo(HttpsResult.Kind.TIMEOUT);
      assertThat(ms).isBetween(1000L, 3000L);
    }
  }

  @Test
  void aServerThatNeverAnswersTimesOut() throws Exception {
    try (var server =
        TestHttpsServer.start(good.serverContext(), (head, out) -> Thread.sleep(10_000))) {
      var r = (HttpsResult.Failure) fetch(server, Duration.ofMillis(800));
      assertThat(r.kind()).isEqualTo(HttpsResult.Kind.TIMEOUT);
    }
  }

  @Test
  void aCertificateForAnotherNameIsRefusedBeforeTheRequest() throws Exception {
    var wrong = pki.issue("www.example.test", List.of("www.example.test"), 90);
    try (var server = TestHttpsServer.serving(wrong.serverContext(), "text/plain", POLICY)) {
      var r = (HttpsResult.Failure) fetch(server, Duration.ofSeconds(3));
      assertThat(r.kind()).isEqualTo(HttpsResult.Kind.CERTIFICATE_NAME);
      assertThat(r.detail()).contains("does not name " + HOST).contains("DNS:www.example.test");
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void anUntrustedCertificateIsRefused() throws Exception {
    var self = TestPki.selfSigned(HOST, List.of(HOST));
    try (var server = TestHttpsServer.serving(self.serverContext(), "text/plain", POLICY)) {
      var r = (HttpsResult.Failure) fetch(server, Duration.ofSeconds(3));
      assertThat(r.kind()).isEqualTo(HttpsResult.Kind.CERTIFICATE_UNTRUSTED);
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void anExpiredCertificateIsRefused() throws Exception {
    var old =
        pki.issue(
            HOST,
            List.of(HOST),
            java.time.Instant.now().minus(Duration.ofDays(60)),
            java.time.Instant.now().minus(Duration.ofDays(1)));
    try (var server = TestHttpsServer.serving(old.serverContext(), "text/plain", POLICY)) {
      var r = (HttpsResult.Failure) fetch(server, Duration.ofSeconds(3));
      assertThat(r.kind()).isEqualTo(HttpsResult.Kind.CERTIFICATE_UNTRUSTED);
      assertThat(r.detail()).contains("expired");
    }
  }

  @Test
  void loopbackIsNotContactedUnlessTheRunAllowsPrivateAddresses() throws Exception {
    try (var server = TestHttpsServer.serving(good.serverContext(), "text/plain", POLICY)) {
      var fetcher = new SocketHttpsFetcher(dns(), Clock.systemUTC()).withPort(server.port());
      var strict = CheckSettings.defaults().withTrustAnchors(List.of(pki.ca()));
      var r = (HttpsResult.Failure) fetcher.fetch(HttpsDocuments.request(URL, 1024, strict));
      assertThat(r.kind()).isEqualTo(HttpsResult.Kind.ADDRESS_REFUSED);
      assertThat(r.detail())
          .contains("127.0.0.1")
          .contains("loopback")
          .contains(Switches.WORDS.allowPrivate());
      assertThat(server.connections()).isZero();
      var lab = fetcher.fetch(HttpsDocuments.request(URL, 1024, strict.withAllowPrivate(true)));
      assertThat(lab).isInstanceOf(HttpsResult.Response.class);
    }
  }

  @Test
  void addressesComeFromTheResolverOnly() {
    var fetcher = new SocketHttpsFetcher(new FakeDns(), Clock.systemUTC());
    var r =
        (HttpsResult.Failure)
            fetcher.fetch(
                new HttpsRequest(
                    URL, 10, Duration.ofSeconds(1), List.of(), AddressFilter.allowAll()));
    assertThat(r.kind()).isEqualTo(HttpsResult.Kind.NO_ADDRESS);
    var dns = new FakeDns().servfail(HOST, dev.mailcheck.dns.RecordType.A);
    var t =
        (HttpsResult.Failure)
            new SocketHttpsFetcher(dns, Clock.systemUTC())
                .fetch(
                    new HttpsRequest(
                        URL, 10, Duration.ofSeconds(1), List.of(), AddressFilter.allowAll()));
    assertThat(t.kind()).isEqualTo(HttpsResult.Kind.DNS_ERROR);
  }

  @Test
  void somethingThatIsNotHttpIsAProtocolFailure() throws Exception {
    try (var server =
        TestHttpsServer.start(
            good.serverContext(),
            (head, out) ->
                out.write("220 mail.example.test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII)))) {
      var r = (HttpsResult.Failure) fetch(server, Duration.ofSeconds(3));
      assertThat(r.kind()).isEqualTo(HttpsResult.Kind.PROTOCOL);
      assertThat(r.detail()).contains("not an HTTP/1.x status line");
    }
  }

  @Test
  void aNon200StatusHasNoBody() throws Exception {
    try (var server =
        TestHttpsServer.start(
            good.serverContext(),
            (head, out) ->
                TestHttpsServer.respond(
                    out,
                    404,
                    "Not Found",
                    "text/html",
                    "<h1>no</h1>".getBytes(StandardCharsets.US_ASCII)))) {
      var r = (HttpsResult.Response) fetch(server, Duration.ofSeconds(3));
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.size()).isZero();
      assertThat(HttpsDocuments.problem(r)).contains("HTTP 404 Not Found");
    }
  }
}
