package dev.mailcheck.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a {@link Transaction} on an open session (RFC 5321 §3.3): MAIL FROM with the parameters the
 * message needs, RCPT TO for each recipient, DATA with dot-stuffing (§4.5.2) or BDAT (RFC 3030).
 * What the message needs and the server lacks (a SIZE limit it exceeds, 8BITMIME, SMTPUTF8) is
 * refused before MAIL FROM, so nothing is half-sent.
 */
final class SmtpTransaction {
  private final SmtpConnection c;
  private final Transaction t;
  private final Extensions ext;
  private String params = "";
  private Reply mail;
  private final List<TransactionOutcome.Recipient> rcpts = new ArrayList<>();
  private Reply data;
  private Reply end;
  private boolean pipelined;
  private boolean chunked;
  private long bytes;

  SmtpTransaction(SmtpConnection c, Transaction t, Extensions ext) {
    this.c = c;
    this.t = t;
    this.ext = ext;
  }

  TransactionOutcome outcome() {
    return new TransactionOutcome(
        params,
        Optional.ofNullable(mail),
        rcpts,
        Optional.ofNullable(data),
        Optional.ofNullable(end),
        Optional.ofNullable(end).filter(Reply::positive).flatMap(SmtpTransaction::queueId),
        pipelined,
        chunked,
        bytes);
  }

  /** MAIL, RCPT and the message, as far as {@link Transaction#quitAfter} goes. */
  void envelope(ProbeRecorder rec) throws ProbeException {
    byte[] wire = t.quitAfter() == Stage.DATA ? crlf(t.message()) : new byte[0];
    bytes = wire.length;
    List<String> p = new ArrayList<>();
    if (t.quitAfter() == Stage.DATA) {
      long limit = ext.size().orElse(0L);
      if (ext.has("SIZE")) p.add("SIZE=" + wire.length);
      if (limit > 0 && wire.length > limit)
        throw unsupported(
            "the message is "
                + wire.length
                + " bytes and the server's SIZE limit is "
                + limit
                + " bytes; not sent");
      if (t.messageIs8Bit() || t.eightBitMime()) {
        if (!ext.has("8BITMIME"))
          throw unsupported(
              "the message has 8-bit content and the server does not offer 8BITMIME (RFC 6152);"
                  + " send it 7-bit (quoted-printable or base64)");
        p.add("BODY=8BITMIME");
      }
    }
    if (t.addressesNeedUtf8() || t.smtpUtf8()) {
      if (!ext.has("SMTPUTF8"))
        throw unsupported(
            "an address has non-ASCII characters and the server does not offer SMTPUTF8"
                + " (RFC 6531); use the ASCII (punycode) domain or an ASCII address");
      p.add("SMTPUTF8");
    }
    params = String.join(" ", p);
    String mailCmd = "MAIL FROM:<" + t.mailFrom() + ">" + (params.isEmpty() ? "" : " " + params);
    List<String> rcptCmds = t.recipients().stream().map(a -> "RCPT TO:<" + a + ">").toList();
    if (t.quitAfter() == Stage.MAIL) {
      mail = rec.time(Phase.MAIL, () -> c.command(Phase.MAIL, mailCmd));
      if (!mail.positive()) throw rejected(Phase.MAIL, "MAIL FROM was refused", mail);
      return;
    }
    pipelined = t.pipelining() && ext.has("PIPELINING");
    if (pipelined) {
      // RFC 2920 §3.1: MAIL and RCPT may be grouped; DATA goes alone, after the replies are known,
      // so that a message is never sent when no recipient was accepted
      var group = new ArrayList<String>();
      group.add(mailCmd);
      group.addAll(rcptCmds);
      rec.time(
          Phase.MAIL,
          () -> {
            c.pipeline(Phase.MAIL, group);
            mail = c.read(Phase.MAIL);
            return mail;
          });
      rec.time(
          Phase.RCPT,
          () -> {
            for (int i = 0; i < rcptCmds.size(); i++)
              rcpts.add(
                  new TransactionOutcome.Recipient(t.recipients().get(i), c.read(Phase.RCPT)));
            return null;
          });
      if (!mail.positive()) throw rejected(Phase.MAIL, "MAIL FROM was refused", mail);
    } else {
      mail = rec.time(Phase.MAIL, () -> c.command(Phase.MAIL, mailCmd));
      if (!mail.positive()) throw rejected(Phase.MAIL, "MAIL FROM was refused", mail);
      rec.time(
          Phase.RCPT,
          () -> {
            for (int i = 0; i < rcptCmds.size(); i++)
              rcpts.add(
                  new TransactionOutcome.Recipient(
                      t.recipients().get(i), c.command(Phase.RCPT, rcptCmds.get(i))));
            return null;
          });
    }
    if (rcpts.stream().noneMatch(r -> r.reply().positive())) {
      Reply last = rcpts.get(rcpts.size() - 1).reply();
      throw rejected(Phase.RCPT, "every recipient was refused", last);
    }
    if (t.quitAfter() == Stage.DATA) message(rec, wire);
  }

