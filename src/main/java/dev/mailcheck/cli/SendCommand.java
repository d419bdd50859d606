package dev.mailcheck.cli;

import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.send.MessageBuilder;
import dev.mailcheck.checks.send.Providers;
import dev.mailcheck.checks.send.SendCheck;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.smtp.ProbeRequest;
import dev.mailcheck.smtp.Stage;
import dev.mailcheck.smtp.TlsMode;
import dev.mailcheck.smtp.Transaction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mailcheck send --to ADDR}: one delivery, stage by stage, every reply explained. */
@Command(
    name = "send",
    description = {
      "Send a test message and explain every stage of the SMTP transaction.",
      "Goes through connect, greeting, EHLO, STARTTLS or implicit TLS, AUTH with --user, MAIL FROM,"
          + " RCPT TO and DATA (or BDAT), and explains each refusal: the likely cause and the fix."
          + " Without --server the message goes to the recipient domain's MX hosts in preference"
          + " order, trying the next one after a connection failure or a temporary (4xx) answer."
          + " Passwords come from --password-file, MAILCHECK_PASSWORD or a prompt; OAuth tokens"
          + " (XOAUTH2) from --token-file or MAILCHECK_OAUTH_TOKEN.",
      "Exit code 0 when the message was accepted (or the --quit-after stage was reached), 1 when it"
          + " was refused, 3 when no server could be reached."
    })
final class SendCommand extends BaseCommand {
  /** Body, attachments and the built message stay in memory; larger input is refused. */
  static final long MAX_INPUT_BYTES = 40L * 1024 * 1024;

  @Option(
      names = "--to",
      paramLabel = "ADDR",
      description = "A recipient; repeat for several (all in the same domain without --server).")
  List<String> to = new ArrayList<>();

  @Option(
      names = "--from",
      paramLabel = "ADDR",
      description =
          "The sender (MAIL FROM and the From header); default: --user when it is an address.")
  String from;

  @Option(
      names = "--server",
      paramLabel = "HOST[:PORT]",
      description =
          "Send through this server (default port 25; 587 with --user; 465 with --tls) instead of"
              + " the recipient domain's MX hosts.")
  String server;

  @Option(
      names = "--provider",
      paramLabel = "NAME",
      description =
          "Submit through this provider's service (gmail, outlook, office365, yahoo, icloud,"
              + " fastmail, zoho: host, port and TLS mode from 'mailcheck providers').")
  String provider;

  static final class Mode {
    @Option(names = "--starttls", description = "Require STARTTLS (default: use it when offered).")
    boolean starttls;

    @Option(
        names = "--tls",
        description = "Implicit TLS from the first byte (RFC 8314); default port 465.")
    boolean tls;

    @Option(names = "--no-tls", description = "Do not start TLS.")
    boolean noTls;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Mode mode = new Mode();

  @Mixin AuthOptions authOptions = new AuthOptions();

  @Option(
      names = "--allow-plaintext-auth",
      description = "Allow AUTH on an unencrypted connection (sends the password in clear).")
  boolean allowPlaintextAuth;

  @Option(
      names = "--quit-after",
      paramLabel = "STAGE",
      description =
          "Stop after this stage and send QUIT: connect, banner, ehlo, tls, auth, mail, rcpt or data"
              + " (default: data, the message is sent).")
  String quitAfter;

  @Option(
      names = "--subject",
      paramLabel = "TEXT",
      description = "The Subject (default: mailcheck send test).")
  String subject;

  @Option(
      names = "--header",
      paramLabel = "'Name: value'",
      description = "An extra header field; repeat for several. CR or LF in it is refused.")
  List<String> headers = new ArrayList<>();

  @Option(
      names = "--body",
      paramLabel = "FILE",
      description =
          "The text body from FILE, or - for standard input (default: a short test text).")
  String body;

  @Option(
      names = "--attach",
      paramLabel = "FILE",
      description = "Attach FILE (base64, multipart/mixed); repeat for several.")
  List<Path> attachments = new ArrayList<>();

  @Option(
      names = "--dkim-key",
      paramLabel = "KEY.pem",
      description =
          "Sign the message with DKIM using this private key file (needs --dkim-selector).")
  Path dkimKey;

