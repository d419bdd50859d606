package dev.mailcheck.report.view;

import java.util.List;
import java.util.Optional;

/**
 * {@code mailcheck postfix config}: the audited values with where each came from (JSON key {@code
 * postfixConfig}).
 *
 * @param directory the configuration directory read ("" for postconf output)
 * @param sources the files read
 * @param services master.cf's inet smtpd services (listeners)
 * @param settings every audited parameter for main.cf ({@code scope} "main.cf"), then every -o of a
 *     service that changes an audited parameter ({@code scope} the service)
 * @param certificates the certificate/key pairs smtpd serves
 */
public record PostfixConfigView(
    String directory,
    List<String> sources,
    boolean fromPostconf,
    List<ServiceRow> services,
    List<SettingRow> settings,
    List<CertificateRow> certificates)
    implements View {
  public PostfixConfigView {
    sources = List.copyOf(sources);
    services = List.copyOf(services);
    settings = List.copyOf(settings);
    certificates = List.copyOf(certificates);
  }

  /**
   * @param role {@code mx} (25), {@code submission} (587), {@code submissions} (465), or {@code
   *     smtpd}
   * @param listen the address in the service name, or inet_interfaces
   * @param overrides its {@code -o name=value} settings
   */
  public record ServiceRow(
      String service,
      String command,
      int port,
      String role,
      String listen,
      String origin,
      List<String> overrides) {
    public ServiceRow {
      overrides = List.copyOf(overrides);
    }
  }

  /**
   * @param value as written (or the default)
   * @param expanded with every {@code $name} expanded
   * @param origin {@code main.cf:12}, {@code default}, or {@code master.cf:20 (-o on
   *     submission/inet)}
   */
  public record SettingRow(
      String scope, String name, String value, String expanded, String origin) {}

  public record CertificateRow(
      String scope,
      String certificate,
      String key,
      Optional<String> notAfter,
      List<String> names,
      boolean keyMatches,
      List<String> problems) {
    public CertificateRow {
      names = List.copyOf(names);
      problems = List.copyOf(problems);
    }
  }
}
