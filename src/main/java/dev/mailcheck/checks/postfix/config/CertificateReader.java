package dev.mailcheck.checks.postfix.config;

import dev.mailcheck.checks.Limits;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads the certificate and key files smtpd is configured with (the fetch side of the audit): PEM
 * certificates and keys (PKCS#1, SEC1, PKCS#8), several objects per file as {@code
 * smtpd_tls_chain_files} allows. The key is proven to belong to the certificate by signing a random
 * challenge and verifying it with the certificate's public key (RSA, EC and Ed25519 alike).
 */
final class CertificateReader {
  private CertificateReader() {}

  private record Pem(List<X509Certificate> certs, List<PrivateKey> keys, List<String> problems) {}

  /** The identity of {@code certFile}/{@code keyFile} (the same file for a combined PEM). */
  static TlsIdentity read(String scope, String myhostname, String certFile, String keyFile) {
    List<String> problems = new ArrayList<>();
    Pem cert = pem(certFile, problems);
    Pem key = keyFile.equals(certFile) ? cert : pem(keyFile, problems);
    if (cert.certs().isEmpty() && problems.isEmpty())
      problems.add(certFile + ": no certificate in the file");
    if (key.keys().isEmpty() && problems.isEmpty())
      problems.add(keyFile + ": no private key in the file");
    boolean worldReadable = worldReadable(keyFile);
    if (cert.certs().isEmpty())
      return new TlsIdentity(
          scope,
          myhostname,
          certFile,
          keyFile,
          problems,
          Optional.empty(),
          Optional.empty(),
          List.of(),
          false,
          worldReadable);
    X509Certificate leaf = cert.certs().get(0);
    boolean matches = !key.keys().isEmpty() && matches(key.keys().get(0), leaf);
    return new TlsIdentity(
        scope,
        myhostname,
        certFile,
        keyFile,
        problems,
        Optional.of(leaf.getNotBefore().toInstant()),
        Optional.of(leaf.getNotAfter().toInstant()),
        names(leaf),
        matches,
        worldReadable);
  }

  private static Pem pem(String file, List<String> problems) {
    List<X509Certificate> certs = new ArrayList<>();
    List<PrivateKey> keys = new ArrayList<>();
    Path p = Path.of(file);
    try {
      if (Files.size(p) > Limits.POSTFIX_CERTIFICATE_FILE_BYTES) {
        problems.add(file + ": larger than 1 MiB, not a PEM file");
        return new Pem(certs, keys, problems);
      }
      String text = Files.readString(p, StandardCharsets.ISO_8859_1);
      try (PEMParser parser = new PEMParser(new StringReader(text))) {
        Object o;
        // BouncyCastle reads the PEM structures (PKCS#1 and SEC1 become PKCS#8); the JDK's own
        // key factories decode them, so no security provider is loaded (CertificateReaderTest
        // covers RSA, EC, Ed25519 and Ed448 in each encoding).
        JcaPEMKeyConverter kc = new JcaPEMKeyConverter();
        JcaX509CertificateConverter cc = new JcaX509CertificateConverter();
        while ((o = parser.readObject()) != null) {
          switch (o) {
            case X509CertificateHolder h -> certs.add(cc.getCertificate(h));
            case PEMKeyPair kp -> keys.add(kc.getPrivateKey(kp.getPrivateKeyInfo()));
            case PrivateKeyInfo pki -> keys.add(kc.getPrivateKey(pki));
            default -> {
              String type = o.getClass().getSimpleName();
              if (type.contains("Encrypted"))
                problems.add(file + ": the private key is encrypted; Postfix cannot read it");
            }
          }
        }
      }
    } catch (NoSuchFileException e) {
      problems.add(file + ": no such file");
    } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
      problems.add(file + ": cannot parse: " + e.getMessage());
    }
    return new Pem(certs, keys, problems);
  }

  static boolean matches(PrivateKey key, X509Certificate cert) {
    String alg =
        switch (key.getAlgorithm().toUpperCase(Locale.ROOT)) {
          case "RSA" -> "SHA256withRSA";
          case "EC", "ECDSA" -> "SHA256withECDSA";
          // the JDK names Ed25519 and Ed448 keys "EdDSA"; its EdDSA signature takes either
          case "ED25519", "ED448", "EDDSA" -> "EdDSA";
          default -> null;
        };
    if (alg == null) return false;
    try {
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      Signature s = Signature.getInstance(alg);
      s.initSign(key);
      s.update(challenge);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance(alg);
      v.initVerify(cert.getPublicKey());
      v.update(challenge);
      return v.verify(sig);
    } catch (java.security.GeneralSecurityException e) {
      return false;
    }
  }

  static List<String> names(X509Certificate cert) {
    List<String> out = new ArrayList<>();
    try {
      var sans = cert.getSubjectAlternativeNames();
      if (sans != null)
        for (List<?> san : sans)
          if (san.size() >= 2 && Integer.valueOf(2).equals(san.get(0)))
            out.add(String.valueOf(san.get(1)).toLowerCase(Locale.ROOT));
    } catch (java.security.cert.CertificateParsingException e) {
      // fall back to the CN
    }
    if (out.isEmpty()) {
      try {
        for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns())
          if (rdn.getType().equalsIgnoreCase("CN"))
            out.add(String.valueOf(rdn.getValue()).toLowerCase(Locale.ROOT));
      } catch (javax.naming.InvalidNameException e) {
        // no names
      }
    }
    return out;
  }

  private static boolean worldReadable(String file) {
    try {
      return Files.getPosixFilePermissions(Path.of(file)).contains(PosixFilePermission.OTHERS_READ);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** RFC 6125 §6.4: exact, or a wildcard covering exactly the left-most label. */
  static boolean nameMatches(List<String> names, String host) {
    String h = host.toLowerCase(Locale.ROOT);
    for (String n : names) {
      if (n.equals(h)) return true;
      if (n.startsWith("*.")
          && h.indexOf('.') > 0
          && h.substring(h.indexOf('.') + 1).equals(n.substring(2))) return true;
    }
    return false;
  }
}
