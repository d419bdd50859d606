package dev.mailcheck.training;

import dev.mailcheck.cli.BuildVersion;
import dev.mailcheck.cli.Main;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.render.JsonRenderer;
import dev.mailcheck.report.render.TextRenderer;
import dev.mailcheck.smtp.TlsWarmup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The training run behind the launcher's start-up cache (JDK 25+ AOT cache, see
 * docs/performance.md): walks the code real runs need (command-line parsing, help, both renderers,
 * the DNS commands and {@code domain} end to end, the TLS warm-up of {@link TlsWarmup}) so that the
 * JVM records those classes as loaded and linked. The commands ask throw-away DNS and SMTP
 * responders on 127.0.0.1 that this class starts itself; nothing leaves the machine. The launcher
 * runs {@code java -XX:AOTCacheOutput=... -cp mailcheck.jar dev.mailcheck.training.StartupTraining}
 * once per jar. Prints nothing; every step is bounded by a short timeout and its failure is ignored
 * (training is best effort).
 */
public final class StartupTraining {
  private StartupTraining() {}

  public static void main(String[] args) throws IOException {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    Main.run(new String[] {"--help"}, sink, sink);
    Main.run(new String[] {"--version"}, sink, sink);
    Main.run(
        new String[] {
          "--timeout",
          "2s",
          "--fail-on",
          "warn",
          "--json",
          "--resolver",
          "127.0.0.1:53",
          "help",
          "mx"
        },
        sink,
        sink);
    Main.run(new String[] {"--no-such-option"}, sink, sink);
    Report report =
        new Report(
            "mx",
            "example.com",
            List.of(
                Finding.of(FindingId.MX_PRESENT, Status.PASS, "trained")
                    .evidence("example.com. 300 IN MX 10 mail.example.com.")
                    .build(),
                Finding.of(FindingId.MX_RESOLVABLE, Status.WARN, "trained")
                    .remedy("none")
                    .subject("mail.example.com")
                    .build()),
            List.of());
    for (int i = 0; i < 3; i++) {
      new TextRenderer(false, true).render(report, new StringWriter());
      new JsonRenderer(BuildVersion.current(), true).render(report, new StringWriter());
    }
    trainDnsClasses();
    TlsWarmup.run(); // JSSE, trust store, PKIX and BouncyCastle TLS classes
    trainDnsCommands(sink);
  }

  /**
   * A loopback SMTP responder for the SMTP probe's classes: greeting, EHLO offering STARTTLS, 220
   * to STARTTLS, then it hangs up (the TLS handshake fails at once; the TLS classes come from the
   * warm-up). Returns its port, or -1 when it could not listen.
   */
  private static int smtpResponder(ServerSocket server) {
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket s = server.accept();
                  Thread.ofVirtual().start(() -> converse(s));
                } catch (IOException e) {
                  return;
                }
              }
            });
    return server.getLocalPort();
  }

  private static void converse(Socket s) {
    try (s) {
      s.setSoTimeout(2000);
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = s.getOutputStream();
      out.write("220 training.invalid ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 10; i++) {
        String line = in.readLine();
        if (line == null || line.length() > 512) return;
        String verb = line.toUpperCase(Locale.ROOT);
        String reply =
            verb.startsWith("EHLO")
                ? "250-training.invalid\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-AUTH PLAIN LOGIN\r\n250-8BITMIME\r\n250 STARTTLS\r\n"
                : verb.startsWith("STARTTLS")
                    ? "220 2.0.0 ready\r\n"
                    : verb.startsWith("QUIT") ? "221 2.0.0 bye\r\n" : "250 2.0.0 ok\r\n";
        out.write(reply.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        if (verb.startsWith("STARTTLS") || verb.startsWith("QUIT")) return;
      }
    } catch (IOException e) {
      // best effort
    }
  }

  /** Runs the DNS commands against a loopback responder, in text and JSON. */
  private static void trainDnsCommands(PrintWriter sink) {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        ServerSocket smtp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int smtpPort = smtpResponder(smtp);
      Thread responder = Thread.ofPlatform().daemon().start(() -> answer(socket));
      String resolver = "127.0.0.1:" + socket.getLocalPort();
      String[][] runs = {
        {"mx", "example.com"},
        {"spf", "example.com"},
        {"dmarc", "example.com"},
        {"dkim", "example.com", "--selector", "s1"},
        {"ptr", "127.0.0.1"},
        {"domain", "example.com", "--no-smtp"},
        {"smtp", "127.0.0.1:" + smtpPort},
        {"domain", "example.com", "--allow-private", "--smtp-port", String.valueOf(smtpPort)},
      };
      for (String[] run : runs) {
        for (String format : new String[] {"text", "json"}) {
          String[] args = new String[run.length + 6];
          args[0] = "--resolver";
          args[1] = resolver;
          args[2] = "--timeout";
          args[3] = "1s";
          args[4] = "--format";
          args[5] = format;
          System.arraycopy(run, 0, args, 6, run.length);
          try {
            Main.run(args, sink, sink);
          } catch (RuntimeException e) {
            // best effort: a command that changed shape must not break training
          }
        }
      }
      responder.interrupt();
    } catch (IOException | RuntimeException e) {
      // best effort
    }
  }

  /**
   * Answers every query: MX {@code 10 mail.NAME}, A 127.0.0.1, TXT an SPF or DMARC record by name,
   * PTR {@code localhost.}, NODATA for the rest. Ends when the socket closes.
   */
  private static void answer(DatagramSocket socket) {
    byte[] buf = new byte[1500];
    while (!socket.isClosed()) {
      try {
        DatagramPacket in = new DatagramPacket(buf, buf.length);
        socket.receive(in);
        Message query = new Message(Arrays.copyOf(in.getData(), in.getLength()));
        Record q = query.getQuestion();
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.RA);
        reply.getHeader().setFlag(Flags.RD);
        reply.addRecord(q, Section.QUESTION);
        Name name = q.getName();
        String text = name.toString(true).toLowerCase(Locale.ROOT);
        int in_ = DClass.IN;
        Record answer =
            switch (q.getType()) {
              case Type.MX ->
                  new MXRecord(name, in_, 300, 10, Name.fromString("mail." + text + "."));
              case Type.A -> new ARecord(name, in_, 300, InetAddress.getLoopbackAddress());
              case Type.PTR -> new PTRRecord(name, in_, 300, Name.fromString("localhost."));
              case Type.TXT ->
                  text.startsWith("_dmarc.")
                      ? new TXTRecord(
                          name, in_, 300, "v=DMARC1; p=none; rua=mailto:d@" + text.substring(7))
                      : text.contains("._domainkey.")
                          ? null
                          : new TXTRecord(name, in_, 300, "v=spf1 a mx -all");
              default -> null;
            };
        if (answer != null) reply.addRecord(answer, Section.ANSWER);
        byte[] wire = reply.toWire();
        socket.send(new DatagramPacket(wire, wire.length, in.getSocketAddress()));
      } catch (IOException | RuntimeException e) {
        if (socket.isClosed()) return;
      }
    }
  }

  /** Builds and parses a DNS query with dnsjava, offline. */
  private static void trainDnsClasses() throws IOException {
    Name name = Name.fromString("example.com.");
    for (int type : new int[] {Type.MX, Type.TXT, Type.A, Type.AAAA}) {
      Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
      new Message(query.toWire()).toString();
    }
    Record.fromString(name, Type.MX, DClass.IN, 300, "10 mail.example.com.", name).rdataToString();
  }
}
