package dev.mailcheck.checks.dkim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A message split into header fields and body, the way RFC 6376 §5.4 and §3.4 see it: each field
 * keeps its exact bytes (folding included) so that "simple" canonicalization can hash it as it
 * came. Text is held as ISO-8859-1 strings, one char per octet, so every octet survives.
 *
 * <p>Files saved by mail clients often use bare LF line ends. RFC 5322 requires CRLF, and every
 * signer hashed CRLF; so bare LFs (and the bare CRs of a CR-only file) become CRLF ({@link
 * CrlfInputStream}) and {@link #lineEndingsConverted()} says so (the report shows it as {@code
 * dkim.line-endings}). Holds the whole body: the verifier streams large input with {@link
 * MessageInput} instead.
 *
 * @param headers the header fields in order, each with its terminating CRLF
 * @param body everything after the empty line that ends the header (may be empty)
 */
public record DkimMessage(List<HeaderField> headers, String body, boolean lineEndingsConverted) {
  public DkimMessage {
    headers = List.copyOf(headers);
  }

  /**
   * One header field exactly as received.
   *
   * @param raw name, colon, value and the terminating CRLF (if the message had one)
   */
  public record HeaderField(String name, String raw) {
    /** The part after the first colon, folding kept, terminating CRLF removed. */
    public String value() {
      int colon = raw.indexOf(':');
      String v = raw.substring(colon + 1);
      return v.endsWith("\r\n") ? v.substring(0, v.length() - 2) : v;
    }

    public boolean is(String other) {
      return name.equalsIgnoreCase(other);
    }
  }

  /**
   * Reads a whole message into memory. Never throws on content; line ends as {@link
   * CrlfInputStream} reads them. For large input, stream it with {@link MessageInput} instead.
   */
  public static DkimMessage parse(byte[] octets) {
    try {
      MessageInput in = MessageInput.read(octets);
      String body = in.readBody();
      return new DkimMessage(in.headers(), body, in.lineEndingsConverted());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The header fields of a header section (CRLF line ends, without the empty line that ends it): a
   * line starting with SP or HTAB continues the field before it (RFC 5322 §2.2.3).
   */
  static List<HeaderField> parseHeaderSection(String text) {
    List<HeaderField> headers = new ArrayList<>();
    int pos = 0;
    int n = text.length();
    StringBuilder current = null;
    while (pos < n) {
      int eol = text.indexOf("\r\n", pos);
      int lineEnd = eol < 0 ? n : eol + 2;
      char first = text.charAt(pos);
      if ((first == ' ' || first == '\t') && current != null) {
        current.append(text, pos, lineEnd);
      } else {
        flush(current, headers);
        current = new StringBuilder().append(text, pos, lineEnd);
      }
      pos = lineEnd;
    }
    flush(current, headers);
    return headers;
  }

  private static void flush(StringBuilder field, List<HeaderField> out) {
    if (field == null) return;
    String raw = field.toString();
    int colon = raw.indexOf(':');
    if (colon <= 0) return; // not a header field; ignored (RFC 5322 §2.2 requires a name)
    out.add(new HeaderField(Canonicalization.stripWsp(raw.substring(0, colon)), raw));
  }

  /** The DKIM-Signature fields, top first. */
  public List<HeaderField> signatures() {
    return headers.stream().filter(h -> h.is("DKIM-Signature")).toList();
  }

  public List<HeaderField> named(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return headers.stream().filter(h -> h.name().toLowerCase(Locale.ROOT).equals(lower)).toList();
  }
}
