package dev.mailcheck.cli;

import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.dkim.DkimCheck;
import dev.mailcheck.checks.dkim.DkimVerifier;
import dev.mailcheck.checks.dkim.DkimVerifyCheck;
import dev.mailcheck.checks.dkim.MessageInput;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.Report;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mailcheck dkim DOMAIN [--selector S]...}: audits the DKIM keys a domain publishes; {@code
 * mailcheck dkim verify FILE|-}: verifies every DKIM-Signature of a message.
 */
@Command(
    name = "dkim",
    description = {
      "Audit the DKIM keys a domain publishes.",
      "Tries the --selector names first, then selectors of the providers its MX and SPF point at,"
          + " then common defaults. To verify the signatures of a message, use 'mailcheck dkim"
          + " verify FILE.eml'."
    },
    subcommands = {DkimCommand.Verify.class, DkimSignCommand.class, DkimKeygenCommand.class})
final class DkimCommand extends BaseCommand {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DOMAIN",
      description = "The domain whose keys to audit.")
  String domain;

  @Option(
      names = {"-s", "--selector"},
      paramLabel = "S",
      converter = Converters.DkimSelector.class,
      description = "A selector to check (repeatable); a missing one fails.")
  List<String> selectors = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (domain == null)
      throw new InputException("dkim: a DOMAIN is required (or use 'mailcheck dkim verify FILE')");
    String d = domainName(domain);
    RunContext ctx = context();
    return runWithDns(
        ctx,
        settings(ctx),
        checks ->
            report("dkim", d, Checks.DKIM.run(new DkimCheck.Query(d, selectors), checks).join()));
  }

  /** A domain name in A-labels, lower case, without the trailing dot; anything else is exit 2. */
  static String domainName(String input) {
    return dkimDomain(input);
  }

  /** {@code mailcheck dkim verify FILE|-}. */
  @Command(
      name = "verify",
      description = {
        "Verify every DKIM signature of a message.",
        "Checks RSA (RFC 6376) and Ed25519 (RFC 8463) signatures; rsa-sha1 is verified with a"
            + " warning, as RFC 8301 deprecates it. FILE is an .eml file (CRLF or LF line endings)"
            + " or - for standard input, at most 50 MB."
      })
  static final class Verify extends BaseCommand {
    @Parameters(
        index = "0",
        paramLabel = "FILE",
        description = "The message (.eml), or - for standard input.")
    String file;

    @Option(
        names = "--rfc8301",
        description =
            "Treat rsa-sha1 signatures as permerror, as required by RFC 8301 (default: verify"
                + " them and warn).")
    boolean rfc8301;

    @Override
    public Integer call() throws Exception {
      // Streamed: the header section is read now, the body only while hashing, so a message of
      // up to MessageFiles.MAX_BYTES verifies in a small heap (docs/dkim.md, "Input").
      try (InputStream in = MessageFiles.open(file, MessageFiles.MAX_BYTES, MessageFiles.VERIFY)) {
        return verify(MessageFiles.read(file, in, MessageFiles.VERIFY));
      }
    }

    private int verify(MessageInput message) throws Exception {
      RunContext ctx = context();
      String target = file.equals("-") ? "stdin" : file;
      // Without signatures there is no key to fetch and no resolver is needed.
      return runWithOptionalDns(
          ctx,
          message.headers().stream().anyMatch(h -> h.is("DKIM-Signature")),
          settings(ctx),
          checks -> verify(target, message, checks));
    }

    private Report verify(String target, MessageInput message, CheckContext checks) {
      var query = DkimVerifyCheck.Query.of(message, sha1Policy());
      try {
        return report("dkim verify", target, Checks.DKIM_VERIFY.run(query, checks).join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof UncheckedIOException io)
          throw MessageFiles.readError(file, io.getCause(), MessageFiles.VERIFY);
        throw e;
      }
    }

    private DkimVerifier.Sha1Policy sha1Policy() {
      return rfc8301 ? DkimVerifier.Sha1Policy.REJECT : DkimVerifier.Sha1Policy.VERIFY_AND_WARN;
    }
  }
}
