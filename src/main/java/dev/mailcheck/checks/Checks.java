package dev.mailcheck.checks;

import dev.mailcheck.checks.bimi.BimiCheck;
import dev.mailcheck.checks.blocklist.BlocklistCheck;
import dev.mailcheck.checks.caa.CaaCheck;
import dev.mailcheck.checks.dane.DaneCheck;
import dev.mailcheck.checks.dkim.DkimCheck;
import dev.mailcheck.checks.dkim.DkimVerifyCheck;
import dev.mailcheck.checks.dmarc.DmarcCheck;
import dev.mailcheck.checks.dmarcreport.DmarcReportCheck;
import dev.mailcheck.checks.dnssec.DnssecCheck;
import dev.mailcheck.checks.message.MessageCheck;
import dev.mailcheck.checks.mtasts.MtaStsCheck;
import dev.mailcheck.checks.mtasts.TlsRptCheck;
import dev.mailcheck.checks.mx.MxCheck;
import dev.mailcheck.checks.postfix.config.PostfixConfigCheck;
import dev.mailcheck.checks.postfix.log.PostfixLogCheck;
import dev.mailcheck.checks.ptr.PtrCheck;
import dev.mailcheck.checks.send.SendCheck;
import dev.mailcheck.checks.smtp.PortsCheck;
import dev.mailcheck.checks.smtp.SmtpCheck;
import dev.mailcheck.checks.spf.SpfCheck;
import java.util.List;

/**
 * The registry: every check, registered once. Commands and the domain report reach checks only
 * through here, so adding a check is a new package plus one line here (docs/architecture.md).
 * Checks are stateless, so these instances serve every run.
 */
public final class Checks {
  public static final MxCheck MX = new MxCheck();
  public static final PtrCheck PTR = new PtrCheck();
  public static final SmtpCheck SMTP = new SmtpCheck();
  public static final PortsCheck PORTS = new PortsCheck();
  public static final SpfCheck SPF = new SpfCheck();
  public static final DkimCheck DKIM = new DkimCheck();
  public static final DkimVerifyCheck DKIM_VERIFY = new DkimVerifyCheck();
  public static final DmarcCheck DMARC = new DmarcCheck();
  public static final DnssecCheck DNSSEC = new DnssecCheck();
  public static final DaneCheck DANE = new DaneCheck();
  public static final BlocklistCheck BLOCKLIST = new BlocklistCheck();
  public static final DmarcReportCheck DMARC_REPORT = new DmarcReportCheck();
  public static final MtaStsCheck MTA_STS = new MtaStsCheck();
  public static final TlsRptCheck TLS_RPT = new TlsRptCheck();
  public static final CaaCheck CAA = new CaaCheck();
  public static final BimiCheck BIMI = new BimiCheck();
  public static final PostfixLogCheck POSTFIX_LOG = new PostfixLogCheck();
  public static final PostfixConfigCheck POSTFIX_CONFIG = new PostfixConfigCheck();
  public static final MessageCheck MESSAGE = new MessageCheck();
  public static final SendCheck SEND = new SendCheck();

  private Checks() {}

  /** Every registered check. */
  public static List<Check<?, ?>> all() {
    return List.of(
        MX,
        PTR,
        SMTP,
        PORTS,
        SPF,
        DKIM,
        DKIM_VERIFY,
        DMARC,
        DNSSEC,
        DANE,
        BLOCKLIST,
        DMARC_REPORT,
        MTA_STS,
        TLS_RPT,
        CAA,
        BIMI,
        POSTFIX_LOG,
        POSTFIX_CONFIG,
        MESSAGE,
        SEND);
  }
}
