package dev.mailcheck.checks.smtp;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Section;
import dev.mailcheck.report.Status;
import dev.mailcheck.smtp.Failure;
import dev.mailcheck.smtp.Phase;
import dev.mailcheck.smtp.ProbeResult;
import dev.mailcheck.smtp.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ports} key: per mail port, open / refused / filtered (no answer) / unreachable /
 * error, with the address, connect time, greeting and TLS protocol when open, and a hint.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PortsSection(String host, List<Port> ports) implements Section {
  @Override
  public String key() {
    return "ports";
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Port(
      int port,
      String service,
      String state,
      String address,
      Long connectMs,
      String banner,
      String tls,
      String detail,
      String hint) {}

  public static PortsSection of(String host, List<ProbeResult> results) {
    return new PortsSection(host, results.stream().map(PortsSection::port).toList());
  }

  static String state(ProbeResult r) {
    var f = r.failure().filter(x -> x.phase() == Phase.CONNECT || x.phase() == Phase.DNS);
    if (f.isEmpty()) return "open";
    return switch (f.get().kind()) {
      case REFUSED -> "refused";
      case TIMEOUT -> "filtered";
      case UNREACHABLE -> "unreachable";
      default -> "error";
    };
  }

  private static Port port(ProbeResult r) {
    String state = state(r);
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
    return new Port(
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

  /**
   * One {@code smtp.ports} finding per port: pass open, warn refused or filtered; only info for a
   * closed submission port when the other one (465 or 587) is open, since one is enough.
   */
  public static List<Finding> findings(List<ProbeResult> results) {
    var out = new ArrayList<Finding>();
    for (ProbeResult r : results) {
      String state = state(r);
      String subject = SmtpEvaluator.subject(r);
      int other = r.port() == 465 ? 587 : r.port() == 587 ? 465 : -1;
      boolean otherOpen =
          results.stream().anyMatch(o -> o.port() == other && state(o).equals("open"));
      Status closed = otherOpen ? Status.INFO : Status.WARN;
      Finding f =
          switch (state) {
            case "open" ->
                Finding.of(
                        FindingId.SMTP_PORTS,
                        Status.PASS,
                        "Port " + r.port() + " (" + PortHints.service(r.port()) + ") is open")
                    .subject(subject)
                    .build();
            case "refused" ->
                Finding.of(
                        FindingId.SMTP_PORTS,
                        closed,
                        "Port "
                            + r.port()
                            + " ("
                            + PortHints.service(r.port())
                            + ") is closed (refused)")
                    .remedy(PortHints.refused(r.port()))
                    .subject(subject)
                    .build();
            case "filtered" ->
                Finding.of(
                        FindingId.SMTP_PORTS,
                        closed,
                        "Port "
                            + r.port()
                            + " ("
                            + PortHints.service(r.port())
                            + ") does not answer (filtered)")
                    .remedy(PortHints.filtered(r.port()))
                    .subject(subject)
                    .build();
            default ->
                Finding.of(FindingId.SMTP_PORTS, Status.ERROR, "Port " + r.port() + ": " + state)
                    .detail(r.failure().map(Failure::detail).orElse(""))
                    .subject(subject)
                    .build();
          };
      out.add(f);
    }
    return out;
  }

  @Override
  public List<String> textLines() {
    var out = new ArrayList<String>();
    out.add("PORTS " + host);
    for (Port p : ports) {
      out.add(
          String.format(
              "  %-5d %-26s %-11s %s",
              p.port(),
              p.service(),
              p.state(),
              (p.connectMs() != null && p.state().equals("open") ? p.connectMs() + " ms" : "")
                  + (p.tls() != null ? "  " + p.tls() : "")
                  + (p.banner() != null ? "  " + p.banner() : "")
                  + (!p.state().equals("open") && p.detail() != null ? "  " + p.detail() : "")));
    }
    return out;
  }
}
