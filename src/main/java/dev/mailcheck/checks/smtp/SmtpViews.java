package dev.mailcheck.checks.smtp;

import dev.mailcheck.report.view.PortsView;
import dev.mailcheck.report.view.SmtpView;
import dev.mailcheck.smtp.AddressAttempt;
import dev.mailcheck.smtp.CertificateFacts;
import dev.mailcheck.smtp.Extensions;
import dev.mailcheck.smtp.Failure;
import dev.mailcheck.smtp.Phase;
import dev.mailcheck.smtp.ProbeResult;
import dev.mailcheck.smtp.Reply;
import dev.mailcheck.smtp.TlsFacts;
import java.util.List;
import java.util.Locale;

/** Probe results as the report's {@link SmtpView} and {@link PortsView}. */
public final class SmtpViews {
  private SmtpViews() {}

  /** One probe as the {@code smtp} view. */
  public static SmtpView of(ProbeResult r) {
    return new SmtpView(
        r.host(),
        r.port(),
        r.tlsMode().name().toLowerCase(Locale.ROOT),
        r.address().orElse(null),
        r.attempts().stream().map(SmtpViews::attempt).toList(),
        r.phases().stream()
            .map(p -> new SmtpView.PhaseView(p.phase().token(), p.millis(), p.ok()))
            .toList(),
        r.totalMillis(),
        r.banner().map(SmtpViews::reply).orElse(null),
        r.ehlo().map(SmtpViews::extensions).orElse(null),
        r.ehloTls().map(SmtpViews::extensions).orElse(null),
        token(r.startTls()),
        r.tls().map(t -> tls(t, r)).orElse(null),
        r.auth()
            .map(
                a ->
                    new SmtpView.Auth(
                        a.offered(),
                        a.attempted().orElse(null),
                        token(a.result()),
                        a.reply().map(SmtpViews::reply).orElse(null),
                        a.detail()))
            .orElse(null),
        r.relay()
            .map(
                x ->
                    new SmtpView.Relay(
                        token(x.result()),
                        x.from(),
                        x.to(),
                        x.mailReply().map(SmtpViews::reply).orElse(null),
                        x.rcptReply().map(SmtpViews::reply).orElse(null)))
            .orElse(null),
        r.failure()
            .map(
                f ->
                    new SmtpView.FailureView(
                        f.phase().token(),
                        token(f.kind()),
                        f.detail(),
                        f.temporary(),
                        f.reply().map(SmtpViews::reply).orElse(null)))
            .orElse(null));
  }

  /** The scan of the mail ports as the {@code ports} view. */
  public static PortsView ports(String host, List<ProbeResult> results) {
    return new PortsView(host, results.stream().map(SmtpViews::port).toList());
  }

  private static String token(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static SmtpView.Attempt attempt(AddressAttempt a) {
    return new SmtpView.Attempt(
        a.address(), a.millis(), a.failure().map(SmtpViews::token).orElse("connected"), a.detail());
  }

  private static SmtpView.ReplyView reply(Reply r) {
    return new SmtpView.ReplyView(
        r.code(), r.enhancedCode().orElse(null), r.lines(), r.explained());
  }

  private static SmtpView.ExtensionsView extensions(Extensions e) {
    return new SmtpView.ExtensionsView(
        e.greeting(),
        e.helo(),
        e.lines(),
        e.size().isPresent() ? e.size().getAsLong() : null,
        e.authMechanisms());
  }

  private static SmtpView.Tls tls(TlsFacts t, ProbeResult r) {
    return new SmtpView.Tls(
        t.protocol(),
        t.cipherSuite(),
        t.chain().stream().map(SmtpViews::cert).toList(),
        t.trusted(),
        t.trustProblem().orElse(null),
        t.checkedName(),
        t.nameMatches(),
        t.daysToExpiry(),
        r.legacyTls()
            .map(
                l ->
                    new SmtpView.Legacy(
                        l.accepted(), l.protocol().orElse(null), l.detail(), l.conclusive()))
            .orElse(null));
  }

  private static SmtpView.Cert cert(CertificateFacts c) {
    return new SmtpView.Cert(
        c.subject(),
        c.issuer(),
        c.sans(),
        c.notBefore().toString(),
        c.notAfter().toString(),
        c.keyAlgorithm(),
        c.keyBits(),
        c.signatureAlgorithm(),
        c.sha256());
  }

  private static PortsView.Port port(ProbeResult r) {
    String state = PortsEvaluator.state(r);
    String hint =
        switch (state) {
          case "refused" -> PortHints.refused(r.port());
          case "filtered" -> PortHints.filtered(r.port());
          default -> null;
        };
    String detail =
        r.failure()
            .map(Failure::detail)
            .orElse(state.equals("open") ? "SMTP session completed" : null);
    return new PortsView.Port(
        r.port(),
        PortHints.service(r.port()),
        state,
        r.address().orElse(null),
        r.timing(Phase.CONNECT).map(p -> p.millis()).orElse(null),
        r.banner().map(Reply::firstLine).orElse(null),
        r.tls().map(t -> t.protocol()).orElse(null),
        detail,
        hint);
  }
}
