package dev.mailcheck.smtp;

import dev.mailcheck.internal.InetAddresses;
import java.io.InputStream;
import java.net.IDN;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * Describes and judges a certificate chain: facts for the report, RFC 5280 path validation against
 * trust anchors (without revocation: OCSP/CRL would need the network), and RFC 6125 §6 name
 * matching.
 */
public final class CertificateInspector {
  private CertificateInspector() {}

  /** Reads every certificate of a PEM (or DER) bundle. */
  public static List<X509Certificate> readBundle(InputStream in) throws GeneralSecurityException {
    var cf = CertificateFactory.getInstance("X.509");
    var out = new ArrayList<X509Certificate>();
    for (Certificate c : cf.generateCertificates(in)) out.add((X509Certificate) c);
    if (out.isEmpty()) throw new GeneralSecurityException("no certificate found");
    return out;
  }

  /**
   * The CA certificates of the JDK's default trust store, read once per JVM (the store does not
   * change while we run, and reading it costs tens of ms: every probe of a run shares the list).
   */
  public static List<X509Certificate> systemAnchors() {
    return SystemAnchors.LIST;
  }

  /** Lazy holder: the store is read on first use, by one thread, and never again. */
  private static final class SystemAnchors {
    static final List<X509Certificate> LIST = load();
  }

  private static List<X509Certificate> load() {
    try {
      var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init((KeyStore) null);
      for (var tm : tmf.getTrustManagers()) {
        if (tm instanceof X509TrustManager x) return List.of(x.getAcceptedIssuers());
      }
    } catch (GeneralSecurityException e) {
      // no store: nothing is trusted
    }
    return List.of();
  }

  public static CertificateFacts facts(X509Certificate c) {
    return new CertificateFacts(
        c.getSubjectX500Principal().getName(X500Principal.RFC2253),
        c.getIssuerX500Principal().getName(X500Principal.RFC2253),
        sans(c),
        c.getNotBefore().toInstant(),
        c.getNotAfter().toInstant(),
        c.getPublicKey().getAlgorithm(),
        keyBits(c.getPublicKey()),
        c.getSigAlgName(),
        fingerprint(c),
        encoded(c),
        java.util.Base64.getEncoder().encodeToString(c.getPublicKey().getEncoded()));
  }

