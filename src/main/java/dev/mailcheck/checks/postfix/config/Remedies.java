package dev.mailcheck.checks.postfix.config;

/**
 * Exact commands that change a setting where it is set: {@code postconf -e} for main.cf, {@code
 * postconf -P} for a master.cf service's -o (postconf(1)), followed by a reload.
 */
final class Remedies {
  private Remedies() {}

  /** Sets {@code name} to {@code value} where {@code s} came from. */
  static String set(Setting s, String value) {
    return s.fromOverride() ? service(s.service(), s.name(), value) : main(s.name(), value);
  }

  static String main(String name, String value) {
    return "postconf -e '" + name + " = " + value + "' && postfix reload";
  }

  static String service(String serviceId, String name, String value) {
    return "postconf -P '" + serviceId + "/" + name + "=" + value + "' && postfix reload";
  }

  /** One line for the evidence: {@code name = value (main.cf:12)}. */
  static String show(Setting s) {
    String v = s.value().equals(s.raw()) ? s.value() : s.raw() + "  => " + s.value();
    return s.name() + " = " + v + "  (" + s.origin() + ")";
  }
}
