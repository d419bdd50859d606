package dev.mailcheck.checks.message;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.dkim.BodySink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One pass over the body, beside the DKIM and ARC body hashes: line statistics (RFC 5322 §2.1.1
 * 998-octet limit, NUL and 8-bit octets) and, for a bounce, the parts of a {@code multipart/report}
 * (RFC 6522) that matter: the {@code message/delivery-status} (RFC 3464), the human-readable text
 * and the returned headers. Every capture is capped, so memory stays small whatever the body size.
 * Nested multiparts are followed up to {@value Limits#BODY_MULTIPART_NESTING} levels, so that a
 * report wrapped in a {@code multipart/mixed} (as some gateways and forwarders send bounces) is
 * still found.
 */
final class BodyScan implements BodySink {
  static final int CAPTURE = 64 * 1024;
  static final int LINE_KEEP = 1024;

  /** A multipart inside a part of the top-level one. */
  private record Level(String boundary, boolean report) {}

  private final ArrayDeque<Level> nested = new ArrayDeque<>();

  /**
   * @param mimeProblem a broken MIME structure (multipart without boundary, boundary never met,
   *     closing boundary missing)
   * @param dsn the delivery status notification, when the body is one
   * @param returnedHeaders the header section of the returned message in a bounce (capped)
   */
  record Result(
      long bytes,
      long lines,
      long longLines,
      int longestLine,
      long nulOctets,
      long eightBitOctets,
      Optional<String> mimeProblem,
      Optional<Dsn> dsn,
      String humanText,
      String returnedHeaders) {}

  private final String boundary;
  private final boolean multipart;
  private final boolean report;
  private final boolean plainBounce;

  private long bytes;
  private long lines;
  private long longLines;
  private int longestLine;
  private long nul;
  private long eightBit;
  private int lineLen;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  private boolean sawBoundary;
  private boolean closed;
  private boolean inPartHeaders;
  private final StringBuilder partHeaders = new StringBuilder();
  private String partType = "";
  private String partEncoding = "";
  private StringBuilder target;
  private boolean returnedHeaderOnly;
  private boolean returnedHeaderDone;
  private final StringBuilder deliveryStatus = new StringBuilder();
  private String deliveryStatusEncoding = "";
  private final StringBuilder human = new StringBuilder();
  private final StringBuilder returned = new StringBuilder();
  private final StringBuilder plain = new StringBuilder();

  private static final Pattern BOUNDARY =
      Pattern.compile(
          "boundary\\s*=\\s*(?:\"([^\"]{1,200})\"|([^\\s;\"]{1,200}))", Pattern.CASE_INSENSITIVE);

  /**
   * @param contentType the top-level Content-Type value ("" when absent)
   * @param plainBounce the message looks like a text bounce (from MAILER-DAEMON, a failure
   *     subject): its text is kept for {@link Dsn#parsePlain}
   */
  BodyScan(String contentType, boolean plainBounce) {
    String ct = contentType.replace("\r\n", " ").strip();
    String type = ct.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    this.multipart = type.startsWith("multipart/");
    this.report = type.equals("multipart/report");
    Matcher m = BOUNDARY.matcher(ct);
    this.boundary = multipart && m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    this.plainBounce = plainBounce && !report;
  }

  @Override
  public void update(byte[] b, int off, int len) {
    bytes += len;
    for (int i = off; i < off + len; i++) {
      byte c = b[i];
      if (c == 0) nul++;
      if (c < 0) eightBit++;
      if (c == '\n') {
        endLine();
        continue;
      }
      lineLen++;
      if (line.size() < LINE_KEEP) line.write(c);
    }
  }

  private void endLine() {
    lines++;
    int len = lineLen;
    String text = line.toString(StandardCharsets.ISO_8859_1);
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
      len--;
    }
    if (len > Limits.BODY_LINE) longLines++;
    longestLine = Math.max(longestLine, len);
    lineLen = 0;
    line.reset();
    onLine(text);
  }

  private void onLine(String text) {
    if (plainBounce) append(plain, text);
    if (boundary == null || closed) return;
    if (text.startsWith("--") && nestedBoundary(text)) return;
    if (text.startsWith("--" + boundary)) {
      String tail = text.substring(2 + boundary.length()).strip();
      if (tail.equals("--")) {
        closed = true;
        sawBoundary = true;
        target = null;
        nested.clear();
        return;
      }
      if (tail.isEmpty()) {
        nested.clear();
        sawBoundary = true;
        inPartHeaders = true;
        partHeaders.setLength(0);
        target = null;
        return;
      }
    }
    if (!sawBoundary) return; // the preamble
    if (inPartHeaders) {
      if (text.isEmpty()) {
        inPartHeaders = false;
        startPart();
      } else if (partHeaders.length() < 8192) partHeaders.append(text).append('\n');
      return;
    }
    if (target == null) return;
    if (returnedHeaderOnly) {
      if (returnedHeaderDone) return;
      if (text.isEmpty()) {
        returnedHeaderDone = true;
        return;
      }
    }
    append(target, text);
  }

  /**
   * A delimiter line of a nested multipart: a new part of it, or its end (which also ends every
   * level inside it). False when the line belongs to no nested level.
   */
  private boolean nestedBoundary(String text) {
    int depth = 0;
    for (Level l : nested) { // innermost first
      depth++;
      if (!text.startsWith("--" + l.boundary())) continue;
      String tail = text.substring(2 + l.boundary().length()).strip();
      if (!tail.isEmpty() && !tail.equals("--")) continue;
      for (int i = 1; i < depth; i++) nested.pop();
      target = null;
      if (tail.equals("--")) {
        nested.pop();
      } else {
        inPartHeaders = true;
        partHeaders.setLength(0);
      }
      return true;
    }
    return false;
  }

  private void startPart() {
    String h = partHeaders.toString().replaceAll("\n[ \t]+", " ");
    String contentType = header(h, "content-type");
    partType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    partEncoding = header(h, "content-transfer-encoding").strip().toLowerCase(Locale.ROOT);
    returnedHeaderOnly = false;
    returnedHeaderDone = false;
    target = null;
    if (partType.startsWith("multipart/")) {
      Matcher m = BOUNDARY.matcher(contentType);
      if (m.find() && nested.size() < Limits.BODY_MULTIPART_NESTING)
        nested.push(
            new Level(
                m.group(1) != null ? m.group(1) : m.group(2), partType.equals("multipart/report")));
      return;
    }
    if (!(nested.isEmpty() ? report : nested.peek().report())) return;
    switch (partType) {
      case "message/delivery-status", "message/global-delivery-status" -> {
        if (deliveryStatus.isEmpty()) {
          target = deliveryStatus;
          deliveryStatusEncoding = partEncoding;
        }
      }
      case "text/plain", "" -> {
        if (human.isEmpty()) target = human;
      }
      case "message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers" -> {
        if (returned.isEmpty()) {
          target = returned;
          returnedHeaderOnly = true;
        }
      }
      default -> {}
    }
  }

  private static String header(String headers, String name) {
    for (String l : headers.split("\n")) {
      int colon = l.indexOf(':');
      if (colon > 0 && l.substring(0, colon).strip().equalsIgnoreCase(name))
        return l.substring(colon + 1);
    }
    return "";
  }

  private static void append(StringBuilder b, String text) {
    if (b.length() + text.length() + 2 <= CAPTURE) b.append(text).append("\r\n");
  }

  Result finish() {
    if (lineLen > 0 || line.size() > 0) endLine();
    Optional<String> problem = Optional.empty();
    if (multipart && boundary == null)
      problem = Optional.of("Content-Type is multipart but has no boundary parameter");
    else if (multipart && !sawBoundary)
      problem = Optional.of("the multipart boundary never occurs in the body");
    else if (multipart && !closed)
      problem =
          Optional.of(
              "the closing boundary (--"
                  + boundary
                  + "--) is missing: the message is truncated or broken");
    Optional<Dsn> dsn = Optional.empty();
    if (!deliveryStatus.isEmpty()) {
      String text = deliveryStatus.toString();
      if (deliveryStatusEncoding.equals("base64"))
        try {
          text = new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          problem = Optional.of("the delivery-status part is not valid base64");
        }
      dsn = Optional.of(Dsn.parse(text));
    } else if (plainBounce) {
      dsn = Dsn.parsePlain(plain.toString());
    }
    return new Result(
        bytes,
        lines,
        longLines,
        longestLine,
        nul,
        eightBit,
        problem,
        dsn,
        human.length() > 2000 ? human.substring(0, 2000) : human.toString(),
        returned.toString());
  }
}
