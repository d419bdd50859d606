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
    // A host that accepts no mail on any port must fail a gate (issue 11 #4), not only warn per
    // port.
    boolean anyOpen = results.stream().anyMatch(r -> state(r).equals("open"));
    boolean anyClosed =
        results.stream().anyMatch(r -> state(r).equals("refused") || state(r).equals("filtered"));
    if (!results.isEmpty() && !anyOpen && anyClosed) {
      out.add(
          Finding.of(FindingId.SMTP_PORTS, Status.FAIL, "No mail port accepts connections")
              .subject(results.get(0).host())
              .detail(
                  "None of the ports "
                      + results.stream().map(r -> String.valueOf(r.port())).toList()
                      + " is open: this host receives no mail and takes no submissions from here.")
              .remedy(
                  "Start the mail service (or open the firewall) on 25 for MX duty and on 587 or 465 for submission.")
              .build());
    }
    return out;
  }
}
