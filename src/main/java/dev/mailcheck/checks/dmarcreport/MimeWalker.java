package dev.mailcheck.checks.dmarcreport;

import dev.mailcheck.checks.Limits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the report attachments of e-mail messages (RFC 2045/2046 MIME), one message or an mbox,
 * line by line: multipart bodies nested to any depth (bounded), {@code message/rfc822} parts, and
 * single-part messages whose body is the report. Only parts that can hold a report (gzip, zip, XML,
 * octet-stream, or a file name ending in .xml, .gz, .zip) are kept, each up to a size bound, and
 * decoded (base64, quoted-printable, 7bit/8bit); the text and HTML parts are skipped as they stream
 * past.
 */
final class MimeWalker {
  private static final Pattern PARAM =
      Pattern.compile("(?i);\\s*([a-z0-9*_.-]+)\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^;\\s]*)");

  /** A report attachment: where it came from and its decoded bytes. */
  interface Sink {
    void attachment(String name, byte[] decoded);

    void skipped(String name, String reason);
  }

  private final LineReader lines;
  private final int maxBytes;
  private final Sink sink;
  private final Deque<String> boundaries = new ArrayDeque<>();
  private int found;
  private int messages;

  private MimeWalker(LineReader lines, int maxBytes, Sink sink) {
    this.lines = lines;
    this.maxBytes = maxBytes;
    this.sink = sink;
  }

  /**
   * Walks every message of {@code in}; returns how many report-like attachments were found.
   *
   * @param mbox whether {@code in} is an mbox (starts with a "From " line)
   */
  static int walk(InputStream in, boolean mbox, int maxBytes, Sink sink) throws IOException {
    LineReader lines = new LineReader(in, mbox);
    MimeWalker w = new MimeWalker(lines, maxBytes, sink);
    if (mbox) lines.next(); // the first "From " line (not preceded by an empty line)
    do {
      w.messages++;
      w.boundaries.clear();
      w.entity(0);
      while (lines.next() != null) {
        // the rest of a message (a broken multipart) up to the next "From " line
      }
    } while (mbox && lines.nextMessage());
    return w.found;
  }

  private void entity(int depth) throws IOException {
    Map<String, String> headers = headers();
    String type = headers.getOrDefault("content-type", "text/plain");
    String mediaType = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    Map<String, String> params = params(type);
    String filename = filename(headers, params);
    if (mediaType.startsWith("multipart/")
        && params.containsKey("boundary")
        && depth < Limits.REPORT_MIME_DEPTH) {
      multipart(params.get("boundary"), depth);
    } else if (mediaType.equals("message/rfc822") && depth < Limits.REPORT_MIME_DEPTH) {
      entity(depth + 1);
    } else {
      leaf(mediaType, filename, headers.getOrDefault("content-transfer-encoding", "7bit"));
    }
  }

  private void multipart(String boundary, int depth) throws IOException {
    String line;
    // preamble
    while (true) {
      line = lines.next();
      if (line == null) return;
      if (delimiter(line, boundary)) break;
      if (outerBoundary(line)) {
        lines.pushBack(line);
        return;
      }
    }
    boundaries.push(boundary);
    try {
      while (true) {
        entity(depth + 1);
        line = lines.next();
        if (line == null || close(line, boundary)) break;
        if (delimiter(line, boundary)) continue;
        lines.pushBack(line); // an outer boundary: this multipart was not closed
        return;
      }
    } finally {
      boundaries.pop();
    }
    // epilogue
    while ((line = lines.next()) != null) {
      if (outerBoundary(line)) {
        lines.pushBack(line);
        return;
      }
    }
  }

  private void leaf(String mediaType, String filename, String encoding) throws IOException {
    boolean candidate = candidate(mediaType, filename);
    ByteArrayOutputStream body = candidate ? new ByteArrayOutputStream() : null;
    boolean tooLarge = false;
    String line;
    while ((line = lines.next()) != null) {
      if (!boundaries.isEmpty() && outerBoundary(line)) {
        lines.pushBack(line);
        break;
      }
      if (body != null && !tooLarge) {
        if (body.size() + line.length() + 2 > maxBytes) {
          tooLarge = true;
          continue;
        }
        body.write(line.getBytes(StandardCharsets.ISO_8859_1));
        body.write('\r');
        body.write('\n');
      }
    }
    if (!candidate) return;
    String name = filename.isEmpty() ? "part " + (found + 1) + " (" + mediaType + ")" : filename;
    if (messages > 1) name = "message " + messages + ": " + name;
    found++;
    if (tooLarge) {
      sink.skipped(
          name, "refused: an attachment larger than " + LimitedInputStream.human(maxBytes));
      return;
    }
    sink.attachment(name, decode(body.toByteArray(), encoding));
  }

