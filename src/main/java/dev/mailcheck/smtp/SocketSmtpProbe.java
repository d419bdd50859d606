package dev.mailcheck.smtp;

import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.internal.Switches;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The socket implementation of {@link SmtpProbe}. The sequence: resolve, connect (each address in
 * turn until one answers), [implicit TLS], greeting, EHLO (HELO fallback), [STARTTLS, handshake,
 * EHLO], [relay test, RSET], [AUTH], QUIT; then, when TLS was used and asked for, the legacy TLS
 * check on a second connection to the same address.
 */
public final class SocketSmtpProbe implements SmtpProbe {
  static final String RELAY_FROM = "mailcheck-relay-test@example.com";
  static final String RELAY_TO = "mailcheck-relay-test@example.net";

  private final AddressResolver resolver;
  private final Clock clock;
  private final Switches switches;

  /**
   * @param dns may be null when every request carries addresses or IP literals
   * @param switches how notes and failures name the switches that change the probe's course
   */
  public SocketSmtpProbe(DnsClient dns, Clock clock, Switches switches) {
    this.resolver = new AddressResolver(dns, switches);
    this.clock = clock;
    this.switches = switches;
  }

  public SocketSmtpProbe(DnsClient dns, Clock clock) {
    this(dns, clock, Switches.WORDS);
  }

  public SocketSmtpProbe(DnsClient dns) {
    this(dns, Clock.systemUTC());
  }

  @Override
  public ProbeResult probe(ProbeRequest req) {
    if (req.tlsMode() != TlsMode.NONE) TlsWarmup.start(); // overlaps DNS, connect and greeting
    var rec = new ProbeRecorder(req);
    SmtpConnection conn = null;
    InetAddress used = null;
    try {
      List<InetAddress> addresses;
      if (!req.addresses().isEmpty()) addresses = req.addresses();
      else if (InetAddresses.isLiteral(req.host()))
        addresses = resolver.resolve(req.host(), req.allowPrivate());
      else addresses = rec.time(Phase.DNS, () -> resolver.resolve(req.host(), req.allowPrivate()));
      conn = rec.time(Phase.CONNECT, () -> connect(addresses, rec));
      used = conn.raw().getInetAddress();
      if (stopsAt(rec, Stage.CONNECT)) rec.transcript.note("closed after connect, as asked");
      else session(conn, rec);
    } catch (ProbeException e) {
      rec.failure = e.failure();
    } finally {
      if (conn != null) conn.close();
    }
    if (req.legacyTlsCheck() && rec.tls != null && used != null) {
      InetAddress target = used;
      try {
        rec.legacyTls = rec.time(Phase.LEGACY_TLS, () -> legacy(target, rec));
      } catch (ProbeException e) {
        rec.legacyTls =
            new LegacyTls(
                false,
                Optional.empty(),
                "could not reach the TLS handshake: " + e.failure().detail(),
                false);
      }
    }
    return rec.result();
  }

  private SmtpConnection connect(List<InetAddress> addresses, ProbeRecorder rec)
      throws ProbeException {
    ProbeException last = null;
    for (InetAddress a : addresses) {
      long start = System.nanoTime();
      String shown = literal(a) + ":" + rec.request.port();
      Socket s = new Socket();
      try {
        s.connect(
            new InetSocketAddress(a, rec.request.port()),
            (int) Math.max(1, rec.request.timeout().toMillis()));
        s.setTcpNoDelay(true);
        rec.attempts.add(new AddressAttempt(text(a), ms(start), Optional.empty(), "connected"));
        rec.address = text(a);
        rec.transcript.note("connected to " + shown);
        return new SmtpConnection(s, rec.request.timeout(), rec.transcript);
      } catch (IOException e) {
        closeQuietly(s);
        Failure.Kind kind = connectFailure(e);
        String detail =
            switch (kind) {
              case REFUSED -> "connection refused by " + shown;
              case TIMEOUT ->
                  "no answer from " + shown + " within " + rec.request.timeout().toMillis() + " ms";
              case UNREACHABLE -> shown + " is unreachable: " + e.getMessage();
              default -> "could not connect to " + shown + ": " + e.getMessage();
            };
        rec.attempts.add(new AddressAttempt(text(a), ms(start), Optional.of(kind), detail));
        rec.transcript.note(detail);
        last = new ProbeException(Phase.CONNECT, kind, detail);
      }
    }
    if (last == null)
      throw new ProbeException(Phase.CONNECT, Failure.Kind.DNS, "no address to connect to");
    throw last;
  }