  @Option(
      names = "--dkim-selector",
      paramLabel = "S",
      description = "s=: the selector of the published key.")
  String dkimSelector;

  @Option(
      names = "--dkim-domain",
      paramLabel = "D",
      description = "d=: the signing domain (default: the domain of --from).")
  String dkimDomain;

  @Option(
      names = "--8bitmime",
      description = "Send a non-ASCII body as 8bit with BODY=8BITMIME (default: quoted-printable).")
  boolean eightBitMime;

  @Option(
      names = "--smtputf8",
      description =
          "Declare SMTPUTF8 (RFC 6531) even for ASCII addresses; non-ASCII ones always do.")
  boolean smtpUtf8;

  @Option(
      names = "--pipelining",
      description =
          "Group MAIL FROM and the RCPT TOs in one write when the server offers PIPELINING.")
  boolean pipelining;

  @Option(
      names = "--chunking",
      description = "Send the message with BDAT when the server offers CHUNKING (RFC 3030).")
  boolean chunking;

  @Option(
      names = "--ehlo",
      paramLabel = "NAME",
      description = "Name to send in EHLO (default: our address literal, like [192.0.2.7]).")
  String ehlo;

  @Mixin TlsTrustOptions trust = new TlsTrustOptions();

  @Mixin PrivateAddressOption privateAddresses = new PrivateAddressOption();

  /** Where passwords and tokens come from; tests replace it. */
  Secrets secrets = Secrets.system();

  @Override
  public Integer call() throws Exception {
    RunContext ctx = context();
    authOptions.validate();
    if (to.isEmpty()) throw new InputException("--to ADDR is needed (at least one recipient)");
    List<String> rcpts = to.stream().map(a -> address(a, "--to")).toList();
    String sender =
        from != null
            ? address(from, "--from")
            : Optional.ofNullable(authOptions.user)
                .filter(u -> u.contains("@"))
                .map(u -> address(u, "--user"))
                .orElseThrow(
                    () ->
                        new InputException(
                            "--from is needed (the envelope sender and From header)"));
    Stage stage =
        quitAfter == null
            ? Stage.DATA
            : Stage.of(quitAfter)
                .orElseThrow(
                    () ->
                        new InputException(
                            "--quit-after must be connect, banner, ehlo, tls, auth, mail, rcpt or data, not '"
                                + quitAfter.replaceAll("\\p{Cntrl}", "?")
                                + "'"));
    if ((dkimKey == null) != (dkimSelector == null))
      throw new InputException("--dkim-key and --dkim-selector go together");
    Optional<String> mxDomain = Optional.empty();
    HostPort hp;
    Optional<Providers.Provider> preset = Optional.empty();
    if (provider != null) {
      if (server != null) throw new InputException("--provider and --server cannot be combined");
      preset =
          Optional.of(
              Providers.find(provider)
                  .orElseThrow(
                      () ->
                          new InputException(
                              "--provider: unknown provider '"
                                  + provider.replaceAll("\\p{Cntrl}", "?")
                                  + "'; known: "
                                  + String.join(", ", Providers.names()))));
      hp = new HostPort(preset.get().host(), preset.get().port());
    } else if (server != null) {
      int port = mode.tls ? 465 : authOptions.requested() ? 587 : 25;
      hp = ProbeRequests.target(server, port);
    } else {
      String domain = domainOf(rcpts.get(0));
      for (String r : rcpts)
        if (!domainOf(r).equalsIgnoreCase(domain))
          throw new InputException(
              "recipients in several domains need --server (the MX route serves one domain): "
                  + String.join(", ", rcpts));
      String ascii = domainName(domain);
      mxDomain = Optional.of(ascii);
      hp = new HostPort(ascii, mode.tls ? 465 : 25);
    }
    byte[] message = stage == Stage.DATA ? message(sender, rcpts) : new byte[0];
    var tx =
        new Transaction(
            sender, rcpts, message, stage, pipelining, chunking, eightBitMime, smtpUtf8);
    ProbeRequest.Builder builder =
        ProbeRequests.builder(hp, ctx, trust, privateAddresses)
            .allowPlaintextAuth(allowPlaintextAuth)
            .transaction(tx);
    if (ehlo != null) builder.ehloName(ProbeRequests.ehloName(ehlo));
    preset.ifPresent(pr -> builder.tlsMode(pr.tls()));
    if (mode.tls) builder.tlsMode(TlsMode.IMPLICIT);
    else if (mode.starttls) builder.tlsMode(TlsMode.STARTTLS);
    else if (mode.noTls) builder.tlsMode(TlsMode.NONE);
    if (stage.compareTo(Stage.AUTH) >= 0)
      authOptions.credentials(secrets, spec.commandLine().getErr()).ifPresent(builder::auth);
    var query = new SendCheck.Query(builder.build(), mxDomain);
    return runWithOptionalDns(
        ctx,
        mxDomain.isPresent() || ProbeRequests.needsDns(hp),
        settings(ctx).withAllowPrivate(privateAddresses.allowPrivate),
        checks -> report("send", String.join(", ", rcpts), Checks.SEND.run(query, checks).join()));
  }

