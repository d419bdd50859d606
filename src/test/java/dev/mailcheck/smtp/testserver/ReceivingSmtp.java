package dev.mailcheck.smtp.testserver;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A receiving MTA script that accepts mail: MAIL, RCPT (per-address replies), DATA with
 * dot-unstuffing (RFC 5321 §4.5.2) and BDAT (RFC 3030). The messages it got are in {@link
 * #messages()} exactly as they arrived after unstuffing, so tests can compare them byte for byte.
 */
public final class ReceivingSmtp implements ScriptedSmtpServer.Script {
  private String banner = "220 mx.test.example ESMTP ready";
  private List<String> extensions =
      List.of("PIPELINING", "SIZE 10240000", "8BITMIME", "ENHANCEDSTATUSCODES", "SMTPUTF8");
  private final Map<String, String> rcptReplies = new HashMap<>();
  private String mailReply = "250 2.1.0 Ok";
  private String dataReply = "354 End data with <CR><LF>.<CR><LF>";
  private String endReply = "250 2.0.0 Ok: queued as 4Fq2Lk0x7Qz1";
  private int groupedRcpts;
  private final List<byte[]> messages = new CopyOnWriteArrayList<>();
  private final List<String> mailCommands = new CopyOnWriteArrayList<>();

  public ReceivingSmtp banner(String v) {
    banner = v;
    return this;
  }

  public ReceivingSmtp extensions(String... v) {
    extensions = List.of(v);
    return this;
  }

  public ReceivingSmtp rcpt(String address, String reply) {
    rcptReplies.put(address.toLowerCase(Locale.ROOT), reply);
    return this;
  }

  public ReceivingSmtp mailReply(String v) {
    mailReply = v;
    return this;
  }

  public ReceivingSmtp dataReply(String v) {
    dataReply = v;
    return this;
  }

  public ReceivingSmtp endReply(String v) {
    endReply = v;
    return this;
  }

  /**
   * Reads MAIL and this many RCPTs before answering any of them: a client that waits for each reply
   * (no PIPELINING) stalls until its timeout.
   */
  public ReceivingSmtp requireGroupedRcpts(int n) {
    groupedRcpts = n;
    return this;
  }

  public List<byte[]> messages() {
    return List.copyOf(messages);
  }

  /** The MAIL FROM lines with their parameters. */
  public List<String> mailCommands() {
    return List.copyOf(mailCommands);
  }

  @Override
  public void run(ScriptedSmtpServer.Session s) throws Exception {
    s.send(banner);
    if (!banner.startsWith("220")) {
      ScriptedSmtpServer.drain(s);
      return;
    }
    ByteArrayOutputStream bdat = new ByteArrayOutputStream();
    String line;
    while ((line = s.readLine()) != null) {
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.startsWith("EHLO ")) {
        var lines = new ArrayList<String>();
        lines.add("mx.test.example");
        lines.addAll(extensions);
        for (int i = 0; i < lines.size(); i++)
          s.send("250" + (i == lines.size() - 1 ? " " : "-") + lines.get(i));
      } else if (upper.startsWith("MAIL FROM:")) {
        mailCommands.add(line);
        if (groupedRcpts > 0) {
          var rcpts = new ArrayList<String>();
          for (int i = 0; i < groupedRcpts; i++) rcpts.add(s.readLine());
          s.send(mailReply);
          for (String r : rcpts) s.send(rcptReply(r));
        } else s.send(mailReply);
      } else if (upper.startsWith("RCPT TO:")) {
        s.send(rcptReply(line));
      } else if (upper.equals("DATA")) {
        s.send(dataReply);
        if (!dataReply.startsWith("354")) continue;
        var msg = new ByteArrayOutputStream();
        String l;
        while ((l = s.readLine()) != null && !l.equals(".")) {
          msg.writeBytes((l.startsWith(".") ? l.substring(1) : l).getBytes(StandardCharsets.UTF_8));
          msg.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        messages.add(msg.toByteArray());
        s.send(endReply);
      } else if (upper.startsWith("BDAT ")) {
        String[] f = line.split(" ");
        bdat.writeBytes(s.readBytes(Integer.parseInt(f[1])));
        if (f.length > 2 && f[2].equalsIgnoreCase("LAST")) {
          messages.add(bdat.toByteArray());
          bdat.reset();
          s.send(endReply);
        } else s.send("250 2.0.0 " + f[1] + " octets received");
      } else if (upper.equals("RSET")) {
        s.send("250 2.0.0 Ok");
      } else if (upper.equals("QUIT")) {
        s.send("221 2.0.0 Bye");
        s.close();
        return;
      } else {
        s.send("502 5.5.2 Error: command not recognized");
      }
    }
  }

  private String rcptReply(String line) {
    String addr = line.substring(8).replaceAll("[<>]", "").split(" ")[0].toLowerCase(Locale.ROOT);
    return rcptReplies.getOrDefault(addr, "250 2.1.5 Ok");
  }
}
