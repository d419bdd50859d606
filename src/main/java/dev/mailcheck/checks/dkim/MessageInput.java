package dev.mailcheck.checks.dkim;

import dev.mailcheck.checks.Limits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

  private final CrlfInputStream in;
  private final List<DkimMessage.HeaderField> headers;
  private final boolean headerEnded;
  private boolean bodyStreamed;

  private MessageInput(
      CrlfInputStream in, List<DkimMessage.HeaderField> headers, boolean headerEnded) {
    this.in = in;
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
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int lineStart = 0;
    int end = -1; // length of the header section once the empty line is met
    boolean firstLine = true;
    for (int c = in.read(); c >= 0; c = in.read()) {
      if (head.size() >= Limits.MESSAGE_HEADER_BYTES) throw new HeaderTooLargeException();
      head.write(c);
      if (c != '\n') continue;
      if (head.size() - lineStart == 2) {
        end = lineStart;
        break;
      }
      if (firstLine && startsWith(head, "From ")) head.reset();
      firstLine = false;
      lineStart = head.size();
    }
    byte[] octets = head.toByteArray();
    String text = new String(octets, 0, end < 0 ? octets.length : end, StandardCharsets.ISO_8859_1);
    return new MessageInput(in, DkimMessage.parseHeaderSection(text), end >= 0);
  }

  /** The header fields in order, each with its CRLF. */
  public List<DkimMessage.HeaderField> headers() {
    return headers;
  }

  /** Pipes the rest of the input (the body) to {@code hashes}; once. */
  public void streamBody(BodySink hashes) throws IOException {
    if (bodyStreamed) throw new IllegalStateException("the body was already read");
    bodyStreamed = true;
    byte[] buf = new byte[64 * 1024];
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) hashes.update(buf, 0, n);
  }

  /** The rest of the input (the body) as text, for {@link DkimMessage#parse}. */
  String readBody() throws IOException {
    if (bodyStreamed) throw new IllegalStateException("the body was already read");
    bodyStreamed = true;
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  /**
   * Whether bare LF or CR line ends were read as CRLF. Final once the body has been streamed: a
   * bare LF may come anywhere.
   */
  public boolean lineEndingsConverted() {
    return in.converted();
  }

  private static boolean startsWith(ByteArrayOutputStream head, String prefix) {
    byte[] b = head.toByteArray();
    return new String(b, 0, Math.min(b.length, prefix.length()), StandardCharsets.ISO_8859_1)
        .equals(prefix);
  }
}
