package dev.mailcheck.checks.spf;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.view.SpfView;
import java.util.List;
import java.util.Objects;

/** What an SPF audit or evaluation gives a command: findings and the {@code spf} section. */
public record SpfReport(List<Finding> findings, SpfView section) {
  public SpfReport {
    findings = List.copyOf(findings);
    Objects.requireNonNull(section);
  }
}
