package dev.mailcheck.checks.domain;

import dev.mailcheck.checks.smtp.SmtpSection;
import dev.mailcheck.report.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code smtp} key of the domain report: one probe per MX address (each an {@code smtpSection}
 * as {@code mailcheck smtp} gives it), and whether outbound port 25 looked blocked.
 *
 * @param skipped true with {@code --no-smtp} or a null MX
 * @param port25Blocked every probe timed out connecting: probably blocked where mailcheck runs
 */
public record DomainSmtpSection(List<SmtpSection> probes, boolean skipped, boolean port25Blocked)
    implements Section {
  public DomainSmtpSection {
    probes = List.copyOf(probes);
  }

  @Override
  public String key() {
    return "smtp";
  }

  @Override
  public List<String> textLines() {
    List<String> out = new ArrayList<>();
    if (skipped) return out;
    for (SmtpSection p : probes) out.addAll(p.textLines());
    if (port25Blocked)
      out.add("  (every MX timed out on port 25: outbound port 25 is probably blocked from here)");
    return out;
  }
}
