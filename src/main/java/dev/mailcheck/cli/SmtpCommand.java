package dev.mailcheck.cli;

import dev.mailcheck.checks.Checks;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.smtp.ProbeRequest;
import dev.mailcheck.smtp.TlsMode;
import dev.mailcheck.smtp.TlsWarmup;
import dev.mailcheck.smtp.Transaction;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailcheck smtp HOST[:PORT]}: one SMTP service, or all mail ports with --all-ports. */
@Command(
    name = "smtp",
    description = {
      "Probe an SMTP server: greeting, TLS, certificate, AUTH, relay.",
      "Covers the greeting, EHLO, STARTTLS or implicit TLS (RFC 8314), the certificate chain and"
          + " name, AUTH with --user, and an open-relay test with --relay-test. Passwords come from"
          + " --password-file, MAILCHECK_PASSWORD or a prompt; OAuth tokens (XOAUTH2) from"
          + " --token-file or MAILCHECK_OAUTH_TOKEN."
    })
final class SmtpCommand extends BaseCommand {
  @Parameters(
      paramLabel = "HOST[:PORT]",
      description =
          "Name or IP address, like mail.example.com:587 or [2001:db8::1]:25 (default port 25;"
              + " 465 with --tls).")
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
      description = "Name to send in EHLO (default: our address literal, like [192.0.2.7]).")
  String ehlo;

  @Mixin AuthOptions authOptions = new AuthOptions();

  @Option(
      names = "--allow-plaintext-auth",
      description = "Allow AUTH on an unencrypted connection (sends the password in clear).")
  boolean allowPlaintextAuth;

  @Option(
      names = "--relay-test",
      description =
          "Test for an open relay: MAIL FROM and RCPT TO foreign domains, never DATA, then RSET.")
  boolean relayTest;

  @Option(
      names = "--rcpt",
      paramLabel = "ADDR",
      description =
          "Recipient check: after EHLO, TLS and AUTH send MAIL FROM and RCPT TO ADDR (repeat for"
              + " several), explain each answer, then QUIT; never DATA.")
  List<String> rcpt = new ArrayList<>();

  @Option(
      names = "--mail-from",
      paramLabel = "ADDR",
      description = "The MAIL FROM of the recipient check (default: the null sender <>).")
  String mailFrom;

  @Mixin TlsTrustOptions trust = new TlsTrustOptions();

  @Mixin PrivateAddressOption privateAddresses = new PrivateAddressOption();

  @Option(
      names = "--no-legacy-tls",
      description = "Skip the extra connection that checks whether TLS 1.0/1.1 are still accepted.")
  boolean noLegacyTls;

  @Option(
      names = "--all-ports",
      description = "Probe ports 25, 465 and 587 in parallel (same as 'mailcheck ports').")
  boolean allPorts;

  /** Where passwords and tokens come from; tests replace it (environment map, prompt). */
  Secrets secrets = Secrets.system();

  @Override
  public Integer call() throws Exception {
    if (!mode.noTls)
      TlsWarmup.start(); // the TLS set-up overlaps parsing, DNS, connect and greeting
    RunContext ctx = context();
    authOptions.validate();
    if (allPorts && (authOptions.requested() || relayTest || !rcpt.isEmpty()))
      throw new InputException(
          "--all-ports cannot be combined with --user, --relay-test or --rcpt");
    if (relayTest && !rcpt.isEmpty())
      throw new InputException("--relay-test and --rcpt cannot be combined");
    if (mailFrom != null && rcpt.isEmpty()) throw new InputException("--mail-from needs --rcpt");
    HostPort hp = ProbeRequests.target(target, mode.tls ? 465 : 25);
    ProbeRequest.Builder builder =
        ProbeRequests.builder(hp, ctx, trust, privateAddresses)
            .legacyTlsCheck(!noLegacyTls && !allPorts)
            .relayTest(relayTest)
            .allowPlaintextAuth(allowPlaintextAuth);
    if (ehlo != null) builder.ehloName(ProbeRequests.ehloName(ehlo));
    if (mode.tls) builder.tlsMode(TlsMode.IMPLICIT);
    else if (mode.starttls) builder.tlsMode(TlsMode.STARTTLS);
    else if (mode.noTls) builder.tlsMode(TlsMode.NONE);
    authOptions.credentials(secrets, spec.commandLine().getErr()).ifPresent(builder::auth);
    if (!rcpt.isEmpty())
      builder.transaction(
          Transaction.recipientCheck(
              mailFrom == null ? "" : SendCommand.address(mailFrom, "--mail-from"),
              rcpt.stream().map(a -> SendCommand.address(a, "--rcpt")).toList()));
    ProbeRequest request = builder.build();
    return runWithOptionalDns(
        ctx,
        ProbeRequests.needsDns(hp),
        settings(ctx).withAllowPrivate(privateAddresses.allowPrivate),
        checks ->
            allPorts
                ? report("ports", hp.host(), Checks.PORTS.run(request, checks).join())
                : report(
                    "smtp", ProbeRequests.display(hp), Checks.SMTP.run(request, checks).join()));
  }

  /** A domain name or an address literal like {@code [192.0.2.1]} (RFC 5321 §4.1.1.1). */
}
