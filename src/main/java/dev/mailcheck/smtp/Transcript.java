package dev.mailcheck.smtp;

import java.util.ArrayList;
import java.util.List;

/**
 * The conversation as shown with {@code -v}: {@code C:} lines the client sent, {@code S:} lines the
 * server sent, {@code *} notes (TLS, connects). Secrets are redacted when a line is recorded, never
 * later: callers pass the shown form of every AUTH payload. Lines and the line count are capped.
 */
final class Transcript {
  static final int MAX_LINES = 400;
  static final int MAX_LINE_CHARS = 300;

  private final List<String> lines = new ArrayList<>();
  private int dropped;

  synchronized void client(String shown) {
    add("C: " + shown);
  }

  synchronized void server(String line) {
    add("S: " + line);
  }

  synchronized void note(String note) {
    add("* " + note);
  }

  private void add(String line) {
    if (lines.size() >= MAX_LINES) {
      dropped++;
      return;
    }
    lines.add(line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + "... (" + line.length() + " chars)" : line);
  }

  synchronized List<String> lines() {
    if (dropped == 0) return List.copyOf(lines);
    var out = new ArrayList<>(lines);
    out.add("* ... " + dropped + " more lines not recorded");
    return List.copyOf(out);
  }
}