  private static Failure.Kind connectFailure(IOException e) {
    if (e instanceof SocketTimeoutException) return Failure.Kind.TIMEOUT;
    if (e instanceof NoRouteToHostException) return Failure.Kind.UNREACHABLE;
    if (e instanceof ConnectException ce) {
      String m = String.valueOf(ce.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("refused")) return Failure.Kind.REFUSED;
      if (m.contains("unreachable")) return Failure.Kind.UNREACHABLE;
      if (m.contains("timed out")) return Failure.Kind.TIMEOUT;
      return Failure.Kind.REFUSED;
    }
    return Failure.Kind.IO;
  }

  private void session(SmtpConnection c, ProbeRecorder rec) throws ProbeException {
    ProbeRequest req = rec.request;
    var tlsClient = new TlsClient(clock);
    if (req.tlsMode() == TlsMode.IMPLICIT) {
      var hs =
          rec.time(
              Phase.TLS_HANDSHAKE,
              () -> tlsClient.handshake(c.raw(), req, c.deadline(), rec.transcript));
      upgrade(c, hs, rec);
    }
    Reply banner = rec.time(Phase.BANNER, () -> c.read(Phase.BANNER));
    rec.banner = banner;
    if (banner.code() != 220) {
      quietQuit(c, rec);
      throw new ProbeException(
          new Failure(
              Phase.BANNER,
              Failure.Kind.REJECTED,
              "the greeting is " + banner.explained(),
              Optional.of(banner)));
    }
    if (stopsAt(rec, Stage.BANNER)) {
      quit(c, rec);
      return;
    }
    String ehloName = ehloName(req, c);
    Extensions ext = rec.time(Phase.EHLO, () -> hello(c, ehloName, Phase.EHLO));
    if (req.tlsMode() == TlsMode.IMPLICIT) rec.ehloTls = ext;
    else rec.ehlo = ext;
    if (stopsAt(rec, Stage.EHLO) || (stopsAt(rec, Stage.TLS) && req.tlsMode() == TlsMode.NONE)) {
      quit(c, rec);
      return;
    }

    if (req.tlsMode() == TlsMode.OPPORTUNISTIC || req.tlsMode() == TlsMode.STARTTLS) {
      if (!ext.has("STARTTLS")) {
        rec.startTls = StartTls.NOT_OFFERED;
        if (req.tlsMode() == TlsMode.STARTTLS) {
          quietQuit(c, rec);
          throw new ProbeException(
              Phase.STARTTLS,
              Failure.Kind.STARTTLS_NOT_OFFERED,
              "the server does not advertise STARTTLS");
        }
      } else {
        Reply r = rec.time(Phase.STARTTLS, () -> c.command(Phase.STARTTLS, "STARTTLS"));
        rec.startTlsReply = r;
        if (r.code() != 220) {
          rec.startTls = StartTls.REFUSED;
          if (req.tlsMode() == TlsMode.STARTTLS) {
            quietQuit(c, rec);
            throw new ProbeException(
                new Failure(
                    Phase.STARTTLS,
                    Failure.Kind.STARTTLS_REFUSED,
                    "STARTTLS was refused: " + r.explained(),
                    Optional.of(r)));
          }
        } else {
          if (c.unreadBytes() > 0) {
            rec.transcript.note(
                "discarded "
                    + c.unreadBytes()
                    + " bytes the server sent after 220 in plaintext (RFC 3207 §4.2)");
          }
          TlsClient.Handshake hs;
          try {
            hs =
                rec.time(
                    Phase.TLS_HANDSHAKE,
                    () -> tlsClient.handshake(c.socket(), req, c.deadline(), rec.transcript));
          } catch (ProbeException e) {
            rec.startTls = StartTls.HANDSHAKE_FAILED;
            throw e;
          }
          // the handshake worked: STARTTLS works, whatever the certificate's verdict
          rec.startTls = StartTls.OK;
          upgrade(c, hs, rec);
          rec.ehloTls = rec.time(Phase.EHLO_TLS, () -> hello(c, ehloName, Phase.EHLO_TLS));
        }
      }
    }

    if (stopsAt(rec, Stage.TLS)) {
      quit(c, rec);
      return;
    }
    if (req.relayTest()) rec.relay = rec.time(Phase.RELAY, () -> relay(c));

    if (req.auth().isPresent()) {
      Extensions last = rec.ehloTls != null ? rec.ehloTls : rec.ehlo;
      List<String> offered = last.authMechanisms();
      boolean encrypted = rec.tls != null;
      boolean verified = encrypted && rec.tls.trusted() && rec.tls.nameMatches();
      if (!encrypted && !req.allowPlaintextAuth()) {
        rec.auth =
            new AuthOutcome(
                offered,
                Optional.empty(),
                AuthOutcome.Result.SKIPPED_PLAINTEXT,
                Optional.empty(),
                "not sent: the connection is not encrypted (use "
                    + switches.allowPlaintextAuth()
                    + " to send credentials in clear)");
      } else if (encrypted && !verified && !req.insecure() && !req.allowPlaintextAuth()) {
        // MX-style probes go on after a certificate problem, but credentials over a channel anyone
        // in the middle could have set up are as exposed as in clear text
        rec.auth =
            new AuthOutcome(
                offered,
                Optional.empty(),
                AuthOutcome.Result.SKIPPED_PLAINTEXT,
                Optional.empty(),
                "not sent: the certificate could not be verified, so the credentials would be as exposed as in clear text (use "
                    + switches.insecure()
                    + " to send them anyway)");
      } else {
        try {
          rec.auth =
              rec.time(Phase.AUTH, () -> SaslClient.authenticate(c, offered, req.auth().get()));
        } catch (ProbeException e) {
          rec.auth =
              new AuthOutcome(
                  offered,
                  Optional.empty(),
                  AuthOutcome.Result.ERROR,
                  Optional.empty(),
                  e.failure().detail());
          throw e;
        }
        if (rec.auth.result() == AuthOutcome.Result.FAILED && req.transaction().isPresent()) {
          quietQuit(c, rec);
          throw new ProbeException(
              new Failure(
                  Phase.AUTH,
                  Failure.Kind.REJECTED,
                  "authentication failed: "
                      + rec.auth.reply().map(Reply::explained).orElse(rec.auth.detail()),
                  rec.auth.reply()));
        }
      }
    }
    if (req.transaction().isPresent() && !stopsAt(rec, Stage.AUTH)) {
      Extensions last = rec.ehloTls != null ? rec.ehloTls : rec.ehlo;
      var tx = new SmtpTransaction(c, req.transaction().get(), last);
      try {
        tx.envelope(rec);
      } catch (ProbeException e) {
        rec.transaction = tx.outcome();
        if (e.failure().kind() != Failure.Kind.CLOSED && e.failure().kind() != Failure.Kind.TIMEOUT)
          quietQuit(c, rec);
        throw e;
      }
      rec.transaction = tx.outcome();
    }
    quit(c, rec);
  }

