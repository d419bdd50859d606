package dev.mailcheck.checks.spf;

/** A mechanism's qualifier (RFC 7208 §4.6.2); {@code +} when none is written. */
public enum Qualifier {
  PASS('+', SpfResult.PASS),
  FAIL('-', SpfResult.FAIL),
  SOFTFAIL('~', SpfResult.SOFTFAIL),
  NEUTRAL('?', SpfResult.NEUTRAL);

  private final char symbol;
  private final SpfResult result;

  Qualifier(char symbol, SpfResult result) {
    this.symbol = symbol;
    this.result = result;
  }

  public char symbol() {
    return symbol;
  }

  /** The result a matching mechanism with this qualifier produces. */
  public SpfResult result() {
    return result;
  }

  static Qualifier of(char c) {
    for (Qualifier q : values()) if (q.symbol == c) return q;
    return null;
  }
}
