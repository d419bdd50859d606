package dev.mailcheck.smtp;

/** Internal: carries a {@link Failure} out of the protocol steps. Never leaves the package. */
final class ProbeException extends Exception {
  private final transient Failure failure;

  ProbeException(Failure failure) {
    super(failure.kind() + ": " + failure.detail(), null, false, false);
    this.failure = failure;
  }

  ProbeException(Phase phase, Failure.Kind kind, String detail) {
    this(new Failure(phase, kind, detail));
  }

  Failure failure() {
    return failure;
  }
}