  private static String encoded(X509Certificate c) {
    try {
      return java.util.Base64.getEncoder().encodeToString(c.getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      return "";
    }
  }

  static List<String> sans(X509Certificate c) {
    try {
      var all = c.getSubjectAlternativeNames();
      if (all == null) return List.of();
      var out = new ArrayList<String>();
      for (List<?> san : all) {
        int type = (Integer) san.get(0);
        if (type == 2) out.add("DNS:" + san.get(1));
        else if (type == 7) out.add("IP:" + san.get(1));
      }
      return out;
    } catch (CertificateParsingException e) {
      return List.of();
    }
  }

  private static int keyBits(PublicKey key) {
    if (key instanceof RSAPublicKey rsa) return rsa.getModulus().bitLength();
    if (key instanceof ECPublicKey ec) return ec.getParams().getCurve().getField().getFieldSize();
    String alg = key.getAlgorithm();
    if (alg.equalsIgnoreCase("Ed25519") || alg.equalsIgnoreCase("X25519")) return 255;
    if (alg.equalsIgnoreCase("Ed448") || alg.equalsIgnoreCase("X448")) return 448;
    if (alg.equalsIgnoreCase("EdDSA")) return key.getEncoded().length > 60 ? 448 : 255;
    return 0;
  }

  private static String fingerprint(X509Certificate c) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    } catch (GeneralSecurityException e) {
      return "";
    }
  }

  /**
   * Builds and validates a path from the leaf to one of the anchors, using the rest of the chain as
   * intermediates (servers often send them out of order or with extras). Empty when valid, else the
   * reason in words.
   */
  public static Optional<String> validate(
      List<X509Certificate> chain, List<X509Certificate> anchors, Instant at) {
    if (chain.isEmpty()) return Optional.of("the server sent no certificate");
    X509Certificate leaf = chain.get(0);
    if (at.isAfter(leaf.getNotAfter().toInstant()))
      return Optional.of("the certificate expired on " + leaf.getNotAfter().toInstant());
    if (at.isBefore(leaf.getNotBefore().toInstant()))
      return Optional.of("the certificate is not valid before " + leaf.getNotBefore().toInstant());
    if (anchors.isEmpty()) return Optional.of("no trust anchors available");
    try {
      Set<TrustAnchor> ta =
          anchors.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet());
      var selector = new X509CertSelector();
      selector.setCertificate(leaf);
      var params = new PKIXBuilderParameters(ta, selector);
      params.setRevocationEnabled(false);
      params.setDate(Date.from(at));
      params.addCertStore(
          CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
      CertPathBuilder.getInstance("PKIX").build(params);
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      return Optional.of(trustReason(chain, anchors, e, at));
    }
  }

  private static String trustReason(
      List<X509Certificate> chain, List<X509Certificate> anchors, Exception e, Instant at) {
    X509Certificate last = chain.get(chain.size() - 1);
    boolean selfSigned =
        chain.size() == 1 && last.getSubjectX500Principal().equals(last.getIssuerX500Principal());
    if (selfSigned) return "self-signed certificate not in the trust store";
    for (X509Certificate c : chain) {
      Instant na = c.getNotAfter().toInstant();
      if (na.isBefore(at))
        return "a certificate in the chain expired: " + c.getSubjectX500Principal().getName();
    }
    boolean issuerKnown =
        anchors.stream()
            .anyMatch(
                a ->
                    a.getSubjectX500Principal().equals(last.getIssuerX500Principal())
                        && signedBy(last, a));
    if (!issuerKnown)
      return "no path to a trusted root (unknown issuer or missing intermediate: "
          + last.getIssuerX500Principal().getName()
          + ")";
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return "path validation failed: " + msg;
  }

  private static boolean signedBy(X509Certificate c, X509Certificate issuer) {
    try {
      c.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Whole days from {@code at} to the leaf's notAfter (negative when expired). */
  static long daysToExpiry(X509Certificate leaf, Instant at) {
    return Math.floorDiv(Duration.between(at, leaf.getNotAfter().toInstant()).toSeconds(), 86_400);
  }

  /**
   * RFC 6125 §6.4: DNS-ID match with a wildcard only as the whole leftmost label (matching exactly
   * one label, never for a public suffix-like two-label name); the CN is consulted only when the
   * certificate has no DNS SAN at all (§6.4.4). IP literals match iPAddress SANs only.
   */
  public static boolean nameMatches(X509Certificate leaf, String name) {
    String host = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    List<String> sans = sans(leaf);
    if (InetAddresses.isLiteral(host)) {
      InetAddress want = InetAddresses.parse(host).orElseThrow();
      return sans.stream()
          .filter(san -> san.startsWith("IP:"))
          .map(san -> InetAddresses.parse(san.substring(3)))
          .anyMatch(a -> a.isPresent() && a.get().equals(want));
    }
    String ascii = toAscii(host);
    List<String> dns =
        sans.stream().filter(s -> s.startsWith("DNS:")).map(s -> s.substring(4)).toList();
    if (dns.isEmpty()) {
      return commonName(leaf).map(cn -> matchesPattern(toAscii(cn), ascii)).orElse(false);
    }
    return dns.stream().anyMatch(p -> matchesPattern(toAscii(p), ascii));
  }

  static boolean matchesPattern(String pattern, String host) {
    String p = pattern.toLowerCase(Locale.ROOT);
    String h = host.toLowerCase(Locale.ROOT);
    if (p.endsWith(".")) p = p.substring(0, p.length() - 1);
    if (!p.startsWith("*.")) return p.equals(h);
    String suffix = p.substring(1); // ".example.com"
    if (suffix.indexOf('.', 1) < 0) return false; // "*.com"
    if (!h.endsWith(suffix)) return false;
    String label = h.substring(0, h.length() - suffix.length());
    return !label.isEmpty() && label.indexOf('.') < 0;
  }

  private static Optional<String> commonName(X509Certificate c) {
    String dn = c.getSubjectX500Principal().getName(X500Principal.RFC2253);
    for (String rdn : dn.split("(?<!\\\\),")) {
      if (rdn.regionMatches(true, 0, "CN=", 0, 3)) return Optional.of(rdn.substring(3));
    }
    return Optional.empty();
  }

  private static String toAscii(String name) {
    try {
      return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return name;
    }
  }
}
