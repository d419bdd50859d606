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
    var cert = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(certKey.getPrivate()));
    pem(keyFile, new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key.getPrivate(), null));
    pem(
        certFile,
        new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(cert));
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