  /** The transaction asks to stop after {@code stage}. */
  private static boolean stopsAt(ProbeRecorder rec, Stage stage) {
    return rec.request.transaction().map(t -> t.quitAfter() == stage).orElse(false);
  }

  private void upgrade(SmtpConnection c, TlsClient.Handshake hs, ProbeRecorder rec)
      throws ProbeException {
    rec.tls = hs.facts();
    try {
      c.upgrade(hs.socket());
    } catch (IOException e) {
      throw new ProbeException(Phase.TLS_HANDSHAKE, Failure.Kind.IO, e.getMessage());
    }
    TlsFacts f = hs.facts();
    if (f.trusted() && f.nameMatches()) return;
    String why =
        !f.trusted()
            ? f.trustProblem().orElse("untrusted")
            : "the certificate does not match " + f.checkedName();
    if (rec.request.stopsOnCertificateProblem()) {
      rec.transcript.note(
          "certificate refused: "
              + why
              + "; stopped (submission clients verify; "
              + switches.insecure()
              + " goes on)");
      quietQuit(c, rec);
      throw new ProbeException(
          Phase.TLS_HANDSHAKE,
          Failure.Kind.CERTIFICATE,
          "the handshake completed but the certificate was refused: "
              + why
              + " (stopped; "
              + switches.insecure()
              + " goes on)");
    }
    rec.transcript.note(
        "certificate problem recorded, going on: "
            + why
            + (rec.request.insecure()
                ? " (" + switches.insecure() + ")"
                : " (opportunistic TLS, as MTAs do)"));
  }