  private byte[] message(String sender, List<String> rcpts) {
    var b = new MessageBuilder(context().clock(), new SecureRandom()).from(sender).to(rcpts);
    try {
      b.subject(subject == null ? "mailcheck send test" : subject);
      for (String h : headers) b.header(h);
      b.eightBit(eightBitMime);
      long total = 0;
      if (body != null) {
        byte[] text = read(body, "--body");
        total += text.length;
        b.body(new String(text, StandardCharsets.UTF_8));
      } else b.body("This is a test message sent by mailcheck send.\n");
      for (Path a : attachments) {
        byte[] content = read(a.toString(), "--attach");
        total += content.length;
        if (total > MAX_INPUT_BYTES)
          throw new InputException(
              "body and attachments are larger than " + (MAX_INPUT_BYTES >> 20) + " MB together");
        String type = Optional.ofNullable(probeType(a)).orElse("application/octet-stream");
        b.attach(new MessageBuilder.Attachment(a.getFileName().toString(), type, content));
      }
      if (dkimKey != null) {
        String d = dkimDomain != null ? dkimDomain(dkimDomain) : dkimDomain(domainOf(sender));
        b.dkim(
            new MessageBuilder.Dkim(
                KeyFiles.readKey(dkimKey, "--dkim-key"),
                d,
                new Converters.DkimSelector().convert(dkimSelector)));
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage());
    }
  }

  private static String probeType(Path p) {
    try {
      return Files.probeContentType(p);
    } catch (IOException e) {
      return null;
    }
  }

  private static byte[] read(String file, String option) {
    try {
      if (file.equals("-")) {
        try (InputStream in = System.in) {
          byte[] b = in.readNBytes((int) MAX_INPUT_BYTES + 1);
          if (b.length > MAX_INPUT_BYTES)
            throw new InputException(
                option + ": standard input is larger than " + (MAX_INPUT_BYTES >> 20) + " MB");
          return b;
        }
      }
      Path p = Path.of(file);
      if (!Files.isRegularFile(p))
        throw new InputException(option + ": " + file + " is not a file");
      if (Files.size(p) > MAX_INPUT_BYTES)
        throw new InputException(
            option + ": " + file + " is larger than " + (MAX_INPUT_BYTES >> 20) + " MB");
      return Files.readAllBytes(p);
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw new InputException(option + ": cannot read " + file + ": " + e.getMessage());
    }
  }

  /**
   * A mailbox {@code local@domain} (RFC 5321 §4.1.2): one @, a local part and a domain, no space,
   * control character or angle bracket. Non-ASCII is allowed and needs SMTPUTF8 on the wire.
   */
  static String address(String a, String option) {
    String s = a.strip();
    if (s.startsWith("<") && s.endsWith(">")) s = s.substring(1, s.length() - 1);
    int at = s.lastIndexOf('@');
    boolean clean =
        s.codePoints()
            .allMatch(
                c -> c > 0x20 && c != 0x7f && c != '<' && c != '>' && !Character.isISOControl(c));
    if (at <= 0 || at == s.length() - 1 || !clean || s.length() > 320)
      throw new InputException(
          option
              + ": '"
              + a.replaceAll("\\p{Cntrl}", "?")
              + "' is not an address like user@example.com");
    domainName(s.substring(at + 1));
    return s;
  }

  static String domainOf(String address) {
    return address.substring(address.lastIndexOf('@') + 1);
  }
}
