package dev.mailcheck.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mailcheck.testing.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The running interop environment, as src/test/interop/run.sh describes it in interop.properties
 * (system property {@code mailcheck.interop}, else {@code MAILCHECK_INTEROP}, else
 * /tmp/mailcheck-interop/interop.properties). Without it every interop test fails: the profile is
 * only run on purpose, and a missing environment must never look like a pass.
 */
record InteropEnv(Properties props) {
  static final String DEFAULT = "/tmp/mailcheck-interop/interop.properties";

  static InteropEnv load() {
    String p = System.getProperty("mailcheck.interop");
    if (p == null || p.isBlank()) p = System.getenv("MAILCHECK_INTEROP");
    if (p == null || p.isBlank()) p = DEFAULT;
    Path file = Path.of(p);
    if (!Files.isRegularFile(file)) {
      fail(
          "interop environment not running (no "
              + file
              + "): start it with src/test/interop/run.sh start");
    }
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      props.load(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new InteropEnv(props);
  }

  String get(String key) {
    String v = props.getProperty(key);
    if (v == null) throw new IllegalStateException("interop.properties has no " + key);
    return v;
  }

  Path path(String key) {
    return Path.of(get(key));
  }

  String dnsServer() {
    return get("dns.server");
  }

  InetSocketAddress dnsAddress() {
    return new InetSocketAddress(dnsServer(), Integer.parseInt(get("dns.port")));
  }

  /** The global options that point mailcheck at the interop DNS server. */
  List<String> resolverArgs() {
    List<String> args =
        new ArrayList<>(
            List.of("--resolver", dnsServer() + ":" + get("dns.port"), "--timeout", "5s"));
    // The lab's zones are signed under its own anchors (run.sh exports them), not the root's.
    String anchors = props.getProperty("dnssec.anchors");
    if (anchors != null) args.addAll(List.of("--trust-anchor", anchors));
    return args;
  }

  String password() {
    try {
      return Files.readString(path("auth.passwordFile"), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * mailcheck in-process with the interop resolver prepended: {@code mailcheck ARGS --resolver
   * ...}.
   */
  CliRun mailcheck(String... args) {
    assumeAvailable(
        args[0].equals("dkim") && args.length > 1 && args[1].equals("verify")
            ? "dkim verify"
            : args[0]);
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(resolverArgs());
    return CliRun.of(all.toArray(String[]::new));
  }

  /**
   * Skips (never passes) a test of a command that is still the skeleton's hidden stub on this
   * branch; the test runs by itself as soon as the command lands (its owner unhides the class).
   */
  static void assumeAvailable(String command) {
    String cls =
        switch (command.split(" ")[0]) {
          case "mx" -> "MxCommand";
          case "ptr" -> "PtrCommand";
          case "spf" -> "SpfCommand";
          case "dkim" -> "DkimCommand";
          case "dmarc" -> "DmarcCommand";
          case "smtp" -> "SmtpCommand";
          case "ports" -> "PortsCommand";
          case "domain" -> "DomainCommand";
          case "dnssec" -> "DnssecCommand";
          case "dane" -> "DaneCommand";
          case "blocklist" -> "BlocklistCommand";
          case "mta-sts" -> "MtaStsCommand";
          case "bimi" -> "BimiCommand";
          case "message" -> "MessageCommand";
          case "send" -> "SendCommand";
          default -> throw new IllegalArgumentException(command);
        };
    boolean stub;
    try {
      stub =
          Class.forName("dev.mailcheck.cli." + cls)
              .getAnnotation(picocli.CommandLine.Command.class)
              .hidden();
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    Assumptions.assumeFalse(
        stub, () -> "mailcheck " + command + " is not implemented on this branch yet");
  }

  /** Result of an external reference tool run. */
  record Tool(int exitCode, String output) {}

  /**
   * Runs a reference tool (swaks, openssl...) with a deadline; stdout and stderr together. Secrets
   * go through {@code env}, never through the arguments.
   */
  static Tool tool(Map<String, String> env, String... command) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.environment().putAll(env);
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("timed out: " + String.join(" ", command));
      }
      return new Tool(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command[0] + " (installed by run.sh)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void assertContains(Tool t, String... expected) {
    assertThat(redacted(t.output())).contains(expected);
  }

  private static final java.util.Set<String> VERBS =
      java.util.Set.of(
          "EHLO", "HELO", "MAIL", "RCPT", "DATA", "QUIT", "RSET", "STARTTLS", "NOOP", "VRFY");

  /**
   * Tool output with what the client sent for AUTH removed: the mechanism stays, the initial
   * response and every continuation line (base64 user names and passwords) become [redacted].
   */
  static String redacted(String s) {
    StringBuilder out = new StringBuilder();
    for (String line : s.split("\n", -1)) {
      var m = java.util.regex.Pattern.compile("^( [~-]> )(\\S*)(.*)$").matcher(line);
      if (m.matches() && !VERBS.contains(m.group(2).toUpperCase(java.util.Locale.ROOT))) {
        line =
            m.group(2).equalsIgnoreCase("AUTH")
                ? m.group(1) + "AUTH " + m.group(3).strip().split(" ")[0] + " [redacted]"
                : m.group(1) + "[redacted]";
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }
}
