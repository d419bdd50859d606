package dev.mailcheck.checks.postfix.config;

import java.util.Map;
import java.util.Optional;

/**
 * Postfix's built-in defaults (Postfix 3.7, {@code postconf -d}) for the parameters the audit
 * reads. Defaults that depend on {@code compatibility_level} (mynetworks_style, relay_domains,
 * smtpd_relay_restrictions) are resolved for the configured level, as Postfix does.
 */
final class Defaults {
  private Defaults() {}

  private static final Map<String, String> FIXED =
      Map.ofEntries(
          Map.entry("compatibility_level", "0"),
          Map.entry("config_directory", "/etc/postfix"),
          Map.entry("inet_interfaces", "all"),
          Map.entry("inet_protocols", "all"),
          Map.entry("proxy_interfaces", ""),
          Map.entry("mydestination", "$myhostname, localhost.$mydomain, localhost"),
          Map.entry("myorigin", "$myhostname"),
          Map.entry("relayhost", ""),
          Map.entry("smtpd_recipient_restrictions", ""),
          Map.entry("smtpd_client_restrictions", ""),
          Map.entry("smtpd_helo_restrictions", ""),
          Map.entry("smtpd_sender_restrictions", ""),
          Map.entry("smtpd_data_restrictions", ""),
          Map.entry("smtpd_tls_security_level", ""),
          Map.entry("smtpd_use_tls", "no"),
          Map.entry("smtpd_enforce_tls", "no"),
          Map.entry("smtpd_tls_wrappermode", "no"),
          Map.entry("smtpd_sasl_auth_enable", "no"),
          Map.entry("smtpd_sasl_security_options", "noanonymous"),
          Map.entry("smtpd_sasl_tls_security_options", "$smtpd_sasl_security_options"),
          Map.entry("smtpd_tls_auth_only", "no"),
          Map.entry("smtpd_tls_protocols", ">=TLSv1"),
          Map.entry("smtpd_tls_mandatory_protocols", ">=TLSv1"),
          Map.entry("smtp_tls_protocols", ">=TLSv1"),
          Map.entry("smtp_tls_mandatory_protocols", ">=TLSv1"),
          Map.entry("smtpd_tls_ciphers", "medium"),
          Map.entry("smtpd_tls_mandatory_ciphers", "medium"),
          Map.entry("smtp_tls_ciphers", "medium"),
          Map.entry("smtp_tls_mandatory_ciphers", "medium"),
          Map.entry("smtpd_tls_exclude_ciphers", ""),
          Map.entry("smtpd_tls_cert_file", ""),
          Map.entry("smtpd_tls_key_file", "$smtpd_tls_cert_file"),
          Map.entry("smtpd_tls_eccert_file", ""),
          Map.entry("smtpd_tls_eckey_file", "$smtpd_tls_eccert_file"),
          Map.entry("smtpd_tls_chain_files", ""),
          Map.entry("smtp_tls_security_level", ""),
          Map.entry("smtp_use_tls", "no"),
          Map.entry("smtp_enforce_tls", "no"),
          Map.entry("disable_vrfy_command", "no"),
          Map.entry("smtpd_helo_required", "no"),
          Map.entry("message_size_limit", "10240000"),
          Map.entry("mailbox_size_limit", "51200000"),
          Map.entry("smtpd_client_connection_rate_limit", "0"),
          Map.entry("smtpd_client_message_rate_limit", "0"),
          Map.entry("smtpd_client_recipient_rate_limit", "0"),
          Map.entry("smtpd_client_auth_rate_limit", "0"),
          Map.entry("smtpd_client_connection_count_limit", "50"),
          Map.entry("anvil_rate_time_unit", "60s"),
          Map.entry("postscreen_dnsbl_sites", ""),
          Map.entry("postscreen_dnsbl_action", "ignore"),
          Map.entry("smtpd_milters", ""),
          Map.entry("non_smtpd_milters", ""),
          Map.entry("syslog_name", "postfix"),
          Map.entry("tls_low_cipherlist", "aNULL:-aNULL:HIGH:MEDIUM:+RC4:@STRENGTH"));

  /**
   * The default of {@code name} at {@code compatibility_level} {@code compat}, or empty for a
   * parameter this table does not know (myhostname and mynetworks depend on the machine).
   */
  static Optional<String> of(String name, String compat) {
    boolean below1 = compare(compat, "1") < 0;
    boolean below2 = compare(compat, "2") < 0;
    return switch (name) {
      case "mynetworks_style" -> Optional.of(below2 ? "subnet" : "host");
      case "relay_domains" -> Optional.of(below2 ? "$mydestination" : "");
      case "smtpd_relay_restrictions" ->
          Optional.of(
              below1
                  ? ""
                  : "permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination");
      default -> Optional.ofNullable(FIXED.get(name));
    };
  }

  /** Postfix compares levels as dotted numbers: 3.6 > 2 > 1 > 0. */
  static int compare(String a, String b) {
    String[] x = a.strip().split("\\.");
    String[] y = b.strip().split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? num(x[i]) : 0;
      int q = i < y.length ? num(y[i]) : 0;
      if (p != q) return Integer.compare(p, q);
    }
    return 0;
  }

  private static int num(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
