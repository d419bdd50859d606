package dev.mailcheck.smtp;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One probe: where, how, and what to try. Build it with {@link #builder(String, int)} and a {@link
 * Builder#timeout}, which has no default; the other defaults are a read-only probe (no AUTH, no
 * relay test) with opportunistic STARTTLS, or implicit TLS on port 465.
 *
 * @param host the name (or IP literal) to connect to
 * @param addresses addresses to try in order; empty means resolve {@code host} (A and AAAA)
 * @param ehloName the name sent in EHLO/HELO
 * @param certificateName the name the certificate must match (RFC 6125); for an MX probe, the MX
 *     name; defaults to {@code host}
 * @param timeout the deadline of each step (connect, each reply, the handshake)
 * @param trustAnchors the CA certificates to validate against; empty means the system trust store
 * @param insecure go on after an untrusted or mismatched certificate on a submission service (the
 *     verdict is still recorded); MX-style probes go on anyway, see {@link
 *     #stopsOnCertificateProblem()}
 * @param legacyTlsCheck after a TLS session, try a second connection offering only TLS 1.0/1.1
 * @param allowPrivate whether addresses that {@code host} resolves to may be in loopback, private
 *     or reserved ranges; without it such addresses are not contacted (a hostile zone must not make
 *     the probe reach internal hosts). Addresses given explicitly, and an IP literal as {@code
 *     host}, were chosen by the caller and are always contacted.
 * @param transaction a mail transaction after AUTH (or a stop before it, {@link
 *     Transaction#quitAfter}); empty for a probe that ends with QUIT after AUTH
 */
public record ProbeRequest(
    String host,
    int port,
    List<InetAddress> addresses,
    TlsMode tlsMode,
    String ehloName,
    String certificateName,
    Duration timeout,
    Optional<List<X509Certificate>> trustAnchors,
    boolean insecure,
    boolean legacyTlsCheck,
    Optional<AuthRequest> auth,
    boolean allowPlaintextAuth,
    boolean relayTest,
    boolean allowPrivate,
    Optional<Transaction> transaction) {

  public ProbeRequest {
    Objects.requireNonNull(host);
    if (port < 1 || port > 65535) throw new IllegalArgumentException("port " + port);
    addresses = List.copyOf(addresses);
    Objects.requireNonNull(tlsMode);
    Objects.requireNonNull(ehloName);
    // it goes on the wire verbatim: no whitespace or control character may smuggle in a command
    if (!ehloName.chars().allMatch(c -> c > 0x20 && c < 0x7f))
      throw new IllegalArgumentException("EHLO name must be printable ASCII without spaces");
    certificateName = certificateName == null ? host : certificateName;
    Objects.requireNonNull(timeout);
    if (timeout.isNegative() || timeout.isZero())
      throw new IllegalArgumentException("timeout " + timeout);
    trustAnchors = trustAnchors == null ? Optional.empty() : trustAnchors.map(List::copyOf);
    auth = auth == null ? Optional.empty() : auth;
    transaction = transaction == null ? Optional.empty() : transaction;
  }

  /**
   * True for submission (RFC 6409 port 587, RFC 8314 port 465 or implicit TLS on any port), where
   * clients verify the certificate and send passwords. Every other port (25 above all) is treated
   * as MX-to-MX relay, where TLS is opportunistic (RFC 3207 §4.1, RFC 7435) and senders do not
   * verify.
   */
  public static boolean submission(int port, TlsMode mode) {
    return port == 465 || port == 587 || mode == TlsMode.IMPLICIT;
  }

  /**
   * Whether an untrusted, expired or mismatched certificate ends the session after the handshake.
   * On submission it does unless {@code insecure} (nothing more is sent over a channel a client
   * would refuse); on MX-style probes it never does, because real MTAs deliver over such TLS and
   * stopping would misreport a working STARTTLS as broken. The verdict is recorded either way.
   */
  public boolean stopsOnCertificateProblem() {
    return !insecure && submission(port, tlsMode);
  }

  /**
   * The default EHLO name: empty means the address literal of our end of the connection, e.g.
   * {@code [192.0.2.7]}, which RFC 5321 §4.1.4 allows when the client has no meaningful name.
   */
  public static final String DEFAULT_EHLO = "";

  /**
   * The same probe of another host on the same port (the next MX of a delivery): its own addresses
   * are resolved and its certificate must match its own name.
   */
  public ProbeRequest forHost(String otherHost) {
    var b = toBuilder();
    var n = new Builder(otherHost, port);
    n.tlsMode = b.tlsMode;
    n.ehloName = b.ehloName;
    n.timeout = b.timeout;
    n.trustAnchors = b.trustAnchors;
    n.insecure = b.insecure;
    n.legacyTlsCheck = b.legacyTlsCheck;
    n.auth = b.auth;
    n.allowPlaintextAuth = b.allowPlaintextAuth;
    n.relayTest = b.relayTest;
    n.allowPrivate = b.allowPrivate;
    n.transaction = b.transaction;
    return n.build();
  }

  public static Builder builder(String host, int port) {
    return new Builder(host, port);
  }

  public Builder toBuilder() {
    var b = new Builder(host, port);
    b.addresses = addresses;
    b.tlsMode = tlsMode;
    b.ehloName = ehloName;
    b.certificateName = certificateName;
    b.timeout = timeout;
    b.trustAnchors = trustAnchors;
    b.insecure = insecure;
    b.legacyTlsCheck = legacyTlsCheck;
    b.auth = auth;
    b.allowPlaintextAuth = allowPlaintextAuth;
    b.relayTest = relayTest;
    b.allowPrivate = allowPrivate;
    b.transaction = transaction;
    return b;
  }

  public static final class Builder {
    private final String host;
    private final int port;
    private List<InetAddress> addresses = List.of();
    private TlsMode tlsMode;
    private String ehloName = DEFAULT_EHLO;
    private String certificateName;

    /** No default: the run decides its deadline ({@code --timeout}) and every caller passes it. */
    private Duration timeout;

    private Optional<List<X509Certificate>> trustAnchors = Optional.empty();
    private boolean insecure;
    private boolean legacyTlsCheck;
    private Optional<AuthRequest> auth = Optional.empty();
    private boolean allowPlaintextAuth;
    private boolean relayTest;
    private boolean allowPrivate;
    private Optional<Transaction> transaction = Optional.empty();

    private Builder(String host, int port) {
      this.host = host;
      this.port = port;
      this.tlsMode = port == 465 ? TlsMode.IMPLICIT : TlsMode.OPPORTUNISTIC;
    }

    public Builder addresses(List<InetAddress> v) {
      addresses = v;
      return this;
    }

    public Builder tlsMode(TlsMode v) {
      tlsMode = v;
      return this;
    }

    public Builder ehloName(String v) {
      ehloName = v;
      return this;
    }

    public Builder certificateName(String v) {
      certificateName = v;
      return this;
    }

    public Builder timeout(Duration v) {
      timeout = v;
      return this;
    }

    public Builder trustAnchors(List<X509Certificate> v) {
      trustAnchors = Optional.of(v);
      return this;
    }

    public Builder insecure(boolean v) {
      insecure = v;
      return this;
    }

    public Builder legacyTlsCheck(boolean v) {
      legacyTlsCheck = v;
      return this;
    }

    public Builder auth(AuthRequest v) {
      auth = Optional.ofNullable(v);
      return this;
    }

    public Builder allowPlaintextAuth(boolean v) {
      allowPlaintextAuth = v;
      return this;
    }

    public Builder relayTest(boolean v) {
      relayTest = v;
      return this;
    }

    public Builder transaction(Transaction v) {
      transaction = Optional.ofNullable(v);
      return this;
    }

    public Builder allowPrivate(boolean v) {
      allowPrivate = v;
      return this;
    }

    /**
     * @throws IllegalStateException when no {@link #timeout} was given: a probe without the run's
     *     deadline is a programming error, not a reason to pick one here
     */
    public ProbeRequest build() {
      if (timeout == null) throw new IllegalStateException("a probe request needs a timeout");
      return new ProbeRequest(
          host,
          port,
          addresses,
          tlsMode,
          ehloName,
          certificateName,
          timeout,
          trustAnchors,
          insecure,
          legacyTlsCheck,
          auth,
          allowPlaintextAuth,
          relayTest,
          allowPrivate,
          transaction);
    }
  }
}
