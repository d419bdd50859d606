package dev.mailcheck.smtp;

import java.util.List;
import java.util.Optional;

/**
 * What happened with AUTH (RFC 4954).
 *
 * @param offered the mechanisms of the last EHLO (after TLS when TLS was used)
 * @param attempted the mechanism used, when one was
 * @param reply the server's final reply (235, 535...), when one came
 */
public record AuthOutcome(
    List<String> offered,
    Optional<String> attempted,
    Result result,
    Optional<Reply> reply,
    String detail) {
  public AuthOutcome {
    offered = List.copyOf(offered);
  }

  public enum Result {
    /** 235. */
    SUCCESS,
    /** 535 and other negative replies to the credentials. */
    FAILED,
    /** The mechanism asked for is not offered, or the server answered 504. */
    MECHANISM_REFUSED,
    /** The server does not advertise AUTH. */
    NOT_OFFERED,
    /**
     * Not sent: the connection is not encrypted and plaintext AUTH was not allowed, or it is
     * encrypted with a certificate that could not be verified (as exposed to a man in the middle as
     * clear text) and neither {@code insecure} nor plaintext AUTH was allowed. The detail says
     * which.
     */
    SKIPPED_PLAINTEXT,
    /** The exchange broke off (timeout, closed, an unexpected reply). */
    ERROR
  }
}