  static boolean candidate(String mediaType, String filename) {
    String f = filename.toLowerCase(Locale.ROOT);
    if (f.endsWith(".xml") || f.endsWith(".gz") || f.endsWith(".zip") || f.endsWith(".gzip"))
      return true;
    return switch (mediaType) {
      case "application/gzip",
          "application/x-gzip",
          "application/zip",
          "application/x-zip",
          "application/x-zip-compressed",
          "application/xml",
          "text/xml",
          "application/octet-stream" ->
          true;
      default -> false;
    };
  }

  static byte[] decode(byte[] body, String encoding) {
    String e = encoding.strip().toLowerCase(Locale.ROOT);
    if (e.equals("base64")) return Base64.getMimeDecoder().decode(body);
    if (e.equals("quoted-printable")) return quotedPrintable(body);
    return body;
  }

  static byte[] quotedPrintable(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    for (int i = 0; i < in.length; i++) {
      byte b = in[i];
      if (b == '=' && i + 2 < in.length && in[i + 1] == '\r' && in[i + 2] == '\n') {
        i += 2; // soft line break
      } else if (b == '=' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
        out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
        i += 2;
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  private static int hex(byte b) {
    return Character.digit(b, 16);
  }

  /** The header block up to the empty line, unfolded; names lower case, first one wins. */
  private Map<String, String> headers() throws IOException {
    Map<String, String> h = new LinkedHashMap<>();
    String name = null;
    StringBuilder value = new StringBuilder();
    String line;
    int count = 0;
    while ((line = lines.next()) != null) {
      if (line.isEmpty()) break;
      if (!boundaries.isEmpty() && outerBoundary(line)) {
        lines.pushBack(line);
        break;
      }
      if ((line.startsWith(" ") || line.startsWith("\t")) && name != null) {
        if (value.length() < Limits.REPORT_MIME_HEADER_CHARS)
          value.append(' ').append(line.strip());
        continue;
      }
      if (name != null) h.putIfAbsent(name, value.toString());
      int colon = line.indexOf(':');
      if (colon <= 0 || ++count > Limits.REPORT_MIME_HEADER_FIELDS) {
        name = null;
        continue;
      }
      name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      value.setLength(0);
      value.append(line.substring(colon + 1).strip());
    }
    if (name != null) h.putIfAbsent(name, value.toString());
    return h;
  }

  static Map<String, String> params(String header) {
    Map<String, String> p = new LinkedHashMap<>();
    Matcher m = PARAM.matcher(header);
    while (m.find()) {
      String v = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(2);
      p.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), v);
    }
    return p;
  }

  private static String filename(Map<String, String> headers, Map<String, String> typeParams) {
    Map<String, String> d = params(headers.getOrDefault("content-disposition", ""));
    for (String v :
        new String[] {
          d.get("filename"), d.get("filename*"), typeParams.get("name"), typeParams.get("name*")
        }) {
      if (v == null || v.isBlank()) continue;
      // RFC 2231: charset'language'percent-encoded
      int q = v.indexOf("''");
      if (q >= 0) v = java.net.URLDecoder.decode(v.substring(q + 2), StandardCharsets.UTF_8);
      return v.replaceAll("\\p{Cntrl}", "?");
    }
    return "";
  }

  private static boolean delimiter(String line, String boundary) {
    return line.startsWith("--" + boundary) && line.substring(2 + boundary.length()).isBlank();
  }

  private static boolean close(String line, String boundary) {
    return line.startsWith("--" + boundary + "--");
  }

  private boolean outerBoundary(String line) {
    if (!line.startsWith("--")) return false;
    for (String b : boundaries) if (line.startsWith("--" + b)) return true;
    return false;
  }
}
