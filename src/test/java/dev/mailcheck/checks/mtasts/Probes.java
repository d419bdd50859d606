package dev.mailcheck.checks.mtasts;

import dev.mailcheck.smtp.AddressAttempt;
import dev.mailcheck.smtp.CertificateFacts;
import dev.mailcheck.smtp.Failure;
import dev.mailcheck.smtp.Phase;
import dev.mailcheck.smtp.ProbeResult;
import dev.mailcheck.smtp.StartTls;
import dev.mailcheck.smtp.TlsFacts;
import dev.mailcheck.smtp.TlsMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port-25 probe results made by hand, for the coverage evaluation. */
public final class Probes {
  private Probes() {}

  /** A completed STARTTLS session whose certificate is (un)trusted and (mis)named. */
  public static ProbeResult tls(String host, boolean trusted, boolean nameOk, String protocol) {
    var cert =
        new CertificateFacts(
            "CN=" + host,
            "CN=CA",
            List.of("DNS:" + (nameOk ? host : "other.example")),
            Instant.EPOCH,
            Instant.parse("2040-01-01T00:00:00Z"),
            "EC",
            256,
            "SHA256withECDSA",
            "ab");
    var tls =
        new TlsFacts(
            protocol,
            "TLS_AES_128_GCM_SHA256",
            List.of(cert),
            trusted,
            trusted
                ? Optional.empty()
                : Optional.of("self-signed certificate not in the trust store"),
            host,
            nameOk,
            400);
    return result(host, StartTls.OK, Optional.of(tls), Optional.empty());
  }

  public static ProbeResult valid(String host) {
    return tls(host, true, true, "TLSv1.3");
  }

  public static ProbeResult noStarttls(String host) {
    return result(host, StartTls.NOT_OFFERED, Optional.empty(), Optional.empty());
  }

  public static ProbeResult timeout(String host) {
    return result(
        host,
        StartTls.NOT_ATTEMPTED,
        Optional.empty(),
        Optional.of(new Failure(Phase.CONNECT, Failure.Kind.TIMEOUT, "no answer within 3s")));
  }

  static ProbeResult result(
      String host, StartTls st, Optional<TlsFacts> tls, Optional<Failure> failure) {
    return new ProbeResult(
        host,
        25,
        TlsMode.OPPORTUNISTIC,
        Optional.of("127.0.0.1"),
        List.<AddressAttempt>of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        st,
        Optional.empty(),
        tls,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        failure,
        List.of(),
        Optional.empty());
  }
}
