package dev.mailcheck.checks.postfix.config;

import dev.mailcheck.checks.postfix.config.MasterCf.Service;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The audit: pure over the parsed configuration and the certificate facts. Rules that depend on a
 * service's -o overrides run per inet smtpd service; services that come out the same are reported
 * once, with every service named in the subject.
 */
final class ConfigAudit {
  private ConfigAudit() {}

  static List<Finding> evaluate(PostfixConfigFacts f, Instant now) {
    PostfixConfig c = f.config();
    List<Service> inet = c.inetSmtpd().stream().map(c::effective).toList();
    List<Service> mx =
        c.inetSmtpd().stream().filter(s -> s.port() == 25).map(c::effective).toList();
    List<Service> sasl =
        inet.stream().filter(s -> c.get(s, "smtpd_sasl_auth_enable").isYes()).toList();
    List<Service> saslNoWrap =
        sasl.stream().filter(s -> !c.get(s, "smtpd_tls_wrappermode").isYes()).toList();
    List<Finding> out = new ArrayList<>();
    out.add(OtherRules.files(f));
    out.add(OtherRules.expansion(c));
    out.addAll(grouped(inet.isEmpty() ? nullList() : inet, s -> AccessRules.relay(c, s)));
    out.add(AccessRules.mynetworks(c, f.networkTables()));
    out.addAll(AccessRules.submission(c));
    out.addAll(AccessRules.smtps(c));
    out.addAll(grouped(mx.isEmpty() ? nullList() : mx, s -> TlsRules.level(c, s)));
    out.addAll(grouped(withMain(inet), s -> TlsRules.protocols(c, s, false)));
    out.add(TlsRules.protocols(c, null, true));
    out.addAll(grouped(withMain(inet), s -> TlsRules.ciphers(c, s)));
    if (f.fromPostconf()) {
      // certificate files are on the audited machine, not here
    } else if (f.identities().isEmpty()) {
      if (inet.stream().anyMatch(s -> ConfigLoader.tlsOn(c, s)))
        out.add(
            TlsRules.certificate(
                new TlsIdentity(
                    "main.cf",
                    c.get("myhostname").value(),
                    "(none)",
                    "(none)",
                    List.of(
                        "TLS is enabled but no certificate is configured (smtpd_tls_chain_files or smtpd_tls_cert_file)"),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    false,
                    false),
                now));
    } else {
      for (TlsIdentity id : f.identities()) out.add(TlsRules.certificate(id, now));
    }
    if (saslNoWrap.isEmpty())
      out.add(
          Finding.of(
                  FindingId.POSTFIX_CONFIG_TLS_AUTH_ONLY,
                  Status.PASS,
                  "No STARTTLS service offers AUTH")
              .build());
    else out.addAll(grouped(saslNoWrap, s -> TlsRules.authOnly(c, s)));
    if (sasl.isEmpty())
      out.add(
          Finding.of(FindingId.POSTFIX_CONFIG_SASL_ANONYMOUS, Status.PASS, "SASL is off").build());
    else out.addAll(grouped(sasl, s -> TlsRules.saslAnonymous(c, s)));
    out.addAll(
        grouped(
            withMain(inet.stream().filter(s -> s.override("myhostname").isPresent()).toList()),
            s -> OtherRules.myhostname(c, s)));
    out.add(TlsRules.outbound(c));
    out.add(OtherRules.vrfy(c));
    out.add(OtherRules.heloRequired(c));
    out.add(OtherRules.messageSize(c));
    out.add(OtherRules.rateLimits(c, !sasl.isEmpty()));
    out.add(OtherRules.dnsbl(c));
    out.add(OtherRules.dkim(c));
    return out;
  }

  private static List<Service> nullList() {
    List<Service> l = new ArrayList<>();
    l.add(null);
    return l;
  }

  /** main.cf (null) and every service that overrides something. */
  private static List<Service> withMain(List<Service> services) {
    List<Service> l = nullList();
    for (Service s : services) if (!s.overrides().isEmpty()) l.add(s);
    return l;
  }

  /**
   * One finding per distinct outcome: services whose findings are equal share one, with the
   * services in the subject. main.cf's own outcome (null) has no subject.
   */
  static List<Finding> grouped(List<Service> services, Function<Service, Finding> rule) {
    Map<List<Object>, List<String>> subjects = new LinkedHashMap<>();
    Map<List<Object>, Finding> findings = new LinkedHashMap<>();
    for (Service s : services) {
      Finding f = rule.apply(s);
      List<Object> key =
          List.of(f.kind(), f.status(), f.title(), f.detail(), f.remedy(), f.evidence());
      findings.putIfAbsent(key, f);
      subjects.computeIfAbsent(key, k -> new ArrayList<>()).add(s == null ? "main.cf" : s.id());
    }
    List<Finding> out = new ArrayList<>();
    findings.forEach(
        (k, f) -> {
          List<String> subj = subjects.get(k);
          boolean onlyMain = subj.size() == 1 && Objects.equals(subj.get(0), "main.cf");
          out.add(onlyMain ? f : f.withSubject(String.join(", ", subj)));
        });
    return out;
  }
}
