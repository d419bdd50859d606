package dev.mailcheck.checks.send;

import dev.mailcheck.checks.dkim.BodyHashes;
import dev.mailcheck.checks.dkim.DkimPrivateKey;
import dev.mailcheck.checks.dkim.DkimSigner;
import dev.mailcheck.checks.dkim.MessageInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Builds the message {@code mailcheck send} delivers: From, To, Subject, Date (RFC 5322 §3.3),
 * Message-ID (§3.6.4), MIME-Version, the caller's extra headers, a text body (7bit, or
 * quoted-printable when it is not plain ASCII, RFC 2045 §6.7), attachments in multipart/mixed
 * (base64, RFC 2045 §6.8; names with RFC 2231 encoding), and optionally a DKIM-Signature made by
 * the code of {@code dkim sign}. Non-ASCII header text is RFC 2047 encoded. A header name or value
 * with CR or LF is refused ({@link IllegalArgumentException}): a value must not add headers.
 *
 * <pre>{@code
 * byte[] msg = new MessageBuilder(clock, random)
 *     .from("a@example.com").to(List.of("b@example.org")).subject("test")
 *     .body("hello\n").attach(new Attachment("a.pdf", "application/pdf", bytes)).build();
 * }</pre>
 */
public final class MessageBuilder {
  /** One attachment. */
  public record Attachment(String name, String contentType, byte[] content) {}

  /** What DKIM signing needs: the key, d= and s=. */
  public record Dkim(DkimPrivateKey key, String domain, String selector) {}

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

  private final Clock clock;
  private final RandomGenerator random;
  private String from = "";
  private List<String> to = List.of();
  private String subject = "";
  private final List<String[]> headers = new ArrayList<>();
  private String body = "";
  private boolean eightBit;
  private final List<Attachment> attachments = new ArrayList<>();
  private Optional<Dkim> dkim = Optional.empty();

  public MessageBuilder(Clock clock, RandomGenerator random) {
    this.clock = clock;
    this.random = random;
  }

  public MessageBuilder from(String v) {
    from = safe("From", v);
    return this;
  }

  public MessageBuilder to(List<String> v) {
    v.forEach(a -> safe("To", a));
    to = List.copyOf(v);
    return this;
  }

  public MessageBuilder subject(String v) {
    subject = safe("Subject", v);
    return this;
  }

