package dev.mailcheck.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The certificates the listeners present (read with the JDK over implicit TLS on 465): the good one
 * chains to the test CA and names both MX hosts; the bad one is expired and names another host.
 * These are the facts mailcheck's SMTP probe must report.
 */
class TlsCertificateInteropIT {
  static InteropEnv env;

  @BeforeAll
  static void env() {
    env = InteropEnv.load();
  }

  static List<X509Certificate> chainOf(String host, int port) throws Exception {
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new TrustManager[] {new AcceptAll()}, null);
    try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket()) {
      s.connect(new InetSocketAddress(host, port), 5000);
      s.setSoTimeout(5000);
      s.startHandshake();
      return Arrays.stream(s.getSession().getPeerCertificates())
          .map(c -> (X509Certificate) c)
          .toList();
    }
  }

  static List<String> dnsNames(X509Certificate c) throws Exception {
    List<String> names = new ArrayList<>();
    Collection<List<?>> sans = c.getSubjectAlternativeNames();
    if (sans != null)
      for (List<?> san : sans) if ((Integer) san.get(0) == 2) names.add((String) san.get(1));
    return names;
  }

  static void validate(List<X509Certificate> chain) throws Exception {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    X509Certificate ca;
    try (InputStream in = Files.newInputStream(env.path("tls.ca"))) {
      ca = (X509Certificate) cf.generateCertificate(in);
    }
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    ks.setCertificateEntry("interop-ca", ca);
    PKIXParameters params = new PKIXParameters(ks);
    params.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX")
        .validate(cf.generateCertPath(chain.subList(0, 1)), params);
  }

  @Test
  void goodCertificateChainsToTheTestCaAndNamesBothMxHosts() throws Exception {
    var chain = chainOf(env.get("smtp.mx1"), 465);
    X509Certificate leaf = chain.get(0);
    assertThat(dnsNames(leaf)).containsExactlyInAnyOrder("mx1.good.test", "mx2.good.test");
    assertThat(leaf.getNotAfter().toInstant()).isAfter(Instant.now());
    assertThat(leaf.getNotBefore().toInstant()).isBefore(Instant.now());
    validate(chain); // throws if it does not chain to ca.crt
  }

  @Test
  void badCertificateIsExpiredAndForAnotherName() throws Exception {
    var chain = chainOf(env.get("smtp.badcert"), 465);
    X509Certificate leaf = chain.get(0);
    assertThat(dnsNames(leaf)).containsExactly("wrong-name.invalid");
    assertThat(leaf.getNotAfter().toInstant()).isEqualTo(Instant.parse("2021-01-01T00:00:00Z"));
    assertThatThrownBy(leaf::checkValidity).isInstanceOf(CertificateExpiredException.class);
    assertThatThrownBy(() -> validate(chain)).isInstanceOf(CertPathValidatorException.class);
  }

  /** Test-only: we want to look at whatever the server presents. */
  static final class AcceptAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
