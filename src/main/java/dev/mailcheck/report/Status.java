package dev.mailcheck.report;

import java.util.Locale;

/**
 * How a finding came out, in rising order of severity. {@code ERROR} means the check could not
 * determine the answer (a DNS timeout, a server that never replied); it ranks with {@code FAIL} for
 * {@code --fail-on}, because a gate must not pass on what it could not see.
 */
public enum Status {
  PASS,
  INFO,
  WARN,
  FAIL,
  ERROR;

  /** The lower-case token used in JSON and text output. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Rank for thresholds: pass 0, info 1, warn 2, fail and error 3. */
  public int rank() {
    return this == ERROR ? FAIL.ordinal() : ordinal();
  }

  public boolean atLeast(Status threshold) {
    return rank() >= threshold.rank();
  }

  /** The worse of two, with ERROR above FAIL when they tie on rank (it is the less known). */
  public static Status worst(Status a, Status b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }

  public static Status parse(String token) {
    return valueOf(token.toUpperCase(Locale.ROOT));
  }
}
