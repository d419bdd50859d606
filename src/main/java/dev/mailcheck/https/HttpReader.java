package dev.mailcheck.https;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an HTTP/1.1 response (RFC 9112) with caps on everything: a line, the header count, the
 * body. Throws {@link Malformed} for what is not HTTP and {@link TooLarge} past the body cap.
 */
final class HttpReader {

  static final class Malformed extends IOException {
    Malformed(String m) {
      super(m);
    }
  }

  static final class TooLarge extends IOException {
    TooLarge(String m) {
      super(m);
    }
  }

  record Head(int status, String reason, List<HttpsResult.Header> headers) {
    String header(String name) {
      return headers.stream()
          .filter(h -> h.name().equalsIgnoreCase(name))
          .map(HttpsResult.Header::value)
          .findFirst()
          .orElse(null);
    }
  }

  private final InputStream in;

  HttpReader(InputStream in) {
    this.in = in;
  }

  Head head() throws IOException {
    String status = line();
    if (status == null) throw new Malformed("the server closed the connection without a reply");
    if (!status.matches("HTTP/1\\.[01] [0-9]{3}( .*)?"))
      throw new Malformed("not an HTTP/1.x status line: " + printable(status));
    int code = Integer.parseInt(status.substring(9, 12));
    String reason = status.length() > 13 ? status.substring(13) : "";
    List<HttpsResult.Header> headers = new ArrayList<>();
    while (true) {
      String l = line();
      if (l == null) throw new Malformed("the connection closed inside the headers");
      if (l.isEmpty()) break;
      if (headers.size() >= Limits.HEADERS)
        throw new Malformed("more than " + Limits.HEADERS + " headers");
      int colon = l.indexOf(':');
      if (colon <= 0 || Character.isWhitespace(l.charAt(0)))
        throw new Malformed("not a header line: " + printable(l));
      headers.add(
          new HttpsResult.Header(l.substring(0, colon).strip(), l.substring(colon + 1).strip()));
    }
    return new Head(code, reason, headers);
  }

  /** The body after {@code head}: chunked, Content-Length, or up to the end of the connection. */
  byte[] body(Head head, int max) throws IOException {
    String te = head.header("Transfer-Encoding");
    if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) return chunked(max);
    String cl = head.header("Content-Length");
    if (cl != null) {
      long length;
      try {
        length = Long.parseLong(cl.strip());
      } catch (NumberFormatException e) {
        throw new Malformed("Content-Length is not a number: " + printable(cl));
      }
      if (length < 0) throw new Malformed("negative Content-Length");
      if (length > max)
        throw new TooLarge("Content-Length " + length + " is over the cap of " + max + " bytes");
      byte[] b = in.readNBytes((int) length);
      if (b.length < length)
        throw new Malformed("the body ended after " + b.length + " of " + length + " bytes");
      return b;
    }
    byte[] b = in.readNBytes(max + 1);
    if (b.length > max) throw new TooLarge("the body is over the cap of " + max + " bytes");
    return b;
  }

  private byte[] chunked(int max) throws IOException {
    var out = new ByteArrayOutputStream();
    while (true) {
      String size = line();
      if (size == null) throw new Malformed("the connection closed inside a chunked body");
      int semi = size.indexOf(';');
      String hex = (semi < 0 ? size : size.substring(0, semi)).strip();
      long n;
      try {
        n = Long.parseLong(hex, 16);
      } catch (NumberFormatException e) {
        throw new Malformed("bad chunk size: " + printable(size));
      }
      if (n < 0) throw new Malformed("bad chunk size: " + printable(size));
      if (n == 0) break;
      if (out.size() + n > max) throw new TooLarge("the body is over the cap of " + max + " bytes");
      byte[] chunk = in.readNBytes((int) n);
      if (chunk.length < n) throw new Malformed("the connection closed inside a chunk");
      out.writeBytes(chunk);
      String end = line();
      if (end == null || !end.isEmpty()) throw new Malformed("chunk not followed by CRLF");
    }
    for (int i = 0; ; i++) { // trailers
      String t = line();
      if (t == null || t.isEmpty()) break;
      if (i >= Limits.HEADERS) throw new Malformed("too many trailer lines");
    }
    return out.toByteArray();
  }

  /** One line without its CRLF or LF; null at the end of the stream before any byte. */
  private String line() throws IOException {
    var b = new ByteArrayOutputStream();
    while (true) {
      int c = in.read();
      if (c < 0) return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
      if (c == '\n') break;
      if (b.size() >= Limits.HEAD_LINE)
        throw new Malformed("a line longer than " + Limits.HEAD_LINE + " bytes");
      b.write(c);
    }
    String s = b.toString(StandardCharsets.ISO_8859_1);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  static String printable(String s) {
    String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    return t.replaceAll("\\p{Cntrl}", "?");
  }
}
