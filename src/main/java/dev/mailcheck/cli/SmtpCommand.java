package dev.mailcheck.cli;

import dev.mailcheck.checks.Checks;
import dev.mailcheck.dns.DnsStack;
import dev.mailcheck.internal.CouldNotRunException;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.Report;
import dev.mailcheck.smtp.AuthRequest;
import dev.mailcheck.smtp.CertificateInspector;
import dev.mailcheck.smtp.ProbeRequest;
import dev.mailcheck.smtp.Secret;
import dev.mailcheck.smtp.TlsMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code mailcheck smtp HOST[:PORT]}: one SMTP service, or all mail ports with --all-ports. */
@Command(
    name = "smtp",
    description = {
      "Probe an SMTP server: greeting, TLS, certificate, AUTH, relay.",
      "Covers the greeting, EHLO, STARTTLS or implicit TLS (RFC 8314), the certificate chain and name,",
      "AUTH with --user, and an open-relay test with --relay-test.",
      "Passwords come from MAILCHECK_PASSWORD, --password-file or a prompt; tokens from MAILCHECK_OAUTH_TOKEN or --token-file."
    })
final class SmtpCommand extends BaseCommand {
  static final List<String> MECHANISMS = List.of("PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2");

  @Parameters(
      paramLabel = "HOST[:PORT]",
      description =
          "Name or IP literal, e.g. mail.example.com:587 or [2001:db8::1]:25 (default port 25; 465 with --tls).")
  String target;

  static final class Mode {
    @Option(names = "--starttls", description = "Require STARTTLS (default: use it when offered).")
    boolean starttls;

    @Option(
        names = "--tls",
        description = "Implicit TLS from the first byte (RFC 8314); default port 465.")
    boolean tls;

    @Option(
        names = "--no-tls",
        description = "Do not start TLS; report the plaintext session only.")
    boolean noTls;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Mode mode = new Mode();

  @Option(
      names = "--ehlo",
      paramLabel = "NAME",
      description = "Name to send in EHLO (default: our address literal, e.g. [192.0.2.7]).")
  String ehlo;

  @Option(
      names = "--user",
      paramLabel = "USER",
      description = "Authenticate as USER (only over TLS unless --allow-plaintext-auth).")
  String user;

