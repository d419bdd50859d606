package dev.mailcheck.smtp;

import java.util.List;
import java.util.Optional;

/**
 * Everything one probe saw, as immutable facts; {@code checks/smtp} turns them into findings.
 *
 * @param address the address that answered (connect succeeded), when one did
 * @param attempts every connect attempt, in order
 * @param phases each phase that ran with its duration, in order
 * @param banner the greeting (220 or otherwise)
 * @param ehlo the extensions of the plaintext EHLO (absent for implicit TLS)
 * @param ehloTls the extensions of the EHLO on the encrypted channel
 * @param tls the TLS facts when a handshake completed (or failed after the chain was seen)
 * @param transcript the conversation, already redacted
 * @param failure why the probe stopped early; empty when it reached QUIT
 * @param transaction the replies of the mail transaction, when one was asked for and reached
 */
public record ProbeResult(
    String host,
    int port,
    TlsMode tlsMode,
    Optional<String> address,
    List<AddressAttempt> attempts,
    List<PhaseTiming> phases,
    Optional<Reply> banner,
    Optional<Extensions> ehlo,
    Optional<Extensions> ehloTls,
    StartTls startTls,
    Optional<Reply> startTlsReply,
    Optional<TlsFacts> tls,
    Optional<LegacyTls> legacyTls,
    Optional<AuthOutcome> auth,
    Optional<RelayOutcome> relay,
    Optional<Failure> failure,
    List<String> transcript,
    Optional<TransactionOutcome> transaction) {

  public ProbeResult {
    transaction = transaction == null ? Optional.empty() : transaction;
    attempts = List.copyOf(attempts);
    phases = List.copyOf(phases);
    transcript = List.copyOf(transcript);
  }

  /** The session was encrypted when it ended (implicit TLS or a completed STARTTLS). */
  public boolean encrypted() {
    return tls.isPresent() && (tlsMode == TlsMode.IMPLICIT || startTls == StartTls.OK);
  }

  /** The extensions in force last: after TLS when TLS was used, else the plaintext ones. */
  public Optional<Extensions> effectiveExtensions() {
    return ehloTls.isPresent() ? ehloTls : ehlo;
  }

  public Optional<PhaseTiming> timing(Phase phase) {
    return phases.stream().filter(p -> p.phase() == phase).findFirst();
  }

  /** Total milliseconds of all phases. */
  public long totalMillis() {
    return phases.stream().mapToLong(PhaseTiming::millis).sum();
  }

  /**
   * This probe as seen by another MX name that shares the address: the same session, its host and
   * the certificate's name check for {@code otherHost}, so that one address is probed once however
   * many exchange names point at it.
   */
  public ProbeResult asSeenBy(String otherHost) {
    if (otherHost.equals(host)) return this;
    return new ProbeResult(
        otherHost,
        port,
        tlsMode,
        address,
        attempts,
        phases,
        banner,
        ehlo,
        ehloTls,
        startTls,
        startTlsReply,
        tls.map(t -> t.forName(otherHost)),
        legacyTls,
        auth,
        relay,
        failure,
        transcript,
        transaction);
  }
}
