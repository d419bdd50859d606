package dev.mailcheck.checks.postfix.config;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed certificates and keys written as PEM, for the certificate checks. */
final class TestCertificates {
  private TestCertificates() {}

  static KeyPair ec() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    return g.generateKeyPair();
  }

  /** Writes {@code key} to keyFile and a certificate for {@code name} signed by {@code signer}. */
  static void write(
      Path keyFile,
      Path certFile,
      KeyPair key,
      KeyPair certKey,
      String name,
      Instant from,
      Instant to)
      throws Exception {
    var b =
        new JcaX509v3CertificateBuilder(
            new X500Name("CN=" + name),
            BigInteger.valueOf(42),
            Date.from(from),
            Date.from(to),
            new X500Name("CN=" + name),
            certKey.getPublic());
    b.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
    var cert =
        b.build(new JcaContentSignerBuilder(signatureFor(certKey)).build(certKey.getPrivate()));
    pem(keyFile, new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key.getPrivate(), null));
    pem(
        certFile,
        new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(cert));
  }

  /**
   * Writes {@code key} in its traditional PEM form: PKCS#1 for RSA, SEC1 for EC with the curve and
   * public key as OpenSSL writes it (BouncyCastle's own writer leaves SEC1's parameters out).
   */
  static void writeTraditionalKey(Path keyFile, KeyPair key) throws IOException {
    if (!key.getPrivate().getAlgorithm().equals("EC")) {
      pem(keyFile, key.getPrivate());
      return;
    }
    var info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(key.getPrivate().getEncoded());
    var inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
    var spki =
        org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded());
    int bits =
        ((java.security.interfaces.ECKey) key.getPrivate()).getParams().getOrder().bitLength();
    var sec1 =
        new org.bouncycastle.asn1.sec.ECPrivateKey(
            bits,
            inner.getKey(),
            spki.getPublicKeyData(),
            info.getPrivateKeyAlgorithm().getParameters());
    pem(keyFile, new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", sec1.getEncoded()));
  }

  static KeyPair generate(String algorithm, int size) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
    if (size > 0) g.initialize(size);
    return g.generateKeyPair();
  }

  private static String signatureFor(KeyPair key) {
    return switch (key.getPrivate().getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      // the JDK names both Edwards curves' keys "EdDSA"; the signature is named by the curve
      default -> ((java.security.interfaces.EdECKey) key.getPrivate()).getParams().getName();
    };
  }

  private static void pem(Path file, Object o) throws IOException {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter p = new JcaPEMWriter(w)) {
      p.writeObject(o);
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, w.toString());
  }
}
