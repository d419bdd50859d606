package dev.mailcheck.report.render.text;

import dev.mailcheck.report.view.DkimAuditView;
import dev.mailcheck.report.view.DkimVerifyView;
import java.util.ArrayList;
import java.util.List;

/** The two DKIM views for people: the key audit and the signatures of a verified message. */
final class DkimText {
  private DkimText() {}

  static List<String> audit(DkimAuditView a) {
    List<String> lines = new ArrayList<>();
    String domain = a.domain();
    lines.add("_domainkey." + domain + ": " + a.domainKeyTree());
    if (!a.providers().isEmpty()) lines.add("providers: " + String.join(", ", a.providers()));
    for (DkimAuditView.SelectorView v : a.selectors()) {
      if (!v.found()
          && !v.source().equals(DkimAuditView.EXPLICIT)
          && v.dns().matches("NXDOMAIN|NODATA")) continue;
      String via =
          v.cnameChain().isEmpty()
              ? ""
              : " (via CNAME " + String.join(" -> ", v.cnameChain()) + ")";
      if (v.found()) {
        String desc =
            Boolean.TRUE.equals(v.revoked())
                ? "revoked"
                : v.keyType() + (v.keyBits() == null ? "" : " " + v.keyBits() + " bits");
        lines.add(
            v.selector()
                + "._domainkey."
                + domain
                + ": "
                + desc
                + (Boolean.TRUE.equals(v.testing()) ? ", testing" : "")
                + (v.unusable() == null || Boolean.TRUE.equals(v.revoked())
                    ? ""
                    : ", unusable: " + v.unusable())
                + via);
      } else if (v.dns().matches("NOERROR|NXDOMAIN|NODATA")) {
        lines.add(v.selector() + "._domainkey." + domain + ": no key (" + v.dns() + ")" + via);
      } else {
        // A temporary failure is not absence (issue 11 item 13).
        lines.add(
            v.selector()
                + "._domainkey."
                + domain
                + ": could not look up ("
                + v.dns()
                + "); the key may exist"
                + via);
      }
    }
    long tried = a.selectors().size();
    long found = a.selectors().stream().filter(DkimAuditView.SelectorView::found).count();
    long usable = a.selectors().stream().filter(v -> v.found() && v.unusable() == null).count();
    lines.add(
        found
            + " key(s) found"
            + (usable == found ? "" : " (" + usable + " usable)")
            + ", "
            + tried
            + " selector(s) tried");
    return lines;
  }

  static List<String> verify(DkimVerifyView d) {
    List<String> lines = new ArrayList<>();
    if (d.signatures().isEmpty()) lines.add("no DKIM-Signature header field");
    int i = 1;
    for (DkimVerifyView.SignatureView v : d.signatures()) {
      lines.add(
          "#"
              + i++
              + " d="
              + v.domain()
              + " s="
              + v.selector()
              + " a="
              + v.algorithm()
              + " c="
              + v.canonicalization()
              + ": "
              + v.result()
              + " ("
              + v.reason()
              + ")");
    }
    if (d.lineEndingsConverted()) lines.add("input had LF line endings; read as CRLF");
    return lines;
  }
}
