package dev.mailcheck.checks.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.internal.Switches;
import dev.mailcheck.report.Finding;
import dev.mailcheck.smtp.Failure;
import dev.mailcheck.smtp.Phase;
import dev.mailcheck.smtp.ProbeResult;
import dev.mailcheck.smtp.Reply;
import dev.mailcheck.smtp.StartTls;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 #15 for the SMTP remedies: every remedy the probe findings and the port scan render,
 * over sessions broken in many ways, names the real host and port, never a placeholder such as
 * {@code HOST:25} or "your mail server".
 */
class SmtpRemedyPlaceholderTest {
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "<[a-z][a-z -]*>|\\bHOST(:|\\b)|\\bPORT\\b|\\bDOMAIN\\b|(?i)your[- ](domain|mail server)|mail server name");

  static List<ProbeResult> sessions() {
    var ok = SmtpEvaluatorTest.R.ok(25);
    var sub = SmtpEvaluatorTest.R.ok(587);
    return List.of(
        ok.result(),
        new SmtpEvaluatorTest.R(
                587,
                sub.mode(),
                SmtpEvaluatorTest.ext("PIPELINING", "AUTH PLAIN LOGIN"),
                null,
                StartTls.NOT_OFFERED,
                null,
                null,
                null,
                null,
                null,
                SmtpEvaluatorTest.BANNER)
            .result(),
        new SmtpEvaluatorTest.R(
                587,
                sub.mode(),
                sub.before(),
                sub.after(),
                StartTls.OK,
                SmtpEvaluatorTest.tls("TLSv1", false, false, -3),
                null,
                null,
                null,
                null,
                SmtpEvaluatorTest.BANNER)
            .result(),
        new SmtpEvaluatorTest.R(
                25,
                ok.mode(),
                null,
                null,
                StartTls.NOT_ATTEMPTED,
                null,
                null,
                null,
                null,
                new Failure(Phase.CONNECT, Failure.Kind.REFUSED, "connection refused"),
                null)
            .result(),
        new SmtpEvaluatorTest.R(
                25,
                ok.mode(),
                null,
                null,
                StartTls.NOT_ATTEMPTED,
                null,
                null,
                null,
                null,
                new Failure(Phase.CONNECT, Failure.Kind.TIMEOUT, "no answer within 5s"),
                null)
            .result(),
        new SmtpEvaluatorTest.R(
                25,
                ok.mode(),
                null,
                null,
                StartTls.NOT_ATTEMPTED,
                null,
                null,
                null,
                null,
                new Failure(Phase.BANNER, Failure.Kind.TIMEOUT, "no greeting within 5s"),
                null)
            .result(),
        new SmtpEvaluatorTest.R(
                25,
                ok.mode(),
                null,
                null,
                StartTls.NOT_ATTEMPTED,
                null,
                null,
                null,
                null,
                new Failure(Phase.BANNER, Failure.Kind.REJECTED, "554 no service"),
                Reply.of(554, "5.7.1 no service"))
            .result());
  }

  @Test
  void noSmtpRemedyHasAPlaceholder() {
    List<String> remedies = new ArrayList<>();
    List<ProbeResult> all = sessions();
    for (ProbeResult r : all)
      for (Finding f : SmtpEvaluator.evaluate(r, Switches.WORDS))
        f.remedy().ifPresent(x -> remedies.add(f.id() + ": " + x));
    for (Finding f : PortsEvaluator.findings(all.subList(3, 5)))
      f.remedy().ifPresent(x -> remedies.add(f.id() + ": " + x));
    assertThat(remedies).as("remedies rendered").hasSizeGreaterThan(6);
    assertThat(remedies)
        .as("SMTP remedies with a placeholder where the real host or port is known")
        .noneMatch(r -> PLACEHOLDER.matcher(r).find());
  }
}
