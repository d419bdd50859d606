package dev.mailcheck.report.render.text;

import dev.mailcheck.report.view.SendView;
import java.util.ArrayList;
import java.util.List;

/** {@link SendView} for people: the route, then per attempt one line per stage with its replies. */
final class SendText {
  private SendText() {}

  static List<String> lines(SendView v) {
    var out = new ArrayList<String>();
    out.add("SEND " + (v.from().isEmpty() ? "<>" : v.from()) + " -> " + String.join(", ", v.to()));
    out.add(
        "  route      "
            + v.route()
            + (v.quitAfter().equals("data") ? "" : ", quit after " + v.quitAfter()));
    int n = 0;
    for (SendView.Attempt a : v.attempts()) {
      n++;
      out.add(
          "  attempt "
              + n
              + "  "
              + a.host()
              + (a.preference() != null ? " (MX " + a.preference() + ")" : "")
              + (a.address() != null
                  ? " " + (a.address().contains(":") ? "[" + a.address() + "]" : a.address())
                  : "")
              + ":"
              + a.port()
              + (a.tls() != null ? "  " + a.tls() : "  no TLS")
              + "  "
              + a.outcome());
      for (SendView.StageRow s : a.stages()) {
        String replies = String.join("; ", s.replies());
        out.add(
            String.format(
                    "    %-13s %5d ms %s %s", s.stage(), s.millis(), s.ok() ? " " : "!", replies)
                .stripTrailing());
      }
      if (a.failure() != null) out.add("    stopped: " + a.failure());
    }
    out.add(
        "  outcome    " + v.outcome() + (v.queueId() != null ? ", queued as " + v.queueId() : ""));
    return out;
  }
}
