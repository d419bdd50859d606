package dev.mailcheck.report.view;

import java.util.List;

/**
 * The {@code smtp} key of the domain report: one probe per MX address (each an {@link SmtpView} as
 * {@code mailcheck smtp} gives it), and whether outbound port 25 looked blocked.
 *
 * @param skipped true with {@code --no-smtp} or a null MX
 * @param port25Blocked every probe timed out connecting: probably blocked where mailcheck runs
 */
public record DomainSmtpView(List<SmtpView> probes, boolean skipped, boolean port25Blocked)
    implements View {
  public DomainSmtpView {
    probes = List.copyOf(probes);
  }
}
