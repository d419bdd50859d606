package dev.mailcheck.checks.postfix.config;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A certificate and key pair an smtpd serves, as read from disk: for main.cf or one master.cf
 * service whose -o changes the TLS files.
 *
 * @param scope {@code main.cf} or a service id such as {@code 127.0.0.1:25/inet}
 * @param myhostname the (expanded) myhostname that scope uses, which the certificate should name
 * @param certFile where the leaf certificate is
 * @param keyFile where the private key is
 * @param problems what could not be read or parsed (missing file, no certificate, encrypted key)
 * @param names the leaf's DNS names (subjectAltName, else the subject CN)
 * @param keyMatches the private key belongs to the leaf's public key
 * @param keyWorldReadable the key file is readable by every user (POSIX permissions)
 */
public record TlsIdentity(
    String scope,
    String myhostname,
    String certFile,
    String keyFile,
    List<String> problems,
    Optional<Instant> notBefore,
    Optional<Instant> notAfter,
    List<String> names,
    boolean keyMatches,
    boolean keyWorldReadable) {
  public TlsIdentity {
    problems = List.copyOf(problems);
    names = List.copyOf(names);
  }
}