  private void message(ProbeRecorder rec, byte[] wire) throws ProbeException {
    chunked = t.chunking() && ext.has("CHUNKING");
    rec.time(
        Phase.DATA,
        () -> {
          if (chunked) {
            // one BDAT LAST for messages up to a chunk, else chunks; no dot-stuffing (RFC 3030 §2)
            int chunk = 1024 * 1024;
            int off = 0;
            do {
              int len = Math.min(chunk, wire.length - off);
              boolean last = off + len >= wire.length;
              String cmd = "BDAT " + len + (last ? " LAST" : "");
              c.transcript().client(cmd);
              c.transcript().note("(" + len + " bytes of message data)");
              byte[] head = (cmd + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
              byte[] buf = new byte[head.length + len];
              System.arraycopy(head, 0, buf, 0, head.length);
              System.arraycopy(wire, off, buf, head.length, len);
              c.write(Phase.DATA, buf, "BDAT");
              end = c.read(Phase.DATA);
              if (!end.positive()) throw rejected(Phase.DATA, "BDAT was refused", end);
              off += len;
            } while (off < wire.length);
          } else {
            data = c.command(Phase.DATA, "DATA");
            if (data.code() != 354) throw rejected(Phase.DATA, "DATA was refused", data);
            byte[] stuffed = dotStuff(wire);
            c.transcript()
                .note(
                    "("
                        + wire.length
                        + " bytes of message data, "
                        + (stuffed.length - wire.length - 3)
                        + " dot(s) stuffed)");
            c.transcript().client(".");
            c.write(Phase.DATA, stuffed, "message");
            end = c.read(Phase.DATA);
            if (!end.positive()) throw rejected(Phase.DATA, "the message was refused", end);
          }
          return end;
        });
  }

  private ProbeException unsupported(String why) {
    return new ProbeException(Phase.MAIL, Failure.Kind.UNSUPPORTED, why);
  }

  private static ProbeException rejected(Phase phase, String what, Reply r) {
    return new ProbeException(
        new Failure(phase, Failure.Kind.REJECTED, what + ": " + r.explained(), Optional.of(r)));
  }

  /** Every line end as CRLF (bare LF and bare CR too), and a CRLF at the end. */
  static byte[] crlf(byte[] in) {
    byte[] out = new byte[in.length * 2 + 2];
    int n = 0;
    for (int i = 0; i < in.length; i++) {
      byte b = in[i];
      if (b == '\r' || b == '\n') {
        out[n++] = '\r';
        out[n++] = '\n';
        if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') i++;
      } else out[n++] = b;
    }
    if (n < 2 || out[n - 2] != '\r' || out[n - 1] != '\n') {
      out[n++] = '\r';
      out[n++] = '\n';
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * RFC 5321 §4.5.2: a line that starts with "." gets one more, and the data ends with CRLF.CRLF.
   * {@code crlfText} already ends in CRLF.
   */
  static byte[] dotStuff(byte[] crlfText) {
    int dots = 0;
    boolean lineStart = true;
    for (byte b : crlfText) {
      if (lineStart && b == '.') dots++;
      lineStart = b == '\n';
    }
    byte[] out = new byte[crlfText.length + dots + 3];
    int n = 0;
    lineStart = true;
    for (byte b : crlfText) {
      if (lineStart && b == '.') out[n++] = '.';
      out[n++] = b;
      lineStart = b == '\n';
    }
    out[n++] = '.';
    out[n++] = '\r';
    out[n] = '\n';
    return out;
  }

  private static final Pattern QUEUE_ID =
      Pattern.compile(
          "queued as ([A-Za-z0-9._-]{3,64})|\\bid=([A-Za-z0-9._-]{3,64})|^2\\.0\\.0 OK\\s+\\d+\\s+([A-Za-z0-9._-]{3,64})",
          Pattern.CASE_INSENSITIVE);

  /**
   * The queue id in a 250 after the data: Postfix {@code Ok: queued as 4Fq2Lk0x7Qz1}, Exim {@code
   * OK id=1rA2bC-000123-4D}, Gmail {@code 2.0.0 OK 1701234567 x12-20020a05...gsmtp}.
   */
  static Optional<String> queueId(Reply r) {
    Matcher m = QUEUE_ID.matcher(r.text());
    if (!m.find()) return Optional.empty();
    for (int g = 1; g <= m.groupCount(); g++)
      if (m.group(g) != null) return Optional.of(m.group(g));
    return Optional.empty();
  }
}
