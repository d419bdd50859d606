package dev.mailcheck.report.view;

import java.util.List;
import java.util.Optional;

/**
 * {@code mailcheck postfix log}: what a Postfix log says, as tables (JSON key {@code postfixLog}).
 * Counts follow pflogsumm's definitions where both compute them (docs/postfix.md): {@code
 * delivered} and {@code bounced} count recipients, {@code deferred} counts messages (and {@code
 * deferrals} the attempts), {@code received} counts messages accepted by smtpd and pickup.
 *
 * @param top the number of rows each table shows (--top)
 * @param truncated tables that reached their cap on distinct keys (the rest is counted as other)
 */
public record PostfixLogView(
    Input input,
    Totals totals,
    Delays delays,
    List<DomainRow> recipientDomains,
    List<SenderRow> senderDomains,
    List<RelayRow> relays,
    List<ReasonRow> deferralReasons,
    List<ReasonRow> bounceReasons,
    List<RejectRow> rejections,
    List<BlocklistRow> blocklists,
    List<Count> postscreen,
    List<Count> saslFailures,
    List<Count> saslFailedUsers,
    List<Count> saslLogins,
    Tls tls,
    List<ServiceRow> services,
    List<Count> otherPrograms,
    List<String> truncated,
    int top)
    implements View {
  public PostfixLogView {
    recipientDomains = List.copyOf(recipientDomains);
    senderDomains = List.copyOf(senderDomains);
    relays = List.copyOf(relays);
    deferralReasons = List.copyOf(deferralReasons);
    bounceReasons = List.copyOf(bounceReasons);
    rejections = List.copyOf(rejections);
    blocklists = List.copyOf(blocklists);
    postscreen = List.copyOf(postscreen);
    saslFailures = List.copyOf(saslFailures);
    saslFailedUsers = List.copyOf(saslFailedUsers);
    saslLogins = List.copyOf(saslLogins);
    services = List.copyOf(services);
    otherPrograms = List.copyOf(otherPrograms);
    truncated = List.copyOf(truncated);
  }

  /** The same view with every table cut to its first {@code n} rows. */
  public PostfixLogView limit(int n) {
    return new PostfixLogView(
        input,
        totals,
        delays,
        first(recipientDomains, n),
        first(senderDomains, n),
        first(relays, n),
        first(deferralReasons, n),
        first(bounceReasons, n),
        first(rejections, n),
        first(blocklists, n),
        first(postscreen, n),
        first(saslFailures, n),
        first(saslFailedUsers, n),
        first(saslLogins, n),
        tls.limit(n),
        first(services, n),
        first(otherPrograms, n),
        truncated,
        n);
  }

  static <T> List<T> first(List<T> rows, int n) {
    return rows.size() <= n ? rows : rows.subList(0, n);
  }

  /**
   * What was read. {@code unparsed}: lines in no syslog format; {@code otherPrograms}: lines of
   * other daemons; {@code outsidePeriod}: lines before --since or after --until; {@code overlong}:
   * lines longer than 16 KiB (cut); {@code binary}: lines with NUL bytes; {@code joinEvicted}:
   * messages dropped from the bounded queue-id table before their last line; {@code problems}:
   * files that could not be read to the end (a truncated .gz), each with what went wrong.
   */
  public record Input(
      List<String> files,
      List<String> problems,
      long bytes,
      long lines,
      long postfixLines,
      long otherProgramLines,
      long unparsed,
      long overlong,
      long binary,
      long outsidePeriod,
      long joinEvicted,
      Optional<String> first,
      Optional<String> last) {
    public Input {
      files = List.copyOf(files);
      problems = List.copyOf(problems);
    }
  }

  public record Totals(
      long received,
      long delivered,
      long forwarded,
      long deferred,
      long deferrals,
      long bounced,
      long expired,
      long rejected,
      long rejectWarnings,
      long held,
      long discarded,
      long bytesReceived,
      long bytesDelivered,
      long notifications,
      long warnings,
      long fatals,
      long panics) {}

  /** Delays of delivered recipients in seconds; the split is Postfix's {@code delays=a/b/c/d}. */
  public record Delays(
      long count,
      double p50,
      double p90,
      double p95,
      double p99,
      double max,
      Split beforeQueueManager,
      Split inQueueManager,
      Split connectionSetup,
      Split transmission) {}

  public record Split(double p50, double p95, double max) {}

  /** Per recipient domain: recipients delivered and bounced, deferral attempts, delays (s). */
  public record DomainRow(
      String domain,
      long delivered,
      long deferrals,
      long bounced,
      double averageDelay,
      double maxDelay) {}

  public record SenderRow(String domain, long received, long bytes) {}

  public record RelayRow(String relay, long delivered, long deferrals, long bounced) {}

  /** A normalized deferral or bounce reason with its kind and what it means. */
  public record ReasonRow(
      String kind, String label, String reason, long count, String explanation, String remedy) {}

  public record RejectRow(String kind, String label, String stage, String reason, long count) {}

  /** A DNSBL zone: smtpd/postscreen rejections naming it, and dnsblog hits. */
  public record BlocklistRow(String zone, long rejections, long listed) {}

  public record Count(String name, long count) {}

  public record ServiceRow(String service, long connections, long received, long rejected) {}

  /**
   * TLS in and out. Inbound: smtpd connections and those with TLS. Outbound: recipients delivered
   * by smtp/lmtp to a remote host, and those over a TLS connection.
   */
  public record Tls(
      long inboundConnections,
      long inboundTls,
      List<Count> inboundProtocols,
      List<Count> inboundLevels,
      long outboundDeliveries,
      long outboundTlsDeliveries,
      List<Count> outboundProtocols,
      List<Count> outboundLevels,
      long handshakeErrors) {
    public Tls {
      inboundProtocols = List.copyOf(inboundProtocols);
      inboundLevels = List.copyOf(inboundLevels);
      outboundProtocols = List.copyOf(outboundProtocols);
      outboundLevels = List.copyOf(outboundLevels);
    }

    Tls limit(int n) {
      return new Tls(
          inboundConnections,
          inboundTls,
          first(inboundProtocols, n),
          first(inboundLevels, n),
          outboundDeliveries,
          outboundTlsDeliveries,
          first(outboundProtocols, n),
          first(outboundLevels, n),
          handshakeErrors);
    }
  }
}
