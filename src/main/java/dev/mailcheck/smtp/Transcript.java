package dev.mailcheck.smtp;

import java.util.ArrayList;
import java.util.List;

/**
 * The conversation as shown with {@code -v}: {@code C:} lines the client sent, {@code S:} lines the
 * server sent, {@code *} notes (TLS, connects). Secrets are redacted when a line is recorded, never
 * later: callers pass the shown form of every AUTH payload. Lines and the line count are capped.
 */
final class Transcript {

  private final List<String> lines = new ArrayList<>();
  private final List<String> secrets = new ArrayList<>();
  private int dropped;

  /**
   * Remembers a form of a secret (the password, its base64, an AUTH payload) so that a server that
   * echoes it back in a reply never gets it into the transcript, a finding or JSON.
   */
  synchronized void secret(String form) {
    if (form.length() >= 3 && !secrets.contains(form)) secrets.add(form);
  }

  /** {@code line} with every remembered secret form replaced by {@code <redacted>}. */
  synchronized String redact(String line) {
    String out = line;
    for (String s : secrets) out = out.replace(s, "<redacted>");
    return out;
  }

  synchronized void client(String shown) {
    add("C: " + shown);
  }

  synchronized void server(String line) {
    add("S: " + redact(line));
  }

  synchronized void note(String note) {
    add("* " + note);
  }

  private void add(String line) {
    if (lines.size() >= Limits.TRANSCRIPT_LINES) {
      dropped++;
      return;
    }
    lines.add(
        line.length() > Limits.TRANSCRIPT_LINE_CHARS
            ? line.substring(0, Limits.TRANSCRIPT_LINE_CHARS) + "... (" + line.length() + " chars)"
            : line);
  }

  synchronized List<String> lines() {
    if (dropped == 0) return List.copyOf(lines);
    var out = new ArrayList<>(lines);
    out.add("* ... " + dropped + " more lines not recorded");
    return List.copyOf(out);
  }
}
