package dev.mailcheck.checks.smtp;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.smtp.Failure;
import dev.mailcheck.smtp.Phase;
import dev.mailcheck.smtp.ProbeResult;
import java.util.ArrayList;
import java.util.List;

/** The findings of a scan of the mail ports: one {@code smtp.ports} per port. */
public final class PortsEvaluator {
  private PortsEvaluator() {}

  /** open, refused, filtered (no answer), unreachable or error. */
  public static String state(ProbeResult r) {
    var f = r.failure().filter(x -> x.phase() == Phase.CONNECT || x.phase() == Phase.DNS);
    if (f.isEmpty()) return "open";
    return switch (f.get().kind()) {
      case REFUSED -> "refused";
      case TIMEOUT -> "filtered";
      case UNREACHABLE -> "unreachable";
      default -> "error";
    };
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
      String service = PortHints.service(r.port());
      Finding f =
          switch (state) {
            case "open" ->
                Finding.of(
                        FindingId.SMTP_PORTS,
                        Status.PASS,
                        "Port " + r.port() + " (" + service + ") is open")
                    .subject(subject)
                    .build();
            case "refused" ->
                Finding.of(
                        FindingId.SMTP_PORTS,
                        closed,
                        "Port " + r.port() + " (" + service + ") is closed (refused)")
                    .remedy(PortHints.refused(r.port()))
                    .subject(subject)
                    .build();
            case "filtered" ->
                Finding.of(
                        FindingId.SMTP_PORTS,
                        closed,
                        "Port " + r.port() + " (" + service + ") does not answer (filtered)")
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
}