  /**
   * An extra header, {@code Name: value}. Refused: a missing colon, a name that is not printable
   * ASCII (RFC 5322 §2.2), CR or LF anywhere (header injection).
   */
  public MessageBuilder header(String line) {
    int colon = line.indexOf(':');
    if (colon <= 0)
      throw new IllegalArgumentException("header '" + printable(line) + "' is not 'Name: value'");
    String name = line.substring(0, colon).strip();
    String value = line.substring(colon + 1).strip();
    if (name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ':'))
      throw new IllegalArgumentException(
          "header name '" + printable(name) + "' is not printable ASCII");
    safe(name, value);
    headers.add(new String[] {name, value});
    return this;
  }

  public MessageBuilder body(String v) {
    body = v;
    return this;
  }

  /** Send a non-ASCII body as 8bit (needs BODY=8BITMIME) instead of quoted-printable. */
  public MessageBuilder eightBit(boolean v) {
    eightBit = v;
    return this;
  }

  public MessageBuilder attach(Attachment a) {
    safe("attachment name", a.name());
    attachments.add(a);
    return this;
  }

  public MessageBuilder dkim(Dkim v) {
    dkim = Optional.of(v);
    return this;
  }

  /** The message with CRLF line ends. */
  public byte[] build() {
    var h = new StringBuilder();
    line(h, "Date", ZonedDateTime.now(clock).format(DATE));
    line(h, "From", from);
    line(h, "To", String.join(", ", to));
    if (!subject.isEmpty()) line(h, "Subject", encodeWord(subject));
    line(h, "Message-ID", "<" + HexFormat.of().formatHex(bytes(12)) + "@" + domainOf(from) + ">");
    line(h, "MIME-Version", "1.0");
    for (String[] x : headers) line(h, x[0], encodeWord(x[1]));
    var out = new ByteArrayOutputStream();
    if (attachments.isEmpty()) {
      textPart(h);
      out.writeBytes(ascii(h.toString()));
      out.writeBytes(textBody());
    } else {
      String boundary = "=_mailcheck_" + HexFormat.of().formatHex(bytes(12));
      line(h, "Content-Type", "multipart/mixed; boundary=\"" + boundary + "\"");
      h.append("\r\n").append("This is a multi-part message in MIME format.\r\n");
      h.append("--").append(boundary).append("\r\n");
      textPart(h);
      out.writeBytes(ascii(h.toString()));
      out.writeBytes(textBody());
      for (Attachment a : attachments) {
        var p = new StringBuilder("--").append(boundary).append("\r\n");
        line(p, "Content-Type", a.contentType() + "; " + param("name", a.name()));
        line(p, "Content-Transfer-Encoding", "base64");
        line(p, "Content-Disposition", "attachment; " + param("filename", a.name()));
        p.append("\r\n");
        out.writeBytes(ascii(p.toString()));
        out.writeBytes(
            ascii(Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(a.content())));
        out.writeBytes(ascii("\r\n"));
      }
      out.writeBytes(ascii("--" + boundary + "--\r\n"));
    }
    byte[] message = out.toByteArray();
    return dkim.isPresent() ? sign(message, dkim.get()) : message;
  }

  private void textPart(StringBuilder h) {
    boolean ascii = body.chars().allMatch(c -> c < 0x80) && longestLine(body) <= 998;
    line(h, "Content-Type", "text/plain; charset=" + (ascii ? "us-ascii" : "utf-8"));
    line(h, "Content-Transfer-Encoding", ascii ? "7bit" : eightBit ? "8bit" : "quoted-printable");
    h.append("\r\n");
  }

  private byte[] textBody() {
    String crlf = body.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    if (!crlf.isEmpty() && !crlf.endsWith("\r\n")) crlf += "\r\n";
    boolean ascii = crlf.chars().allMatch(c -> c < 0x80) && longestLine(crlf) <= 998;
    if (ascii || eightBit) return crlf.getBytes(StandardCharsets.UTF_8);
    return ascii(QuotedPrintable.encode(crlf.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] sign(byte[] message, Dkim d) {
    try {
      MessageInput in = MessageInput.read(message);
      var options =
          new DkimSigner.Options(
              d.domain(),
              d.selector(),
              dev.mailcheck.checks.dkim.Canonicalization.RELAXED,
              dev.mailcheck.checks.dkim.Canonicalization.RELAXED,
              List.of(),
              true,
              java.time.Instant.now().getEpochSecond());
      BodyHashes hashes = new BodyHashes(List.of(options.bodyRequest()));
      in.streamBody(hashes);
      String field = DkimSigner.sign(in.headers(), hashes.finish(), d.key(), options, "\r\n");
      var out = new ByteArrayOutputStream(message.length + field.length());
      out.writeBytes(field.getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(message);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void line(StringBuilder h, String name, String value) {
    h.append(name).append(": ").append(value).append("\r\n");
  }

  /** Refuses CR, LF and NUL: one value must stay one header. */
  private static String safe(String what, String v) {
    if (v.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0))
      throw new IllegalArgumentException(
          what + " contains a line break (CR/LF): refused, it could add headers");
    return v;
  }

  /** RFC 2047 B-encoding for non-ASCII text, in words short enough for one line each. */
  static String encodeWord(String v) {
    if (v.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) return v;
    var sb = new StringBuilder();
    int i = 0;
    while (i < v.length()) {
      int end = i;
      int bytes = 0;
      while (end < v.length()) {
        int cp = v.codePointAt(end);
        int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
        if (bytes + n > 45) break;
        bytes += n;
        end += Character.charCount(cp);
      }
      if (sb.length() > 0) sb.append("\r\n ");
      sb.append("=?UTF-8?B?")
          .append(
              Base64.getEncoder()
                  .encodeToString(v.substring(i, end).getBytes(StandardCharsets.UTF_8)))
          .append("?=");
      i = end;
    }
    return sb.toString();
  }

  /** {@code name="a.pdf"}, or RFC 2231 {@code name*=UTF-8''%C3%A4.pdf} for non-ASCII names. */
  static String param(String name, String value) {
    if (value.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\'))
      return name + "=\"" + value + "\"";
    var sb = new StringBuilder(name).append("*=UTF-8''");
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '-'
          || c == '_') sb.append((char) c);
      else sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
    }
    return sb.toString();
  }

  private static int longestLine(String s) {
    int max = 0;
    for (String l : s.split("\r?\n", -1)) max = Math.max(max, l.length());
    return max;
  }

  static String domainOf(String address) {
    int at = address.lastIndexOf('@');
    String d = at < 0 ? "" : address.substring(at + 1).replaceAll("[>\\s]", "");
    return d.isEmpty() ? "localhost" : d;
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static String printable(String s) {
    return s.replaceAll("\\p{Cntrl}", "?");
  }
}
