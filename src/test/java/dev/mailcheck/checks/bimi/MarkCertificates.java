package dev.mailcheck.checks.bimi;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Mark certificates made in the test, shaped like a VMC: BIMI extended key usage, DNS names, and an
 * RFC 3709 logotype extension whose data: URI holds the gzip-compressed SVG and its SHA-256.
 */
public final class MarkCertificates {
  private MarkCertificates() {}

  public static final String LOGO =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny-ps" viewBox="0 0 100 100">
        <title>Example Brand</title>
        <rect width="100" height="100" fill="#1a73e8"/>
        <circle cx="50" cy="50" r="30" fill="#ffffff"/>
      </svg>
      """;

  public static byte[] logo() {
    return LOGO.getBytes(StandardCharsets.UTF_8);
  }

  /** A PEM chain (leaf, self-signed issuer) for {@code names}, whose logotype is {@code svg}. */
  public static String pem(List<String> names, byte[] svg, Instant notBefore, Instant notAfter) {
    try {
      var g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair ca = g.generateKeyPair();
      KeyPair leaf = g.generateKeyPair();
      var b =
          new JcaX509v3CertificateBuilder(
              new X500Name("CN=Test Mark CA"),
              BigInteger.valueOf(System.nanoTime()),
              Date.from(notBefore),
              Date.from(notAfter),
              new X500Name("CN=Example Brand, 1.3.6.1.4.1.53087.1.13=Registered Mark"),
              leaf.getPublic());
      var gns =
          names.stream()
              .map(n -> new GeneralName(GeneralName.dNSName, n))
              .toArray(GeneralName[]::new);
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(gns));
      b.addExtension(
          Extension.extendedKeyUsage,
          false,
          new ExtendedKeyUsage(
              KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.31"))));
      b.addExtension(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.12"), false, logotype(svg));
      var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate());
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(signer));
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(cert.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * LogotypeExtn { subjectLogo [2] { direct [0] LogotypeData { image { LogotypeImage { details } }
   * } } }.
   */
  static DERSequence logotype(byte[] svg) throws Exception {
    var gz = new ByteArrayOutputStream();
    try (var z = new GZIPOutputStream(gz)) {
      z.write(svg);
    }
    String uri =
        "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(gz.toByteArray());
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(svg);
    var hashAlgAndValue =
        new DERSequence(
            new org.bouncycastle.asn1.ASN1Encodable[] {
              new AlgorithmIdentifier(new ASN1ObjectIdentifier("2.16.840.1.101.3.4.2.1")),
              new DEROctetString(hash)
            });
    var details =
        new DERSequence(
            new org.bouncycastle.asn1.ASN1Encodable[] {
              new DERIA5String("image/svg+xml"),
              new DERSequence(hashAlgAndValue),
              new DERSequence(new DERIA5String(uri))
            });
    var image = new DERSequence(details); // LogotypeImage without imageInfo
    var data = new DERSequence(new DERSequence(image)); // LogotypeData { image SEQUENCE OF }
    var direct = new DERTaggedObject(false, 0, data);
    var v = new ASN1EncodableVector();
    v.add(new DERTaggedObject(true, 2, direct));
    return new DERSequence(v);
  }
}
