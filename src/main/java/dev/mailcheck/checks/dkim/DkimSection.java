package dev.mailcheck.checks.dkim;

import dev.mailcheck.report.Section;

/**
 * The {@code dkim} section, in its two shapes: the key audit of {@code mailcheck dkim DOMAIN} (and
 * of the domain report) and the signature results of {@code mailcheck dkim verify}.
 */
public sealed interface DkimSection extends Section permits DkimAuditSection, DkimVerifySection {
  @Override
  default String key() {
    return "dkim";
  }
}
