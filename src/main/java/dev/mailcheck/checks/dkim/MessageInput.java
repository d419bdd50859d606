package dev.mailcheck.checks.dkim;

import dev.mailcheck.checks.Limits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A message read once, front to back, for verification: the header section goes into memory (at
 * most {@link Limits#MESSAGE_HEADER_BYTES}), the body stays in the stream until the verifier pipes
 * it through the body hashes ({@link #streamBody}). Memory therefore does not grow with the body: a
 * 49 MB message verifies in a 64 MB heap. Line ends are read as CRLF on the way ({@link
 * CrlfInputStream}).
 *
 * <p>Use {@link DkimMessage#parse} instead when the whole message is wanted in memory (tests, small
 * inputs).
 */
public final class MessageInput {
  /** The header section has no end within {@link Limits#MESSAGE_HEADER_BYTES}. */
  public static final class HeaderTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    HeaderTooLargeException() {
      super("the header section is larger than " + (Limits.MESSAGE_HEADER_BYTES >> 20) + " MB");
    }
  }

  /** Where the body is read from: the rest of a stream, or a range of an array in memory. */
  private final CrlfInputStream in;

  private final byte[] octets;
  private final int bodyStart;
  private final List<DkimMessage.HeaderField> headers;
  private final boolean headerEnded;
  private boolean bodyStreamed;

  private MessageInput(
      CrlfInputStream in, List<DkimMessage.HeaderField> headers, boolean headerEnded) {
    this.in = in;
    this.octets = null;
    this.bodyStart = 0;
    this.headers = List.copyOf(headers);
    this.headerEnded = headerEnded;
  }

  private MessageInput(
      byte[] octets, int bodyStart, List<DkimMessage.HeaderField> headers, boolean headerEnded) {
    this.in = null;
    this.octets = octets;
    this.bodyStart = bodyStart;
    this.headers = List.copyOf(headers);
    this.headerEnded = headerEnded;
  }

  /** Whether an empty line ended the header section (else the input ended inside it). */
  public boolean headerEnded() {
    return headerEnded;
  }

  /**
   * Reads the header section: up to the empty line that ends it, or the end of the input. A leading
   * mbox "From " separator line is skipped. The stream is left at the first octet of the body.
   */
  public static MessageInput read(InputStream raw) throws IOException {
    CrlfInputStream in = new CrlfInputStream(raw);
    byte[] head = new byte[4096];
    int size = 0;
    int lineStart = 0;
    int end = -1; // length of the header section once the empty line is met
    boolean firstLine = true;
    for (int c = in.read(); c >= 0; c = in.read()) {
      if (size >= Limits.MESSAGE_HEADER_BYTES) throw new HeaderTooLargeException();
      if (size == head.length)
        head = Arrays.copyOf(head, Math.min(2 * size, Limits.MESSAGE_HEADER_BYTES));
      head[size++] = (byte) c;
      if (c != '\n') continue;
      if (size - lineStart == 2) {
        end = lineStart;
        break;
      }
      if (firstLine && isMboxFrom(head, 0, size)) size = 0;
      firstLine = false;
      lineStart = size;
    }
    String text = new String(head, 0, end < 0 ? size : end, StandardCharsets.ISO_8859_1);
    return new MessageInput(in, DkimMessage.parseHeaderSection(text), end >= 0);
  }

  /**
   * Reads a message already in memory, as {@link #read(InputStream)} reads it. When every line end
   * is already CRLF (nothing to convert, the usual case), the header section and the body are read
   * in place: no stream buffers, no copies, and the body goes to the hashes as it is.
   */
  public static MessageInput read(byte[] octets) throws IOException {
    if (!crlfOnly(octets)) return read(new ByteArrayInputStream(octets));
    int n = octets.length;
    int start = 0;
    int firstEnd = OctetScan.crOrLf(octets, 0, n); // a CR, followed by its LF
    if (firstEnd < n && firstEnd > 0 && isMboxFrom(octets, 0, firstEnd)) {
      if (firstEnd + 2 > Limits.MESSAGE_HEADER_BYTES) throw new HeaderTooLargeException();
      start = firstEnd + 2;
    }
    for (int pos = start; pos < n; ) {
      int cr = OctetScan.crOrLf(octets, pos, n);
      if (cr == n) break;
      if (cr + 2 - start > Limits.MESSAGE_HEADER_BYTES) throw new HeaderTooLargeException();
      if (cr == pos) {
        String text = new String(octets, start, pos - start, StandardCharsets.ISO_8859_1);
        return new MessageInput(octets, cr + 2, DkimMessage.parseHeaderSection(text), true);
      }
      pos = cr + 2;
    }
    if (n - start > Limits.MESSAGE_HEADER_BYTES) throw new HeaderTooLargeException();
    String text = new String(octets, start, n - start, StandardCharsets.ISO_8859_1);
    return new MessageInput(octets, n, DkimMessage.parseHeaderSection(text), false);
  }

  /** True when every CR in {@code b} is followed by LF and every LF follows a CR. */
  static boolean crlfOnly(byte[] b) {
    int n = b.length;
    for (int i = OctetScan.crOrLf(b, 0, n); i < n; i = OctetScan.crOrLf(b, i + 2, n)) {
      if (b[i] == '\n' || i + 1 == n || b[i + 1] != '\n') return false;
    }
    return true;
  }

  /** The header fields in order, each with its CRLF. */
  public List<DkimMessage.HeaderField> headers() {
    return headers;
  }

  /** Pipes the rest of the input (the body) to {@code hashes}; once. */
  public void streamBody(BodySink hashes) throws IOException {
    if (bodyStreamed) throw new IllegalStateException("the body was already read");
    bodyStreamed = true;
    if (octets != null) {
      hashes.update(octets, bodyStart, octets.length - bodyStart);
      return;
    }
    byte[] buf = new byte[64 * 1024];
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) hashes.update(buf, 0, n);
  }

  /** The rest of the input (the body) as text, for {@link DkimMessage#parse}. */
  String readBody() throws IOException {
    if (bodyStreamed) throw new IllegalStateException("the body was already read");
    bodyStreamed = true;
    if (octets != null) {
      return new String(octets, bodyStart, octets.length - bodyStart, StandardCharsets.ISO_8859_1);
    }
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  /**
   * Whether bare LF or CR line ends were read as CRLF. Final once the body has been streamed: a
   * bare LF may come anywhere.
   */
  public boolean lineEndingsConverted() {
    return in != null && in.converted();
  }

  /** Whether {@code b[off, end)} starts with an mbox separator line's "From ". */
  private static boolean isMboxFrom(byte[] b, int off, int end) {
    return end - off >= 5
        && b[off] == 'F'
        && b[off + 1] == 'r'
        && b[off + 2] == 'o'
        && b[off + 3] == 'm'
        && b[off + 4] == ' ';
  }
}
