package dev.mailcheck.report.render.text;

import dev.mailcheck.report.view.BimiView;
import dev.mailcheck.report.view.CaaView;
import dev.mailcheck.report.view.FetchView;
import dev.mailcheck.report.view.MtaStsView;
import dev.mailcheck.report.view.TlsRptView;
import java.util.ArrayList;
import java.util.List;

/** The transport-security views for people: MTA-STS, TLS-RPT, CAA, BIMI. */
final class TransportText {
  private TransportText() {}

  static List<String> mtaSts(MtaStsView v) {
    List<String> out = new ArrayList<>();
    out.add("MTA-STS");
    out.add(
        "  _mta-sts."
            + v.domain()
            + "  "
            + (v.records().isEmpty()
                ? "(" + v.recordOutcome() + ", no v=STSv1 record)"
                : String.join("  |  ", v.records())));
    out.add("  policy: " + fetch(v.fetch()));
    v.policy()
        .ifPresent(
            p -> {
              out.add(
                  "    version "
                      + show(p.version())
                      + ", mode "
                      + show(p.mode())
                      + ", max_age "
                      + (p.maxAge() < 0 ? "(none)" : p.maxAge() + " s")
                      + ", "
                      + p.lineEnding()
                      + " line ends");
              for (String mx : p.mx()) out.add("    mx: " + mx);
              for (String u : p.unknownFields()) out.add("    unknown field: " + u);
              for (String pr : p.problems()) out.add("    problem: " + pr);
            });
    for (MtaStsView.Mx m : v.mx())
      out.add(
          "  MX "
              + m.host()
              + "  "
              + (m.pattern().isEmpty() ? "NOT covered" : "covered by " + m.pattern())
              + ", certificate "
              + m.certificate()
              + (m.detail().isEmpty() ? "" : " (" + m.detail() + ")"));
    return out;
  }

  static List<String> tlsRpt(TlsRptView v) {
    List<String> out = new ArrayList<>();
    out.add("TLS-RPT");
    out.add(
        "  _smtp._tls."
            + v.domain()
            + "  "
            + (v.records().isEmpty()
                ? "(" + v.outcome() + ", no v=TLSRPTv1 record)"
                : String.join("  |  ", v.records())));
    for (String r : v.rua()) out.add("    rua: " + r);
    for (String p : v.problems()) out.add("    problem: " + p);
    return out;
  }

  static List<String> caa(CaaView v) {
    if (v.hosts().isEmpty()) return List.of();
    List<String> out = new ArrayList<>();
    out.add("CAA");
    for (CaaView.Entry e : v.hosts()) {
      String head = "  " + e.host();
      if (e.records().isEmpty()) out.add(head + "  (" + e.outcome() + ")");
      else
        for (String r : e.records())
          out.add(
              head + (e.foundAt().equals(e.host()) ? "" : " (at " + e.foundAt() + ")") + "  " + r);
    }
    return out;
  }

  static List<String> bimi(BimiView v) {
    List<String> out = new ArrayList<>();
    out.add("BIMI");
    out.add(
        "  "
            + v.selector()
            + "._bimi."
            + (v.recordAt().isEmpty() ? v.domain() : v.recordAt())
            + "  "
            + (v.record().isEmpty() ? "(" + v.outcome() + ")" : v.record()));
    v.logoFetch().ifPresent(f -> out.add("  logo: " + fetch(f)));
    v.logo()
        .ifPresent(
            l -> {
              out.add(
                  "    "
                      + l.bytes()
                      + " bytes, baseProfile "
                      + show(l.baseProfile())
                      + ", viewBox "
                      + show(l.viewBox())
                      + ", title "
                      + show(l.title())
                      + ", sha256 "
                      + l.sha256());
              for (String p : l.problems()) out.add("    problem: " + p);
            });
    v.evidenceFetch().ifPresent(f -> out.add("  evidence: " + fetch(f)));
    v.evidence()
        .ifPresent(
            e -> {
              out.add(
                  "    "
                      + (e.markType().isEmpty() ? "certificate" : e.markType())
                      + " "
                      + e.subject());
              out.add(
                  "    issuer " + e.issuer() + ", valid " + e.notBefore() + " to " + e.notAfter());
              out.add("    names: " + String.join(", ", e.names()));
              if (!e.logotypeHash().isEmpty())
                out.add(
                    "    logotype "
                        + e.logotypeHashAlgorithm()
                        + " "
                        + e.logotypeHash()
                        + (e.matchesLogo() ? " (matches the logo)" : " (does NOT match the logo)"));
            });
    return out;
  }

  private static String fetch(FetchView f) {
    if (!f.outcome().equals("response")) return f.url() + "  " + f.outcome() + ": " + f.detail();
    return f.url()
        + "  "
        + f.status()
        + (f.contentType().isEmpty() ? "" : " " + f.contentType())
        + ", "
        + f.bytes()
        + " bytes from "
        + f.address()
        + " in "
        + f.ms()
        + " ms"
        + (f.location().isEmpty() ? "" : ", Location: " + f.location() + " (not followed)");
  }

  private static String show(String s) {
    return s.isEmpty() ? "(none)" : s;
  }
}
