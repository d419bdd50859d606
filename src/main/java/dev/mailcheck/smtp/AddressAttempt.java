package dev.mailcheck.smtp;

import java.util.Optional;

/** One TCP connect attempt: the address, how long it took, and why it failed when it did. */
public record AddressAttempt(
    String address, long millis, Optional<Failure.Kind> failure, String detail) {
  public boolean connected() {
    return failure.isEmpty();
  }
}
