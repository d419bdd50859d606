package dev.mailcheck.checks.smtp;

/** What a mail admin should try when a port is refused or filtered. */
final class PortHints {
  private PortHints() {}

  /** The IANA service name and its role, e.g. {@code smtp, MX relay}. */
  static String service(int port) {
    return switch (port) {
      case 25 -> "smtp, MX relay";
      case 465 -> "submissions, implicit TLS";
      case 587 -> "submission, STARTTLS";
      default -> "smtp";
    };
  }

  static String refused(int port) {
    return "Nothing listens on port "
        + port
        + ": the mail service is not running, or not on this port/address"
        + (port == 465
            ? " (Postfix: enable the submissions/smtps service in master.cf)"
            : port == 587 ? " (Postfix: enable the submission service in master.cf)" : "")
        + ". Check with: ss -ltnp on the server.";
  }

  static String filtered(int port) {
    if (port == 25) {
      return "Many ISPs and cloud providers block outbound port 25: probe from another network, or try port 587. Otherwise check the server's firewall.";
    }
    return "Check the firewall in front of the server (and any security group) for port "
        + port
        + ".";
  }
}
