package dev.mailcheck.smtp.testserver;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away CA and the server certificates it issues, generated in memory with BouncyCastle (EC
 * P-256, fast). Nothing is read from or written to disk except the CA's PEM when asked.
 */
public final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());
  private final KeyPair caKey;
  private final X509Certificate ca;

  private TestPki(KeyPair caKey, X509Certificate ca) {
    this.caKey = caKey;
    this.ca = ca;
  }

  public static TestPki create() {
    KeyPair key = keyPair();
    Instant now = Instant.now();
    return new TestPki(
        key,
        sign(
            "CN=mailcheck test CA",
            key,
            "CN=mailcheck test CA",
            key,
            now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(3650)),
            true,
            List.of()));
  }

  public X509Certificate ca() {
    return ca;
  }

  /**
   * A server certificate for {@code names} (DNS names or IP literals), valid from yesterday for
   * {@code days}.
   */
  public Issued issue(String cn, List<String> names, int days) {
    Instant now = Instant.now();
    return issue(cn, names, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(days)));
  }

  public Issued issue(String cn, List<String> names, Instant notBefore, Instant notAfter) {
    KeyPair key = keyPair();
    X509Certificate cert =
        sign("CN=" + cn, key, "CN=mailcheck test CA", caKey, notBefore, notAfter, false, names);
    return new Issued(key, List.of(cert, ca));
  }

  /** A self-signed certificate not issued by the CA. */
  public static Issued selfSigned(String cn, List<String> names) {
    KeyPair key = keyPair();
    Instant now = Instant.now();
    X509Certificate cert =
        sign(
            "CN=" + cn,
            key,
            "CN=" + cn,
            key,
            now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(90)),
            false,
            names);
    return new Issued(key, List.of(cert));
  }

  /** Writes the CA certificate as PEM into {@code dir} and returns the file. */
  public Path writeCaPem(Path dir) throws IOException {
    Path p = dir.resolve("test-ca.pem");
    Files.writeString(p, pem(ca), StandardCharsets.US_ASCII);
    return p;
  }

  public static String pem(X509Certificate c) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(c.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A key and its chain (leaf first), ready to serve. */
  public record Issued(KeyPair key, List<X509Certificate> chain) {
    public X509Certificate leaf() {
      return chain.get(0);
    }

    public SSLContext serverContext() {
      try {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = "test".toCharArray();
        ks.setKeyEntry("server", key.getPrivate(), pw, chain.toArray(new X509Certificate[0]));
        var kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, new SecureRandom());
        return ctx;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static KeyPair keyPair() {
    try {
      var g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate sign(
      String subject,
      KeyPair subjectKey,
      String issuer,
      KeyPair issuerKey,
      Instant notBefore,
      Instant notAfter,
      boolean isCa,
      List<String> names) {
    try {
      var b =
          new JcaX509v3CertificateBuilder(
              new X500Name(issuer),
              BigInteger.valueOf(SERIAL.incrementAndGet()),
              Date.from(notBefore),
              Date.from(notAfter),
              new X500Name(subject),
              subjectKey.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      if (isCa)
        b.addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      else b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      if (!names.isEmpty()) {
        var gns = new ArrayList<GeneralName>();
        for (String n : names) {
          boolean ip = n.contains(":") || n.matches("[0-9.]+");
          gns.add(
              ip
                  ? new GeneralName(
                      GeneralName.iPAddress, InetAddress.getByName(n).getHostAddress())
                  : new GeneralName(GeneralName.dNSName, n));
        }
        b.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(gns.toArray(new GeneralName[0])));
      }
      var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate());
      return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
