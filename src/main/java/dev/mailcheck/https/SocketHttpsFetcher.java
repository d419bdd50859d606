package dev.mailcheck.https;

import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.internal.RecordingTrustManager;
import dev.mailcheck.smtp.CertificateInspector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * The real {@link HttpsFetcher}: addresses from the run's resolver, a plain socket, the JDK's TLS,
 * then HTTP/1.1 by hand (see the package documentation for the rules it keeps).
 *
 * <p>The TLS trust manager accepts every chain and records it; the chain is then validated with
 * {@link CertificateInspector} (path to the anchors, RFC 6125 name), and the request is sent only
 * when both pass. That gives the report the reason in words ("expired on ...", "names only
 * www.example.com") instead of a handshake alert.
 */
public final class SocketHttpsFetcher implements HttpsFetcher {
  private static final String USER_AGENT = "mailcheck (+https://github.com/mailcheck)";

  private final DnsClient dns;
  private final Clock clock;
  private final int portOverride;

  /**
   * @param dns the run's resolver: the only source of addresses
   * @param clock the time certificates are validated at
   */
  public SocketHttpsFetcher(DnsClient dns, Clock clock) {
    this(dns, clock, 0);
  }

  private SocketHttpsFetcher(DnsClient dns, Clock clock, int portOverride) {
    this.dns = dns;
    this.clock = clock;
    this.portOverride = portOverride;
  }

  /**
   * The same fetcher connecting to {@code port} instead of the URL's port, for tests and labs that
   * cannot listen on 443 (the Host header and certificate name are unchanged).
   */
  public SocketHttpsFetcher withPort(int port) {
    if (port < 1 || port > 65535) throw new IllegalArgumentException("port " + port);
    return new SocketHttpsFetcher(dns, clock, port);
  }

  @Override
  public HttpsResult fetch(HttpsRequest req) {
    long start = System.nanoTime();
    long end = start + req.timeout().toNanos();
    String url = req.url().toString();
    List<InetAddress> addresses;
    try {
      addresses = resolve(req.host());
    } catch (Refusal r) {
      return new HttpsResult.Failure(url, r.kind, r.getMessage(), Optional.empty());
    }
    List<InetAddress> allowed = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (InetAddress a : addresses) {
      Optional<String> why = req.filter().refuse(a);
      if (why.isPresent()) refused.add(InetAddresses.format(a) + ": " + why.get());
      else allowed.add(a);
    }
    if (allowed.isEmpty())
      return new HttpsResult.Failure(
          url,
          HttpsResult.Kind.ADDRESS_REFUSED,
          "not contacted: " + String.join("; ", refused),
          Optional.of(InetAddresses.format(addresses.get(0))));
    int port = portOverride > 0 ? portOverride : req.port();
    List<String> failures = new ArrayList<>();
    HttpsResult.Kind lastKind = HttpsResult.Kind.CONNECT;
    try (Deadline deadline = new Deadline(end)) {
      for (InetAddress a : allowed) {
        if (deadline.passed()) {
          lastKind = HttpsResult.Kind.TIMEOUT;
          break;
        }
        Socket plain = new Socket();
        deadline.guard(plain);
        try {
          plain.connect(new InetSocketAddress(a, port), deadline.millisLeft());
        } catch (IOException e) {
          closeQuietly(plain);
          boolean late = deadline.passed() || e instanceof SocketTimeoutException;
          lastKind = late ? HttpsResult.Kind.TIMEOUT : HttpsResult.Kind.CONNECT;
          failures.add(
              InetAddresses.format(a)
                  + ": "
                  + (late
                      ? "no connection before the deadline"
                      : e instanceof ConnectException ? "connection refused" : e.getMessage()));
          continue;
        }
        return exchange(req, url, plain, a, deadline, start);
      }
    }
    return new HttpsResult.Failure(
        url,
        lastKind,
        String.join("; ", failures.isEmpty() ? List.of("no time left to connect") : failures),
        Optional.of(InetAddresses.format(allowed.get(0))));
  }

  private HttpsResult exchange(
      HttpsRequest req, String url, Socket plain, InetAddress a, Deadline deadline, long start) {
    Optional<String> addr = Optional.of(InetAddresses.format(a));
    String step = "TLS handshake";
    try (plain) {
      SSLSocket tls;
      try {
        tls =
            (SSLSocket)
                Contexts.SHARED
                    .getSocketFactory()
                    .createSocket(plain, req.host(), req.port(), true);
      } catch (IllegalStateException e) {
        return new HttpsResult.Failure(
            url, HttpsResult.Kind.TLS, "could not set up TLS: " + e.getMessage(), addr);
      }
      var params = tls.getSSLParameters();
      if (!InetAddresses.isLiteral(req.host())) {
        try {
          params.setServerNames(List.of(new SNIHostName(req.host())));
        } catch (IllegalArgumentException e) {
          // not a valid SNI name: send none
        }
      }
      params.setApplicationProtocols(new String[] {"http/1.1"});
      tls.setSSLParameters(params);
      tls.setSoTimeout(deadline.millisLeft());
      try {
        tls.startHandshake();
      } catch (IOException e) {
        return deadline.passed()
            ? timeout(url, step, addr)
            : new HttpsResult.Failure(
                url, HttpsResult.Kind.TLS, "TLS handshake failed: " + e.getMessage(), addr);
      }
      List<X509Certificate> chain = peerChain(tls);
      List<X509Certificate> anchors =
          req.trustAnchors().isEmpty() ? CertificateInspector.systemAnchors() : req.trustAnchors();
      Optional<String> problem = CertificateInspector.validate(chain, anchors, clock.instant());
      String described = chain.isEmpty() ? "none" : describe(chain.get(0));
      if (problem.isPresent())
        return new HttpsResult.Failure(
            url,
            HttpsResult.Kind.CERTIFICATE_UNTRUSTED,
            "certificate not trusted: " + problem.get() + " (" + described + ")",
            addr);
      if (!CertificateInspector.nameMatches(chain.get(0), req.host()))
        return new HttpsResult.Failure(
            url,
            HttpsResult.Kind.CERTIFICATE_NAME,
            "the certificate does not name " + req.host() + " (" + described + ")",
            addr);
      step = "request";
      OutputStream out = tls.getOutputStream();
      out.write(requestBytes(req));
      out.flush();
      step = "reply";
      InputStream in = new java.io.BufferedInputStream(tls.getInputStream());
      var reader = new HttpReader(in);
      HttpReader.Head head = reader.head();
      byte[] body = head.status() == 200 ? reader.body(head, req.maxBytes()) : new byte[0];
      return new HttpsResult.Response(
          url,
          addr.get(),
          head.status(),
          head.reason(),
          head.headers(),
          body,
          described,
          (System.nanoTime() - start) / 1_000_000);
    } catch (HttpReader.TooLarge e) {
      return new HttpsResult.Failure(url, HttpsResult.Kind.TOO_LARGE, e.getMessage(), addr);
    } catch (HttpReader.Malformed e) {
      return deadline.passed()
          ? timeout(url, step, addr)
          : new HttpsResult.Failure(url, HttpsResult.Kind.PROTOCOL, e.getMessage(), addr);
    } catch (IOException e) {
      return deadline.passed() || e instanceof SocketTimeoutException
          ? timeout(url, step, addr)
          : new HttpsResult.Failure(
              url, HttpsResult.Kind.PROTOCOL, step + " failed: " + e.getMessage(), addr);
    }
  }

  private static HttpsResult timeout(String url, String step, Optional<String> addr) {
    return new HttpsResult.Failure(
        url, HttpsResult.Kind.TIMEOUT, "the " + step + " did not finish before the deadline", addr);
  }

  static byte[] requestBytes(HttpsRequest req) {
    String host = req.port() == 443 ? req.host() : req.host() + ":" + req.port();
    return ("GET "
            + req.target()
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\nUser-Agent: "
            + USER_AGENT
            + "\r\nAccept: */*\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static String describe(X509Certificate c) {
    var f = CertificateInspector.facts(c);
    return f.subject() + (f.sans().isEmpty() ? "" : ", " + String.join(" ", f.sans()));
  }

  private static final class Refusal extends Exception {
    final HttpsResult.Kind kind;

    Refusal(HttpsResult.Kind kind, String m) {
      super(m);
      this.kind = kind;
    }
  }

  private List<InetAddress> resolve(String host) throws Refusal {
    var literal = InetAddresses.parse(host);
    if (literal.isPresent()) return List.of(literal.get());
    CompletableFuture<DnsResult> a = dns.query(host, RecordType.A);
    CompletableFuture<DnsResult> aaaa = dns.query(host, RecordType.AAAA);
    DnsResult ra = a.join();
    DnsResult raaaa = aaaa.join();
    List<InetAddress> out = new ArrayList<>();
    for (DnsResult r : List.of(ra, raaaa))
      for (DnsRecord rec : r.recordsOrEmpty())
        if (rec instanceof DnsRecord.Address addr) out.add(addr.address());
    if (!out.isEmpty()) return out;
    String outcomes = "A " + ra.outcome() + ", AAAA " + raaaa.outcome();
    if (ra.isTemporaryFailure() || raaaa.isTemporaryFailure())
      throw new Refusal(HttpsResult.Kind.DNS_ERROR, "could not resolve " + host + ": " + outcomes);
    throw new Refusal(HttpsResult.Kind.NO_ADDRESS, host + " has no address (" + outcomes + ")");
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // nothing to do
    }
  }

  /**
   * One TLS context for every fetch of the JVM: its set-up (provider, SecureRandom) is paid once.
   * The chain is read from the session afterwards, so the trust manager only has to accept.
   */
  private static final class Contexts {
    static final SSLContext SHARED = create();

    private static SSLContext create() {
      try {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(
            null,
            new TrustManager[] {new RecordingTrustManager(new AtomicReference<>())},
            new SecureRandom());
        return ctx;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
  }

  private static List<X509Certificate> peerChain(SSLSocket tls) {
    try {
      List<X509Certificate> out = new ArrayList<>();
      for (var c : tls.getSession().getPeerCertificates())
        if (c instanceof X509Certificate x) out.add(x);
      return out;
    } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
      return List.of();
    }
  }
}
