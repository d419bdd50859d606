package dev.mailcheck.checks.postfix.config;

import dev.mailcheck.checks.postfix.config.MasterCf.Service;
import dev.mailcheck.report.view.PostfixConfigView;
import dev.mailcheck.report.view.PostfixConfigView.CertificateRow;
import dev.mailcheck.report.view.PostfixConfigView.ServiceRow;
import dev.mailcheck.report.view.PostfixConfigView.SettingRow;
import java.util.ArrayList;
import java.util.List;

/** The view of the audit: services, every audited value with its origin, certificates. */
final class ConfigViews {
  private ConfigViews() {}

  /** The parameters the audit reads, in the order the view lists them. */
  static final List<String> AUDITED =
      List.of(
          "compatibility_level",
          "myhostname",
          "mydomain",
          "inet_interfaces",
          "mynetworks",
          "mynetworks_style",
          "relay_domains",
          "smtpd_relay_restrictions",
          "smtpd_recipient_restrictions",
          "smtpd_client_restrictions",
          "smtpd_tls_security_level",
          "smtpd_tls_wrappermode",
          "smtpd_tls_auth_only",
          "smtpd_tls_protocols",
          "smtpd_tls_mandatory_protocols",
          "smtpd_tls_ciphers",
          "smtpd_tls_mandatory_ciphers",
          "smtpd_tls_chain_files",
          "smtpd_tls_cert_file",
          "smtpd_tls_key_file",
          "smtpd_sasl_auth_enable",
          "smtpd_sasl_security_options",
          "smtpd_sasl_tls_security_options",
          "smtp_tls_security_level",
          "smtp_tls_protocols",
          "smtp_tls_mandatory_protocols",
          "smtp_tls_ciphers",
          "smtp_tls_mandatory_ciphers",
          "disable_vrfy_command",
          "smtpd_helo_required",
          "message_size_limit",
          "mailbox_size_limit",
          "smtpd_client_connection_rate_limit",
          "smtpd_client_message_rate_limit",
          "smtpd_client_recipient_rate_limit",
          "smtpd_client_auth_rate_limit",
          "smtpd_client_connection_count_limit",
          "postscreen_dnsbl_sites",
          "smtpd_milters",
          "non_smtpd_milters");

  static PostfixConfigView view(PostfixConfigFacts f) {
    PostfixConfig c = f.config();
    List<ServiceRow> services = new ArrayList<>();
    String interfaces = c.get("inet_interfaces").value();
    for (Service s : c.inetSmtpd()) {
      List<String> overrides = new ArrayList<>();
      Service e = c.effective(s);
      for (MasterCf.Override o : e.overrides()) overrides.add(o.name() + "=" + o.value());
      services.add(
          new ServiceRow(
              s.id(),
              s.command(),
              s.port(),
              role(s),
              s.address().orElse(interfaces),
              s.origin(),
              overrides));
    }
    List<SettingRow> settings = new ArrayList<>();
    for (String n : AUDITED) settings.add(row("main.cf", c.get(n)));
    for (Service s : c.inetSmtpd()) {
      Service e = c.effective(s);
      for (String n : AUDITED)
        if (e.override(n).isPresent()) settings.add(row(e.id(), c.get(e, n)));
    }
    List<CertificateRow> certs = new ArrayList<>();
    for (TlsIdentity id : f.identities())
      certs.add(
          new CertificateRow(
              id.scope(),
              id.certFile(),
              id.keyFile(),
              id.notAfter().map(Object::toString),
              id.names(),
              id.keyMatches(),
              id.problems()));
    return new PostfixConfigView(
        f.directory(), f.sources(), f.fromPostconf(), services, settings, certs);
  }

  private static SettingRow row(String scope, Setting s) {
    return new SettingRow(scope, s.name(), s.raw(), s.value(), s.origin());
  }

  static String role(Service s) {
    return switch (s.port()) {
      case 25 -> s.command().equals("postscreen") ? "mx (postscreen)" : "mx";
      case 587 -> "submission";
      case 465 -> "submissions";
      default -> "smtpd";
    };
  }
}
