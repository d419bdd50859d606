package dev.mailcheck.cli;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.render.JsonRenderer;
import dev.mailcheck.report.render.TextRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;

/**
 * The training run behind the launcher's start-up cache (JDK 25+ AOT cache, see
 * docs/performance.md): walks the code every run needs (command-line parsing, help, both
 * renderers, DNS message classes) without touching the network, so that the JVM records those
 * classes as loaded and linked. The launcher runs {@code java -XX:AOTCacheOutput=... -cp
 * mailcheck.jar dev.mailcheck.cli.StartupTraining} once per jar. Prints nothing.
 */
public final class StartupTraining {
  private StartupTraining() {}

  public static void main(String[] args) throws IOException {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    Main.run(new String[] {"--help"}, sink, sink);
    Main.run(new String[] {"--version"}, sink, sink);
    Main.run(new String[] {"--timeout", "2s", "--fail-on", "warn", "--json", "--resolver", "127.0.0.1:53", "help", "mx"}, sink, sink);
    Main.run(new String[] {"--no-such-option"}, sink, sink);
    Report report =
        new Report(
            "mx",
            "example.com",
            List.of(
                Finding.of("mx.present", Status.PASS, "trained").evidence("example.com. 300 IN MX 10 mail.example.com.").build(),
                Finding.of("mx.resolves", Status.WARN, "trained").remedy("none").subject("mail.example.com").build()),
            List.of());
    for (int i = 0; i < 3; i++) {
      new TextRenderer(false, true).render(report, new StringWriter());
      new JsonRenderer(Version.current(), true).render(report, new StringWriter());
    }
    trainDnsClasses();
  }

  /** Builds and parses a DNS query with dnsjava, offline. */
  private static void trainDnsClasses() throws IOException {
    org.xbill.DNS.Name name = org.xbill.DNS.Name.fromString("example.com.");
    for (int type : new int[] {org.xbill.DNS.Type.MX, org.xbill.DNS.Type.TXT, org.xbill.DNS.Type.A, org.xbill.DNS.Type.AAAA}) {
      org.xbill.DNS.Message query =
          org.xbill.DNS.Message.newQuery(org.xbill.DNS.Record.newRecord(name, type, org.xbill.DNS.DClass.IN));
      new org.xbill.DNS.Message(query.toWire()).toString();
    }
    org.xbill.DNS.Record.fromString(name, org.xbill.DNS.Type.MX, org.xbill.DNS.DClass.IN, 300, "10 mail.example.com.", name)
        .rdataToString();
  }
}
