package dev.mailcheck.cli;

import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.dkim.DkimCheck;
import dev.mailcheck.checks.dkim.DkimVerifier;
import dev.mailcheck.checks.dkim.DkimVerifyCheck;
import dev.mailcheck.checks.dkim.MessageInput;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.Report;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
    /** Larger input is refused: real messages with signatures are far smaller. */
    static final int MAX_BYTES = 50 * 1024 * 1024;

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
      if (file.isBlank())
        throw new InputException(
            "the FILE name is empty; give an .eml file or - for standard input");
      String shown = file.equals("-") ? "standard input" : file;
      // Streamed: the header section is read now, the body only while hashing, so a message of
      // up to MAX_BYTES verifies in a small heap (docs/dkim.md, "Input").
      try (InputStream in = open(file)) {
        MessageInput message;
        try {
          BufferedInputStream buffered = new BufferedInputStream(new Limited(in), PEEK_BYTES);
          buffered.mark(PEEK_BYTES);
          byte[] start = buffered.readNBytes(PEEK_BYTES);
          buffered.reset();
          if (start.length == 0)
            throw new InputException(shown + " is empty; expected an email message (.eml)");
          if (!startsWithHeaderField(start))
            throw new InputException(
                shown
                    + " is not an email message: it has no header fields (expected an .eml file)");
          message = MessageInput.read(buffered);
        } catch (IOException e) {
          throw readError(e);
        }
        return verify(message);
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
        if (e.getCause() instanceof UncheckedIOException io) throw readError(io.getCause());
        throw e;
      }
    }

    private DkimVerifier.Sha1Policy sha1Policy() {
      return rfc8301 ? DkimVerifier.Sha1Policy.REJECT : DkimVerifier.Sha1Policy.VERIFY_AND_WARN;
    }

    /**
     * True when the first line (after an mbox "From " line) is a header field: a name of printable
     * ASCII other than ':' followed by ':' (RFC 5322 §2.2, §3.6.8). Binary files and other text are
     * not.
     */
    static boolean startsWithHeaderField(byte[] octets) {
      int i = 0;
      if (octets.length >= 5
          && new String(octets, 0, 5, StandardCharsets.ISO_8859_1).equals("From ")) {
        while (i < octets.length && octets[i] != '\n') i++;
        i++;
      }
      int start = i;
      while (i < octets.length && octets[i] >= 33 && octets[i] <= 126 && octets[i] != ':') i++;
      return i > start && i < octets.length && octets[i] == ':';
    }

    /** The first octets, enough to tell a message from other files. */
    private static final int PEEK_BYTES = 64 * 1024;

    private static InputStream open(String file) {
      if (file.equals("-")) return System.in;
      try {
        Path path = Path.of(file);
        // Refused before reading, so a huge file costs nothing; stdin is counted while streamed.
        if (Files.isRegularFile(path) && Files.size(path) > MAX_BYTES) throw new TooLarge();
        return Files.newInputStream(path);
      } catch (IOException | InvalidPathException e) {
        throw readError(file, e);
      }
    }

    private InputException readError(IOException e) {
      return readError(file, e);
    }

    private static InputException readError(String file, Exception e) {
      String shown = file.equals("-") ? "standard input" : file;
      if (e instanceof TooLarge)
        return new InputException(shown + ": larger than 50 MB; not a message to verify");
      if (e instanceof MessageInput.HeaderTooLargeException)
        return new InputException(shown + ": " + e.getMessage() + "; not a message to verify");
      String why =
          e instanceof NoSuchFileException
              ? "no such file"
              : e instanceof AccessDeniedException
                  ? "permission denied"
                  : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new InputException("cannot read " + file + ": " + why);
    }

    /** More than {@link #MAX_BYTES} octets. */
    private static final class TooLarge extends IOException {
      private static final long serialVersionUID = 1L;
    }

    /** Counts what is read and stops past {@link #MAX_BYTES}: standard input has no size. */
    private static final class Limited extends FilterInputStream {
      private long count;

      Limited(InputStream in) {
        super(in);
      }

      @Override
      public int read() throws IOException {
        int c = super.read();
        if (c >= 0) counted(1);
        return c;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) counted(n);
        return n;
      }

      private void counted(int n) throws TooLarge {
        count += n;
        if (count > MAX_BYTES) throw new TooLarge();
      }
    }
  }
}
