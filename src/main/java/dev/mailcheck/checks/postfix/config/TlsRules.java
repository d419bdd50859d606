package dev.mailcheck.checks.postfix.config;

import dev.mailcheck.checks.postfix.config.MasterCf.Service;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** TLS on the way in and out: levels, protocols, ciphers, certificates, AUTH over TLS. */
final class TlsRules {
  private TlsRules() {}

  static final List<String> PROTOCOLS =
      List.of("SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

  /**
   * The protocols a Postfix protocol list enables: {@code >=TLSv1.2}, {@code <=TLSv1.2}, {@code
   * !SSLv2, !SSLv3} (exclusions), or a list of the ones to use.
   */
  static Set<String> enabled(String value) {
    List<String> items = PostfixConfig.items(value.replace(":", " "));
    // OpenSSL 1.1+ builds have neither SSLv2 nor (by default) SSLv3: "all" starts at TLS 1.0
    Set<String> on = new LinkedHashSet<>(PROTOCOLS.subList(2, PROTOCOLS.size()));
    boolean anyPositive =
        items.stream()
            .anyMatch(t -> !t.startsWith("!") && !t.startsWith(">=") && !t.startsWith("<="));
    if (anyPositive) {
      on.clear();
      for (String t : items) if (PROTOCOLS.contains(t)) on.add(t);
    }
    for (String t : items) {
      if (t.startsWith("!")) on.remove(t.substring(1));
      else if (t.startsWith(">=") && PROTOCOLS.contains(t.substring(2)))
        on.removeIf(p -> PROTOCOLS.indexOf(p) < PROTOCOLS.indexOf(t.substring(2)));
      else if (t.startsWith("<=") && PROTOCOLS.contains(t.substring(2)))
        on.removeIf(p -> PROTOCOLS.indexOf(p) > PROTOCOLS.indexOf(t.substring(2)));
    }
    return on;
  }

  static Finding level(PostfixConfig c, Service s) {
    Setting level = c.get(s, "smtpd_tls_security_level");
    String v = level.value().strip().toLowerCase(Locale.ROOT);
    if (v.isEmpty())
      v =
          c.get(s, "smtpd_enforce_tls").isYes()
              ? "encrypt"
              : c.get(s, "smtpd_use_tls").isYes() ? "may" : "none";
    List<String> ev = List.of(Remedies.show(level));
    return switch (v) {
      case "may" ->
          Finding.of(
                  FindingId.POSTFIX_CONFIG_TLS_LEVEL,
                  Status.PASS,
                  "STARTTLS offered on port 25 (may)")
              .evidence(ev)
              .build();
      case "encrypt" ->
          Finding.of(FindingId.POSTFIX_CONFIG_TLS_LEVEL, Status.WARN, "TLS required on port 25")
              .detail(
                  "RFC 3207 §4: a publicly referenced MX must not require TLS; senders without TLS cannot deliver. Use encrypt on 587/465 only.")
              .evidence(ev)
              .remedy(Remedies.set(level, "may"))
              .build();
      default ->
          Finding.of(FindingId.POSTFIX_CONFIG_TLS_LEVEL, Status.WARN, "No STARTTLS on port 25")
              .detail(
                  "smtpd_tls_security_level is "
                      + (level.value().isEmpty() ? "not set (none)" : level.value())
                      + ": mail from other servers arrives in plaintext.")
              .evidence(ev)
              .remedy(Remedies.set(level, "may"))
              .build();
    };
  }

  static Finding protocols(PostfixConfig c, Service s, boolean client) {
    String prefix = client ? "smtp_" : "smtpd_";
    List<Setting> settings =
        List.of(c.get(s, prefix + "tls_protocols"), c.get(s, prefix + "tls_mandatory_protocols"));
    List<String> bad = new ArrayList<>();
    boolean ssl = false;
    Setting worst = settings.get(0);
    for (Setting st : settings) {
      Set<String> on = enabled(st.value());
      List<String> legacy = on.stream().filter(p -> PROTOCOLS.indexOf(p) < 4).toList();
      if (!legacy.isEmpty()) {
        bad.add(st.name() + " enables " + String.join(", ", legacy));
        if (legacy.contains("SSLv3") || legacy.contains("SSLv2")) ssl = true;
        worst = st;
      }
    }
    List<String> ev = settings.stream().map(Remedies::show).toList();
    String what = client ? "outbound (smtp)" : "inbound (smtpd)";
    if (bad.isEmpty())
      return Finding.of(
              FindingId.POSTFIX_CONFIG_TLS_PROTOCOLS, Status.PASS, "TLS 1.2+ only, " + what)
          .evidence(ev)
          .build();
    List<String> remedies = new ArrayList<>();
    for (Setting st : settings)
      if (!Set.copyOf(enabled(st.value())).stream().allMatch(p -> PROTOCOLS.indexOf(p) >= 4))
        remedies.add(Remedies.set(st, ">=TLSv1.2"));
    return Finding.of(
            FindingId.POSTFIX_CONFIG_TLS_PROTOCOLS,
            ssl ? Status.FAIL : Status.WARN,
            (ssl ? "SSLv3" : "TLS 1.0/1.1") + " enabled, " + what)
        .detail(
            String.join("; ", bad)
                + ". RFC 8996 deprecates TLS 1.0 and 1.1 (RFC 7568: SSLv3). On port 25 a peer that cannot do TLS 1.2 then delivers in plaintext, which is what opportunistic TLS accepts.")
        .evidence(ev)
        .remedy(String.join("\n", remedies))
        .build();
  }

  static Finding ciphers(PostfixConfig c, Service s) {
    List<Setting> settings = new ArrayList<>();
    for (String n :
        List.of(
            "smtpd_tls_ciphers",
            "smtpd_tls_mandatory_ciphers",
            "smtp_tls_ciphers",
            "smtp_tls_mandatory_ciphers")) settings.add(c.get(s, n));
    List<String> ev = settings.stream().map(Remedies::show).toList();
    List<String> bad = new ArrayList<>();
    List<String> remedies = new ArrayList<>();
    boolean export = false;
    for (Setting st : settings) {
      String v = st.value().strip().toLowerCase(Locale.ROOT);
      if (v.equals("export") || v.equals("low") || v.equals("null")) {
        bad.add(st.name() + " = " + v);
        remedies.add(Remedies.set(st, "medium"));
        if (!v.equals("low")) export = true;
      }
    }
    if (bad.isEmpty())
      return Finding.of(
              FindingId.POSTFIX_CONFIG_TLS_CIPHERS, Status.PASS, "TLS cipher grades medium or high")
          .evidence(ev)
          .build();
    return Finding.of(
            FindingId.POSTFIX_CONFIG_TLS_CIPHERS,
            export ? Status.FAIL : Status.WARN,
            "Weak TLS cipher grade: " + String.join(", ", bad))
        .detail(
            "The low and export grades include ciphers broken for years (DES, RC4, export-strength keys).")
        .evidence(ev)
        .remedy(String.join("\n", remedies))
        .build();
  }

  static Finding certificate(TlsIdentity id, Instant now) {
    List<String> ev = new ArrayList<>();
    ev.add("certificate " + id.certFile());
    ev.add("key " + id.keyFile());
    id.notAfter().ifPresent(t -> ev.add("valid until " + t));
    if (!id.names().isEmpty()) ev.add("names " + String.join(", ", id.names()));
    Finding.Builder b;
    if (!id.problems().isEmpty()) {
      ev.addAll(id.problems());
      return Finding.of(
              FindingId.POSTFIX_CONFIG_CERTIFICATE, Status.FAIL, "TLS certificate or key unusable")
          .subject(id.scope())
          .detail(
              String.join("; ", id.problems())
                  + ": smtpd cannot offer TLS (STARTTLS fails or is not offered).")
          .evidence(ev)
          .remedy(
              "Point smtpd_tls_chain_files (or smtpd_tls_cert_file/smtpd_tls_key_file) at a readable PEM key and certificate chain.")
          .build();
    }
    List<String> fails = new ArrayList<>();
    List<String> warns = new ArrayList<>();
    if (!id.keyMatches()) fails.add("the private key does not belong to the certificate");
    if (id.notAfter().isPresent() && id.notAfter().get().isBefore(now))
      fails.add("the certificate expired on " + id.notAfter().get());
    else if (id.notAfter().isPresent()
        && id.notAfter().get().isBefore(now.plus(Duration.ofDays(14))))
      warns.add("the certificate expires within 14 days (" + id.notAfter().get() + ")");
    if (id.notBefore().isPresent() && id.notBefore().get().isAfter(now))
      fails.add("the certificate is not valid before " + id.notBefore().get());
    if (!id.myhostname().isEmpty() && !CertificateReader.nameMatches(id.names(), id.myhostname()))
      warns.add("the certificate does not name myhostname " + id.myhostname());
    if (id.keyWorldReadable()) warns.add("the key file is readable by every user");
    if (!fails.isEmpty() || !warns.isEmpty()) {
      List<String> all = new ArrayList<>(fails);
      all.addAll(warns);
      b =
          Finding.of(
                  FindingId.POSTFIX_CONFIG_CERTIFICATE,
                  fails.isEmpty() ? Status.WARN : Status.FAIL,
                  "TLS certificate: " + all.get(0))
              .detail(String.join("; ", all) + ".")
              .remedy(
                  id.keyWorldReadable() && all.size() == 1
                      ? "chmod 600 " + id.keyFile()
                      : "Install a certificate for "
                          + (id.myhostname().isEmpty() ? "myhostname" : id.myhostname())
                          + " (e.g. certbot certonly -d "
                          + (id.myhostname().isEmpty() ? "HOST" : id.myhostname())
                          + ") and point smtpd_tls_chain_files at its key and fullchain, then postfix reload.");
    } else {
      b =
          Finding.of(
              FindingId.POSTFIX_CONFIG_CERTIFICATE,
              Status.PASS,
              "TLS certificate valid for " + id.myhostname());
    }
    return b.subject(id.scope()).evidence(ev).build();
  }

  static Finding authOnly(PostfixConfig c, Service s) {
    Setting only = c.get(s, "smtpd_tls_auth_only");
    Setting level = c.get(s, "smtpd_tls_security_level");
    List<String> ev = List.of(Remedies.show(only), Remedies.show(level));
    if (only.isYes()
        || level.value().equals("encrypt")
        || c.get(s, "smtpd_tls_wrappermode").isYes())
      return Finding.of(FindingId.POSTFIX_CONFIG_TLS_AUTH_ONLY, Status.PASS, "AUTH only over TLS")
          .evidence(ev)
          .build();
    return Finding.of(
            FindingId.POSTFIX_CONFIG_TLS_AUTH_ONLY, Status.WARN, "AUTH offered before STARTTLS")
        .detail(
            "SASL is on and smtpd_tls_auth_only is no: clients may send their password in plaintext (PLAIN/LOGIN are base64 only).")
        .evidence(ev)
        .remedy(Remedies.set(only, "yes"))
        .build();
  }

  static Finding saslAnonymous(PostfixConfig c, Service s) {
    List<String> ev = new ArrayList<>();
    List<String> remedies = new ArrayList<>();
    for (String n : List.of("smtpd_sasl_security_options", "smtpd_sasl_tls_security_options")) {
      Setting st = c.get(s, n);
      ev.add(Remedies.show(st));
      if (!PostfixConfig.items(st.value()).contains("noanonymous"))
        remedies.add(Remedies.set(st, "noanonymous"));
    }
    if (remedies.isEmpty())
      return Finding.of(
              FindingId.POSTFIX_CONFIG_SASL_ANONYMOUS,
              Status.PASS,
              "Anonymous SASL refused (noanonymous)")
          .evidence(ev)
          .build();
    return Finding.of(
            FindingId.POSTFIX_CONFIG_SASL_ANONYMOUS, Status.FAIL, "Anonymous SASL logins allowed")
        .detail(
            "Without noanonymous an ANONYMOUS mechanism counts as authenticated: permit_sasl_authenticated then lets anyone relay.")
        .evidence(ev)
        .remedy(String.join("\n", remedies))
        .build();
  }

  static Finding outbound(PostfixConfig c) {
    Setting level = c.get("smtp_tls_security_level");
    String v = level.value().strip().toLowerCase(Locale.ROOT);
    if (v.isEmpty())
      v =
          c.get("smtp_enforce_tls").isYes()
              ? "encrypt"
              : c.get("smtp_use_tls").isYes() ? "may" : "none";
    List<String> ev = List.of(Remedies.show(level));
    return switch (v) {
      case "may", "dane", "dane-only", "encrypt", "verify", "secure", "fingerprint" ->
          Finding.of(FindingId.POSTFIX_CONFIG_OUTBOUND_TLS, Status.PASS, "Outbound TLS: " + v)
              .detail(
                  v.equals("may")
                      ? "Opportunistic TLS; 'dane' adds authenticated TLS where the receiver publishes TLSA records (needs a DNSSEC-validating resolver)."
                      : "")
              .evidence(ev)
              .build();
      default ->
          Finding.of(
                  FindingId.POSTFIX_CONFIG_OUTBOUND_TLS,
                  Status.WARN,
                  "Outbound mail is sent without TLS")
              .detail(
                  "smtp_tls_security_level is "
                      + (level.value().isEmpty() ? "not set (none)" : level.value())
                      + ": Postfix does not use STARTTLS when delivering; Gmail and others mark such mail as not encrypted.")
              .evidence(ev)
              .remedy(Remedies.set(level, "may"))
              .build();
    };
  }
}
