package dev.mailcheck.checks;

import dev.mailcheck.checks.dkim.DkimCheck;
import dev.mailcheck.checks.dkim.DkimVerifyCheck;
import dev.mailcheck.checks.dmarc.DmarcCheck;
import dev.mailcheck.checks.message.MessageCheck;
import dev.mailcheck.checks.mx.MxCheck;
import dev.mailcheck.checks.ptr.PtrCheck;
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
  public static final MessageCheck MESSAGE = new MessageCheck();

  private Checks() {}

  /** Every registered check. */
  public static List<Check<?, ?>> all() {
    return List.of(MX, PTR, SMTP, PORTS, SPF, DKIM, DKIM_VERIFY, DMARC, MESSAGE);
  }
}
