package dev.mailcheck.report.render.text;

import dev.mailcheck.report.view.BimiView;
import dev.mailcheck.report.view.BlocklistView;
import dev.mailcheck.report.view.CaaView;
import dev.mailcheck.report.view.DaneView;
import dev.mailcheck.report.view.DkimAuditView;
import dev.mailcheck.report.view.DkimVerifyView;
import dev.mailcheck.report.view.DmarcReportView;
import dev.mailcheck.report.view.DmarcView;
import dev.mailcheck.report.view.DnssecView;
import dev.mailcheck.report.view.DomainSmtpView;
import dev.mailcheck.report.view.MailboxView;
import dev.mailcheck.report.view.MessageView;
import dev.mailcheck.report.view.MtaStsView;
import dev.mailcheck.report.view.MxView;
import dev.mailcheck.report.view.PortsView;
import dev.mailcheck.report.view.PostfixConfigView;
import dev.mailcheck.report.view.PostfixLogView;
import dev.mailcheck.report.view.PtrView;
import dev.mailcheck.report.view.SendView;
import dev.mailcheck.report.view.SmtpView;
import dev.mailcheck.report.view.SpfView;
import dev.mailcheck.report.view.TlsRptView;
import dev.mailcheck.report.view.View;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines a view shows people, before the findings: one exhaustive switch over the sealed {@link
 * View} set, so a new view type does not compile until it has its text. Lines carry no colour and
 * no line end; the text renderer escapes them.
 */
public final class ViewText {
  private ViewText() {}

  public static List<String> lines(View view) {
    return switch (view) {
      case MxView v -> MxText.lines(v);
      case PtrView v -> PtrText.lines(v);
      case SmtpView v -> SmtpText.lines(v);
      case DomainSmtpView v -> domainSmtp(v);
      case PortsView v -> PortsText.lines(v);
      case SpfView v -> SpfText.lines(v);
      case DkimAuditView v -> DkimText.audit(v);
      case DkimVerifyView v -> DkimText.verify(v);
      case DmarcView v -> DmarcText.lines(v);
      case DnssecView v -> DnssecText.lines(v);
      case DaneView v -> DaneText.lines(v);
      case BlocklistView v -> BlocklistText.lines(v);
      case DmarcReportView v -> DmarcReportText.lines(v);
      case MtaStsView v -> TransportText.mtaSts(v);
      case TlsRptView v -> TransportText.tlsRpt(v);
      case CaaView v -> TransportText.caa(v);
      case BimiView v -> TransportText.bimi(v);
      case PostfixLogView v -> PostfixText.log(v);
      case PostfixConfigView v -> PostfixText.config(v);
      case MessageView v -> MessageText.lines(v);
      case MailboxView v -> MessageText.mailbox(v);
      case SendView v -> SendText.lines(v);
    };
  }

  private static List<String> domainSmtp(DomainSmtpView v) {
    List<String> out = new ArrayList<>();
    if (v.skipped()) return out;
    for (SmtpView p : v.probes()) out.addAll(SmtpText.lines(p));
    if (v.port25Blocked())
      out.add("  (every MX timed out on port 25: outbound port 25 is probably blocked from here)");
    return out;
  }
}