  /** EHLO, falling back to HELO on a 5yz (RFC 5321 §4.1.4: 500/502 from a pre-ESMTP server). */
  private static Extensions hello(SmtpConnection c, String name, Phase phase)
      throws ProbeException {
    Reply r = c.command(phase, "EHLO " + name);
    if (r.positive()) return Extensions.parse(r);
    if (r.permanentNegative() && r.code() != 554) {
      Reply h = c.command(phase, "HELO " + name);
      if (h.positive()) return Extensions.helo(h);
      throw new ProbeException(
          new Failure(
              phase,
              Failure.Kind.REJECTED,
              "EHLO and HELO refused: " + h.explained(),
              Optional.of(h)));
    }
    throw new ProbeException(
        new Failure(
            phase, Failure.Kind.REJECTED, "EHLO refused: " + r.explained(), Optional.of(r)));
  }

  private static RelayOutcome relay(SmtpConnection c) throws ProbeException {
    Reply mail = c.command(Phase.RELAY, "MAIL FROM:<" + RELAY_FROM + ">");
    if (!mail.positive()) {
      c.command(Phase.RELAY, "RSET");
      return new RelayOutcome(
          RelayOutcome.Result.SENDER_REJECTED,
          RELAY_FROM,
          RELAY_TO,
          Optional.of(mail),
          Optional.empty());
    }
    Reply rcpt = c.command(Phase.RELAY, "RCPT TO:<" + RELAY_TO + ">");
    c.command(Phase.RELAY, "RSET");
    RelayOutcome.Result result =
        rcpt.positive()
            ? RelayOutcome.Result.ACCEPTED
            : rcpt.transientNegative()
                ? RelayOutcome.Result.TEMPORARY
                : RelayOutcome.Result.REFUSED;
    return new RelayOutcome(result, RELAY_FROM, RELAY_TO, Optional.of(mail), Optional.of(rcpt));
  }

  private static void quit(SmtpConnection c, ProbeRecorder rec) {
    try {
      rec.time(Phase.QUIT, () -> c.command(Phase.QUIT, "QUIT"));
    } catch (ProbeException e) {
      // the session's facts are complete; a server that drops the line at QUIT changes nothing
    }
  }

  /** QUIT after a negative reply, best effort and not timed as a phase. */
  private static void quietQuit(SmtpConnection c, ProbeRecorder rec) {
    try {
      c.command(Phase.QUIT, "QUIT");
    } catch (ProbeException e) {
      // ignore
    }
  }

  private LegacyTls legacy(InetAddress address, ProbeRecorder rec) throws ProbeException {
    ProbeRequest req = rec.request;
    var scratch = new Transcript();
    Socket s = new Socket();
    try {
      try {
        s.connect(
            new InetSocketAddress(address, req.port()),
            (int) Math.max(1, req.timeout().toMillis()));
      } catch (IOException e) {
        throw new ProbeException(
            Phase.LEGACY_TLS, connectFailure(e), "connect failed: " + e.getMessage());
      }
      if (req.tlsMode() != TlsMode.IMPLICIT) {
        SmtpConnection c;
        try {
          c = new SmtpConnection(s, req.timeout(), scratch);
        } catch (IOException e) {
          throw new ProbeException(Phase.LEGACY_TLS, Failure.Kind.IO, e.getMessage());
        }
        Reply banner = c.read(Phase.LEGACY_TLS);
        if (banner.code() != 220)
          throw new ProbeException(Phase.LEGACY_TLS, Failure.Kind.REJECTED, banner.explained());
        hello(c, ehloName(req, c), Phase.LEGACY_TLS);
        Reply r = c.command(Phase.LEGACY_TLS, "STARTTLS");
        if (r.code() != 220)
          throw new ProbeException(Phase.LEGACY_TLS, Failure.Kind.STARTTLS_REFUSED, r.explained());
      }
      LegacyTls result = LegacyTlsCheck.handshake(s, System.nanoTime() + req.timeout().toNanos());
      rec.transcript.note(
          "legacy TLS check (TLS 1.0/1.1 only, separate connection): " + result.detail());
      return result;
    } finally {
      closeQuietly(s);
    }
  }

  private static String ehloName(ProbeRequest req, SmtpConnection c) {
    if (!req.ehloName().isBlank()) return req.ehloName();
    InetAddress local = c.raw().getLocalAddress();
    return local instanceof Inet6Address ? "[IPv6:" + text(local) + "]" : "[" + text(local) + "]";
  }

  static String literal(InetAddress a) {
    return a instanceof Inet6Address ? "[" + text(a) + "]" : text(a);
  }

  /**
   * Dotted quad, or IPv6 in RFC 5952 form ({@code ::1}, {@code 2001:db8::1}) as everywhere in
   * reports.
   */
  static String text(InetAddress a) {
    return new DnsRecord.Address("", 0, a).data();
  }

  private static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // nothing
    }
  }
}
