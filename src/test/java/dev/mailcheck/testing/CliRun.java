package dev.mailcheck.testing;

import dev.mailcheck.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs mailcheck in-process and keeps exit code, stdout and stderr apart (jbang's checkedRun). Use
 * {@link #json()} to validate JSON output against the schema and the id catalogue at once.
 */
public record CliRun(int exitCode, String out, String err) {
  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString());
  }

  /**
   * Runs with {@code --resolver RESOLVER --timeout TIMEOUT} in front of {@code args}: a command
   * against an in-process DNS server ({@code dns.address()}).
   */
  public static CliRun withResolver(String resolver, String timeout, String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "--resolver";
    all[1] = resolver;
    all[2] = "--timeout";
    all[3] = timeout;
    System.arraycopy(args, 0, all, 4, args.length);
    return of(all);
  }

  /**
   * stdout validated against docs/report.schema.json, every finding id checked against
   * docs/checks.md.
   */
  public com.fasterxml.jackson.databind.JsonNode json() {
    var node = ReportSchema.assertValid(out);
    CheckCatalog.assertDocumented(node);
    return node;
  }
}