  @Option(
      names = "--auth",
      paramLabel = "MECH",
      description =
          "SASL mechanism: PLAIN, LOGIN, CRAM-MD5, XOAUTH2 (default: the strongest offered).")
  String auth;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "Read the password from the first line of FILE.")
  Path passwordFile;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "Read an OAuth 2 bearer token (for XOAUTH2) from FILE.")
  Path tokenFile;

  @Option(
      names = "--allow-plaintext-auth",
      description = "Allow AUTH on an unencrypted connection (sends the password in clear).")
  boolean allowPlaintextAuth;

  @Option(
      names = "--relay-test",
      description =
          "Test for an open relay: MAIL FROM and RCPT TO foreign domains, never DATA, then RSET.")
  boolean relayTest;

  @picocli.CommandLine.Mixin TlsTrustOptions trust = new TlsTrustOptions();

  @picocli.CommandLine.Mixin PrivateAddressOption privateAddresses = new PrivateAddressOption();

  @Option(
      names = "--no-legacy-tls",
      description = "Skip the extra connection that checks whether TLS 1.0/1.1 are still accepted.")
  boolean noLegacyTls;

  @Option(
      names = "--all-ports",
      description = "Probe ports 25, 465 and 587 in parallel (same as 'mailcheck ports').")
  boolean allPorts;

  @Override
  public Integer call() throws Exception {
    if (!mode.noTls)
      dev.mailcheck.smtp.TlsWarmup
          .start(); // the TLS set-up overlaps parsing, DNS, connect and greeting
    RunContext ctx = context();
    long start = System.nanoTime();
    if (auth != null && user == null) throw new InputException("--auth needs --user");
    if (auth != null && !MECHANISMS.contains(auth.toUpperCase(Locale.ROOT))) {
      throw new InputException(
          "--auth must be one of " + String.join(", ", MECHANISMS) + ", not '" + auth + "'");
    }
    if (allPorts && (user != null || relayTest))
      throw new InputException("--all-ports cannot be combined with --user or --relay-test");
    HostPort hp = parseTarget(target, mode.tls ? 465 : 25);
    Optional<AuthRequest> credentials =
        user == null ? Optional.empty() : Optional.of(credentials());
    var builder =
        baseRequest(hp, ctx.timeout(), trust.caFile, trust.insecure)
            .legacyTlsCheck(!noLegacyTls && !allPorts)
            .relayTest(relayTest)
            .allowPlaintextAuth(allowPlaintextAuth)
            .allowPrivate(privateAddresses.allowPrivate);
    if (ehlo != null) {
      boolean literal = ehlo.matches("\\[(IPv6:[0-9A-Fa-f:.]+|[0-9.]+)\\]");
      boolean name =
          ehlo.matches("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*");
      if (!literal && !name)
        throw new InputException(
            "--ehlo must be a domain name or an address literal like [192.0.2.1], not '"
                + ehlo.replaceAll("\\p{Cntrl}", "?")
                + "'");
      builder.ehloName(ehlo);
    }
    if (mode.tls) builder.tlsMode(TlsMode.IMPLICIT);
    else if (mode.starttls) builder.tlsMode(TlsMode.STARTTLS);
    else if (mode.noTls) builder.tlsMode(TlsMode.NONE);
    credentials.ifPresent(builder::auth);
    ProbeRequest request = builder.build();
    DnsStack dns = openDnsIfNeeded(ctx, needsDns(hp.host()));
    try {
      Report report =
          withChecks(
                  ctx,
                  dns,
                  settings(ctx).withAllowPrivate(privateAddresses.allowPrivate),
                  checks ->
                      allPorts
                          ? report("ports", hp.host(), Checks.PORTS.run(request, checks).join())
                          : report("smtp", display(hp), Checks.SMTP.run(request, checks).join()))
              .withDuration(Duration.ofNanos(System.nanoTime() - start));
      return finish(ctx, report, dns);
    } finally {
      closeDns(dns);
    }
  }

  static HostPort parseTarget(String value, int defaultPort) {
    try {
      return HostPort.parse(value, defaultPort);
    } catch (TypeConversionException e) {
      throw new InputException(e.getMessage());
    }
  }

  static String display(HostPort hp) {
    return (hp.host().contains(":") ? "[" + hp.host() + "]" : hp.host()) + ":" + hp.port();
  }

  /** Host, port, timeout and trust: what {@code smtp} and {@code ports} share. */
  static ProbeRequest.Builder baseRequest(
      HostPort hp, Duration timeout, Path caFile, boolean insecure) {
    var literal = dev.mailcheck.internal.InetAddresses.parse(hp.host());
    String host =
        literal.isPresent()
            ? hp.host().strip()
            : dev.mailcheck.internal.DomainNames.normalize(hp.host());
    var b = ProbeRequest.builder(host, hp.port()).timeout(timeout).insecure(insecure);
    if (caFile != null) b.trustAnchors(readCaFile(caFile));
    return b;
  }

  static List<X509Certificate> readCaFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return CertificateInspector.readBundle(in);
    } catch (IOException e) {
      throw new InputException("cannot read --ca-file " + file + ": " + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new InputException(
          "--ca-file " + file + " holds no usable certificate: " + e.getMessage());
    }
  }

  static boolean needsDns(String host) {
    return !dev.mailcheck.internal.InetAddresses.isLiteral(host);
  }

  static void closeDns(DnsStack dns) {
    if (dns == null) return;
    try {
      dns.close();
    } catch (Exception e) {
      throw new CouldNotRunException("could not finish the DNS recording: " + e.getMessage());
    }
  }

  /** Where passwords and tokens come from; tests replace it (environment map, prompt). */
  SecretSources secrets = SecretSources.system();

  private AuthRequest credentials() {
    return secrets.credentials(user, auth, passwordFile, tokenFile, spec.commandLine().getErr());
  }

  /**
   * The secret sources, in order: {@code --token-file} / {@code MAILCHECK_OAUTH_TOKEN} for XOAUTH2;
   * otherwise {@code --password-file}, then {@code MAILCHECK_PASSWORD}, then an interactive prompt
   * (no echo). A secret is never taken from the command line, and nothing here prints one.
   *
   * @param env the environment ({@code System.getenv()} in production)
   * @param prompt asks for a password without echo; empty when there is no terminal
   */
  record SecretSources(Map<String, String> env, Prompt prompt) {
    /**
     * Longest first line read from a secret file: a long OAuth token fits, /dev/zero does not hang.
     */
    static final int MAX_SECRET_BYTES = 64 * 1024;

    SecretSources {
      env = Map.copyOf(env);
    }

    /** Reads a password without echo; empty when there is no terminal or nothing was entered. */
    @FunctionalInterface
    interface Prompt {
      Optional<char[]> readPassword(String prompt);
    }

    static SecretSources system() {
      return new SecretSources(
          System.getenv(),
          text -> {
            java.io.Console console = System.console();
            if (console == null || !Terminal.isInteractive()) return Optional.empty();
            return Optional.ofNullable(console.readPassword("%s", text));
          });
    }

    AuthRequest credentials(
        String user, String auth, Path passwordFile, Path tokenFile, java.io.PrintWriter err) {
      boolean wantsToken = tokenFile != null || "XOAUTH2".equalsIgnoreCase(auth);
      if (wantsToken) {
        String envToken = env.get("MAILCHECK_OAUTH_TOKEN");
        Secret token =
            tokenFile != null
                ? readSecretFile(tokenFile, "--token-file", err)
                : envToken != null && !envToken.isEmpty() ? Secret.of(envToken) : null;
        if (token == null)
          throw new InputException(
              "XOAUTH2 needs a token: set MAILCHECK_OAUTH_TOKEN or use --token-file");
        return new AuthRequest(user, token, Optional.of("XOAUTH2"), true);
      }
      Optional<String> mech = Optional.ofNullable(auth).map(a -> a.toUpperCase(Locale.ROOT));
      if (passwordFile != null)
        return new AuthRequest(
            user, readSecretFile(passwordFile, "--password-file", err), mech, false);
      String fromEnv = env.get("MAILCHECK_PASSWORD");
      if (fromEnv != null && !fromEnv.isEmpty())
        return new AuthRequest(user, Secret.of(fromEnv), mech, false);
      char[] pw =
          prompt
              .readPassword("Password for " + user.replaceAll("\\p{Cntrl}", "?") + ": ")
              .orElseThrow(
                  () ->
                      new InputException(
                          "no password for --user: set MAILCHECK_PASSWORD, use --password-file, or run in a terminal to be prompted"));
      try {
        if (pw.length == 0) throw new InputException("no password entered");
        return new AuthRequest(user, new Secret(pw), mech, false);
      } finally {
        java.util.Arrays.fill(pw, '\0');
      }
    }

    /**
     * The first line of {@code file} without its line end ({@code \n} or {@code \r\n}), read with a
     * cap. A file other users can read gets a one-line warning on stderr (like ssh, but not fatal:
     * the run goes on, since the secret is already exposed and refusing would not undo that).
     */
    static Secret readSecretFile(Path file, String option, java.io.PrintWriter err) {
      byte[] head;
      try (InputStream in = Files.newInputStream(file)) {
        head = in.readNBytes(MAX_SECRET_BYTES + 1);
      } catch (IOException e) {
        throw new InputException("cannot read " + option + " " + file + ": " + reason(e));
      }
      int nl = 0;
      while (nl < head.length && head[nl] != '\n') nl++;
      if (nl > MAX_SECRET_BYTES)
        throw new InputException(
            option + " " + file + ": first line longer than " + MAX_SECRET_BYTES + " bytes");
      int end = nl > 0 && head[nl - 1] == '\r' ? nl - 1 : nl;
      if (end == 0) throw new InputException(option + " " + file + " is empty");
      var chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(head, 0, end));
      char[] value = new char[chars.remaining()];
      chars.get(value);
      java.util.Arrays.fill(head, (byte) 0);
      Secret secret = new Secret(value);
      java.util.Arrays.fill(value, '\0');
      if (othersCanRead(file)) {
        err.println(
            "mailcheck: warning: "
                + option
                + " "
                + file
                + " is readable by other users; restrict it (chmod 600)");
        err.flush();
      }
      return secret;
    }

    private static boolean othersCanRead(Path file) {
      try {
        return Files.getPosixFilePermissions(file)
            .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
      } catch (IOException | UnsupportedOperationException e) {
        return false;
      }
    }

    private static String reason(IOException e) {
      if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
      if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
      String m = e.getMessage();
      return m == null ? e.getClass().getSimpleName() : m.replaceAll("\\p{Cntrl}", "?");
    }
  }
}
