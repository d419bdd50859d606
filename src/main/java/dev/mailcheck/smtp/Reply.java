package dev.mailcheck.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One complete SMTP reply (RFC 5321 §4.2): a three-digit code and its text lines, without the code
 * and separator. The text is already made printable (control characters replaced).
 */
public record Reply(int code, List<String> lines) {
  private static final Pattern ENHANCED =
      Pattern.compile("^([245])\\.(\\d{1,3})\\.(\\d{1,3})(?:\\s|$)");

  public Reply {
    if (code < 100 || code > 599)
      throw new IllegalArgumentException("reply code out of range: " + code);
    lines = List.copyOf(lines);
  }

  public static Reply of(int code, String... lines) {
    return new Reply(code, List.of(lines));
  }

  /** 2yz: the command succeeded. */
  public boolean positive() {
    return code / 100 == 2;
  }

  /** 3yz: the server waits for more (AUTH challenge, DATA). */
  public boolean intermediate() {
    return code / 100 == 3;
  }

  /** 4yz: try again later. */
  public boolean transientNegative() {
    return code / 100 == 4;
  }

  /** 5yz: do not repeat as is. */
  public boolean permanentNegative() {
    return code / 100 == 5;
  }

  /**
   * The RFC 3463 enhanced status code at the start of the first line, e.g. {@code 5.7.8}, when its
   * class matches the reply code's first digit (RFC 2034 §4).
   */
  public Optional<String> enhancedCode() {
    if (lines.isEmpty()) return Optional.empty();
    Matcher m = ENHANCED.matcher(lines.get(0));
    if (!m.find() || m.group(1).charAt(0) - '0' != code / 100) return Optional.empty();
    return Optional.of(m.group(1) + "." + m.group(2) + "." + m.group(3));
  }

  /** The text lines joined with a space. */
  public String text() {
    return String.join(" ", lines);
  }

  /** The first line as the server sent it, e.g. {@code 250 2.1.0 Ok}. */
  public String firstLine() {
    return code + (lines.isEmpty() || lines.get(0).isEmpty() ? "" : " " + lines.get(0));
  }

  /** Every line in wire form ({@code 250-a}, {@code 250 b}). */
  public List<String> wireLines() {
    if (lines.isEmpty()) return List.of(String.valueOf(code));
    var out = new ArrayList<String>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      out.add(code + (i == lines.size() - 1 ? " " : "-") + lines.get(i));
    }
    return out;
  }

  /**
   * The code and its meaning in words, e.g. {@code 535 5.7.8: authentication credentials invalid}.
   */
  public String explained() {
    return ReplyCodes.explain(this);
  }
}
