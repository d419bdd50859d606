package dev.mailcheck.checks.dane;

import dev.mailcheck.smtp.CertificateFacts;
import dev.mailcheck.smtp.CertificateInspector;
import dev.mailcheck.smtp.TlsFacts;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Matches TLSA records against a presented chain (RFC 6698 §2.1, RFC 7671 §5, RFC 7672 §3.1). Pure.
 *
 * <ul>
 *   <li>DANE-EE(3): the leaf's certificate or SPKI; no name, expiry or chain checks (RFC 7672
 *       §3.1.1).
 *   <li>DANE-TA(2): a certificate of the chain other than the leaf, which the leaf must chain to by
 *       signatures, and the leaf must name the host (RFC 7672 §3.1.2, §3.2.2); expiry is not
 *       checked.
 * </ul>
 */
public final class DaneMatcher {
  private DaneMatcher() {}

  /** Why a usable record did or did not match one chain. */
  public record Outcome(boolean matched, String detail) {}

  public static Outcome match(Tlsa t, TlsFacts tls) {
    return match(t, tls, List.of());
  }

  /**
   * @param alsoNames further reference identifiers for DANE-TA's name check: the CNAME-expanded
   *     name of an aliased MX host (RFC 7672 §3.2.2), besides the name the probe checked
   */
  public static Outcome match(Tlsa t, TlsFacts tls, List<String> alsoNames) {
    List<CertificateFacts> chain = tls.chain();
    if (!t.usableForSmtp() || chain.isEmpty()) return new Outcome(false, "not usable");
    if (t.usage() == Tlsa.DANE_EE) {
      return matches(t, chain.get(0))
          ? new Outcome(true, "DANE-EE matches the server's " + what(t))
          : new Outcome(false, "the server's " + what(t) + " does not match");
    }
    for (int i = 1; i < chain.size(); i++) {
      if (!matches(t, chain.get(i))) continue;
      Optional<String> broken = chainsTo(chain, i);
      if (broken.isPresent())
        return new Outcome(false, "DANE-TA matches certificate " + i + " but " + broken.get());
      if (!tls.nameMatches() && alsoNames.stream().noneMatch(n -> leafNames(chain.get(0), n)))
        return new Outcome(
            false,
            "DANE-TA matches certificate "
                + i
                + " but the leaf does not name "
                + tls.checkedName()
                + " (RFC 7672 §3.2.2)");
      return new Outcome(true, "DANE-TA matches certificate " + i + " of the chain");
    }
    Optional<Integer> signed = signedByBareKey(t, chain);
    if (signed.isPresent()) {
      int i = signed.get();
      Optional<String> broken = chainsTo(chain, i);
      if (broken.isPresent())
        return new Outcome(
            false, "the DANE-TA key signed certificate " + i + " but " + broken.get());
      if (!tls.nameMatches() && alsoNames.stream().noneMatch(n -> leafNames(chain.get(0), n)))
        return new Outcome(
            false,
            "the DANE-TA key signed certificate "
                + i
                + " but the leaf does not name "
                + tls.checkedName()
                + " (RFC 7672 §3.2.2)");
      return new Outcome(
          true,
          "the DANE-TA key (published whole, not sent by the server) signed certificate "
              + i
              + " of the chain");
    }
    return new Outcome(
        false,
        "no certificate of the chain above the leaf matches (the server must send its trust anchor, RFC 7671 §5.2.2)");
  }

  private static boolean leafNames(CertificateFacts leaf, String name) {
    try {
      return CertificateInspector.nameMatches(parse(leaf), name);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static X509Certificate parse(CertificateFacts c) throws GeneralSecurityException {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(c.der())));
  }

  /**
   * A DANE-TA record that publishes the whole public key (2 1 0) may name a trust anchor the server
   * does not send (RFC 7671 §5.2.2, "bare key"): the index of the highest certificate of the chain
   * that this key signed, if any.
   */
  static Optional<Integer> signedByBareKey(Tlsa t, List<CertificateFacts> chain) {
    if (t.usage() != Tlsa.DANE_TA || t.selector() != 1 || t.matchingType() != 0)
      return Optional.empty();
    PublicKey key;
    try {
      byte[] spki = HexFormat.of().parseHex(t.data());
      String alg =
          switch (SubjectPublicKeyInfo.getInstance(spki).getAlgorithm().getAlgorithm().getId()) {
            case "1.2.840.10045.2.1" -> "EC";
            case "1.3.101.112" -> "Ed25519";
            default -> "RSA";
          };
      key = KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(spki));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
    for (int i = chain.size() - 1; i >= 0; i--) {
      try {
        parse(chain.get(i)).verify(key);
        return Optional.of(i);
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        // not this one
      }
    }
    return Optional.empty();
  }

  private static String what(Tlsa t) {
    return t.selector() == 1 ? "public key (SPKI)" : "certificate";
  }

  /** Whether the record's data is the selected part of {@code c} under its matching type. */
  static boolean matches(Tlsa t, CertificateFacts c) {
    String b64 = t.selector() == 0 ? c.der() : c.spki();
    if (b64.isEmpty()) return false;
    byte[] selected = Base64.getDecoder().decode(b64);
    byte[] expected;
    try {
      expected = HexFormat.of().parseHex(t.data());
    } catch (IllegalArgumentException e) {
      return false;
    }
    byte[] actual =
        switch (t.matchingType()) {
          case 0 -> selected;
          case 1 -> digest("SHA-256", selected);
          case 2 -> digest("SHA-512", selected);
          default -> new byte[0];
        };
    return MessageDigest.isEqual(actual, expected);
  }

  private static byte[] digest(String alg, byte[] data) {
    try {
      return MessageDigest.getInstance(alg).digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Empty when each certificate from the leaf up to {@code ta} is signed by the next. */
  static Optional<String> chainsTo(List<CertificateFacts> chain, int ta) {
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      List<X509Certificate> certs = new ArrayList<>();
      for (int i = 0; i <= ta; i++) {
        certs.add(
            (X509Certificate)
                cf.generateCertificate(
                    new ByteArrayInputStream(Base64.getDecoder().decode(chain.get(i).der()))));
      }
      for (int i = 0; i < ta; i++) {
        try {
          certs.get(i).verify(certs.get(i + 1).getPublicKey());
        } catch (GeneralSecurityException e) {
          return Optional.of("certificate " + i + " is not signed by certificate " + (i + 1));
        }
      }
      return Optional.empty();
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.of("the chain does not parse");
    }
  }
}
