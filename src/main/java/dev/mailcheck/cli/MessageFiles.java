package dev.mailcheck.cli;

import dev.mailcheck.checks.dkim.MessageInput;
import dev.mailcheck.internal.InputException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opening a message file (or standard input) for {@code message} and {@code dkim sign}: at most
 * {@link #MAX_BYTES}, refused with one line when it is empty, binary or not a message, so that no
 * command reads a 2 GB video as headers.
 */
final class MessageFiles {
  private MessageFiles() {}

  /** Larger input is refused (standard input is counted while it streams). */
  static final long MAX_BYTES = 50L * 1024 * 1024;

  /** The first octets, enough to tell a message from other files. */
  static final int PEEK_BYTES = 64 * 1024;

  /**
   * How a command words its refusals.
   *
   * @param refusal ends the lines about too large input ("not a message")
   * @param noHeader why a file is not a message when it does not start with a header field
   */
  record Wording(String refusal, String noHeader) {}

  /** {@code message}, {@code dkim sign}. */
  static final Wording MESSAGE =
      new Wording("not a message", "it does not start with a header field");

  /** {@code dkim verify}. */
  static final Wording VERIFY = new Wording("not a message to verify", "it has no header fields");

  static String shown(String file) {
    return file.equals("-") ? "standard input" : file;
  }

  /** The input, size-limited and buffered, after checking that it starts with a header field. */
  static BufferedInputStream open(String file, long maxBytes) {
    return open(file, maxBytes, MESSAGE);
  }

  static BufferedInputStream open(String file, long maxBytes, Wording w) {
    if (file.isBlank())
      throw new InputException("the FILE name is empty; give an .eml file or - for standard input");
    InputStream raw;
    if (file.equals("-")) raw = System.in;
    else
      try {
        Path path = Path.of(file);
        if (Files.isRegularFile(path) && Files.size(path) > maxBytes)
          throw new InputException(
              file + ": larger than " + (maxBytes >> 20) + " MB; " + w.refusal());
        raw = Files.newInputStream(path);
      } catch (IOException | java.nio.file.InvalidPathException e) {
        throw readError(file, e, w);
      }
    BufferedInputStream in = new BufferedInputStream(new Limited(raw, maxBytes), PEEK_BYTES);
    try {
      in.mark(PEEK_BYTES);
      byte[] start = in.readNBytes(PEEK_BYTES);
      in.reset();
      if (start.length == 0)
        throw new InputException(shown(file) + " is empty; expected an email message (.eml)");
      if (!startsWithHeaderField(start))
        throw new InputException(
            shown(file) + " is not an email message: " + w.noHeader() + " (expected an .eml file)");
    } catch (IOException e) {
      throw readError(file, e, w);
    }
    return in;
  }

  /** The header section of the input; the stream stays at the body. */
  static MessageInput read(String file, InputStream in) {
    return read(file, in, MESSAGE);
  }

  static MessageInput read(String file, InputStream in, Wording w) {
    try {
      return MessageInput.read(in);
    } catch (IOException e) {
      throw readError(file, e, w);
    }
  }

  /**
   * True when the first line (after an mbox "From " line) is a header field: a name of printable
   * ASCII other than ':' followed by ':' (RFC 5322 §2.2).
   */
  static boolean startsWithHeaderField(byte[] octets) {
    int i = 0;
    if (octets.length >= 5
        && new String(octets, 0, 5, StandardCharsets.ISO_8859_1).equals("From ")) {
      while (i < octets.length && octets[i] != '\n') i++;
      i++;
    }
    int start = i;
    while (i < octets.length && octets[i] >= 33 && octets[i] <= 126 && octets[i] != ':') i++;
    return i > start && i < octets.length && octets[i] == ':';
  }

  static InputException readError(String file, Exception e) {
    return readError(file, e, MESSAGE);
  }

  static InputException readError(String file, Exception e, Wording w) {
    if (e instanceof TooLarge t)
      return new InputException(
          shown(file) + ": larger than " + (t.max >> 20) + " MB; " + w.refusal());
    if (e instanceof MessageInput.HeaderTooLargeException)
      return new InputException(shown(file) + ": " + e.getMessage() + "; " + w.refusal());
    String why =
        e instanceof java.nio.file.NoSuchFileException
            ? "no such file"
            : e instanceof java.nio.file.AccessDeniedException
                ? "permission denied"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new InputException("cannot read " + file + ": " + why);
  }

  /** More octets than allowed. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    final long max;

    TooLarge(long max) {
      this.max = max;
    }
  }

  /** Counts what is read and stops past the limit: standard input has no size. */
  static final class Limited extends FilterInputStream {
    private final long max;
    private long count;

    Limited(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) counted(1);
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) counted(n);
      return n;
    }

    private void counted(int n) throws TooLarge {
      count += n;
      if (count > max) throw new TooLarge(max);
    }
  }
}
