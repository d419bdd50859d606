package dev.mailcheck.report.render.text;

import dev.mailcheck.report.view.DmarcView;
import java.util.ArrayList;
import java.util.List;

/** {@link DmarcView} for people: the record, its effective policy, discovery and rua checks. */
final class DmarcText {
  private DmarcText() {}

  static List<String> lines(DmarcView v) {
    List<String> lines = new ArrayList<>();
    lines.add("DMARC " + v.domain());
    if (v.record().isPresent()) {
      DmarcView.RecordView r = v.record().get();
      lines.add("  " + r.location() + "  \"" + r.text() + "\"");
      if (r.usability().equals("unusable")) {
        lines.add("  not usable: receivers apply no DMARC policy from it (see dmarc.syntax)");
      } else {
        if (r.usability().equals("read-as-none"))
          lines.add("  read as p=none: its policy is not valid (see dmarc.syntax)");
        lines.add(
            "  policy p="
                + r.p()
                + "  subdomains "
                + r.effectiveSp()
                + "  non-existent "
                + r.effectiveNp()
                + "  adkim="
                + r.adkim()
                + " aspf="
                + r.aspf()
                + (r.t().equals("y") ? "  testing" : ""));
        if (!r.rua().isEmpty()) lines.add("  rua " + String.join(", ", r.rua()));
        if (!r.ruf().isEmpty()) lines.add("  ruf " + String.join(", ", r.ruf()));
      }
    } else if (v.rfc9989().outcome().equals("error")) {
      lines.add(
          "  lookup failed: "
              + v.rfc9989().failure()
              + " (temporary); a record may exist, this result is incomplete");
    } else {
      lines.add("  no record (" + v.rfc9989().outcome() + ")");
    }
    lines.add(
        "  organizational domain "
            + v.orgDomain()
            + " (RFC 9989 walk)"
            + (v.pslOrgDomain().equals(v.orgDomain())
                ? ""
                : ", " + v.pslOrgDomain() + " (RFC 7489, PSL " + v.pslVersion() + ")"));
    for (DmarcView.Authorization a : v.reportAuthorization())
      lines.add("  report destination " + a.destination() + ": " + outcomeWords(a));
    return lines;
  }

  /** The JSON outcome in words for the text report. */
  static String outcomeWords(DmarcView.Authorization a) {
    return switch (a.outcome()) {
      case "authorized" -> "authorized";
      case "not-authorized" -> "NOT authorized (no TXT \"v=DMARC1\" at " + a.query() + ")";
      case "error" -> "could not check (" + a.query() + " did not answer)";
      default -> "not checked";
    };
  }
}
