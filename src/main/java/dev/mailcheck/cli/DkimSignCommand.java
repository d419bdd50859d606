package dev.mailcheck.cli;

import dev.mailcheck.checks.dkim.BodyHashes;
import dev.mailcheck.checks.dkim.Canonicalization;
import dev.mailcheck.checks.dkim.DkimAlgorithm;
import dev.mailcheck.checks.dkim.DkimPrivateKey;
import dev.mailcheck.checks.dkim.DkimSigner;
import dev.mailcheck.checks.dkim.MessageInput;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mailcheck dkim sign FILE|- --domain D --selector S --key KEY.pem}: the signed message on
 * stdout.
 */
@Command(
    name = "sign",
    description = {
      "Sign a message with DKIM and write it to standard output.",
      "RSA (rsa-sha256, RFC 6376) or Ed25519 (ed25519-sha256, RFC 8463).",
      "The private key is read from a PEM file (PKCS#1 or PKCS#8; or dkimpy's raw Ed25519 key), never from the command line.",
      "From is over-signed by default."
    })
final class DkimSignCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The message (.eml), or - for standard input.")
  String file;

  @Option(
      names = "--domain",
      required = true,
      paramLabel = "D",
      description = "d=: the signing domain.")
  String domain;

  @Option(
      names = {"-s", "--selector"},
      required = true,
      paramLabel = "S",
      description = "s=: the selector of the published key.")
  String selector;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "KEY.pem",
      description = "The private key file.")
  Path key;

  @Option(
      names = "--algorithm",
      paramLabel = "ALG",
      description = "rsa-sha256 or ed25519-sha256 (default: the key's type).")
  String algorithm;

  @Option(
      names = "--headers",
      paramLabel = "h1:h2",
      description =
          "The header fields to sign, colon-separated (default: From, To, Subject, Date, Message-ID and the other usual ones present).")
  String headers;

  @Option(
      names = "--canon",
      paramLabel = "H/B",
      defaultValue = "relaxed/relaxed",
      description =
          "Header/body canonicalization: relaxed or simple each (default: ${DEFAULT-VALUE}).")
  String canon;

  @Option(names = "--no-oversign", description = "Do not over-sign From.")
  boolean noOversign;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the signed message here instead of standard output.")
  Path output;

  @Override
  public Integer call() throws Exception {
    String d = BaseCommand.dkimDomain(domain);
    String s = new Converters.DkimSelector().convert(selector);
    String[] c = canon.strip().toLowerCase(java.util.Locale.ROOT).split("/", -1);
    Optional<Canonicalization> hc = Canonicalization.of(c[0]);
    Optional<Canonicalization> bc =
        c.length == 2
            ? Canonicalization.of(c[1])
            : c.length == 1 ? Optional.of(Canonicalization.SIMPLE) : Optional.empty();
    if (hc.isEmpty() || bc.isEmpty())
      throw new InputException(
          "--canon: '"
              + canon
              + "' is not header/body with relaxed or simple (e.g. relaxed/relaxed)");
    DkimPrivateKey k = readKey();
    if (algorithm != null) {
      var want = DkimAlgorithm.of(algorithm.strip());
      if (want.isEmpty() || want.get() == DkimAlgorithm.RSA_SHA1)
        throw new InputException(
            "--algorithm: '" + algorithm + "' is not rsa-sha256 or ed25519-sha256");
      if (want.get() != k.algorithm())
        throw new InputException(
            "--algorithm "
                + algorithm
                + " does not fit the key, which is for "
                + k.algorithm().token());
    }
    List<String> h =
        headers == null
            ? List.of()
            : Arrays.stream(headers.split(":"))
                .map(String::strip)
                .filter(x -> !x.isEmpty())
                .toList();
    if (headers != null && h.stream().noneMatch(x -> x.equalsIgnoreCase("from")))
      throw new InputException("--headers must include From (RFC 6376 §5.4)");
    var options =
        new DkimSigner.Options(
            d, s, hc.get(), bc.get(), h, !noOversign, java.time.Instant.now().getEpochSecond());

    Path source;
    Path spool = null;
    if (file.equals("-")) {
      // Standard input is read twice (hash, then copy): it is spooled to a private temporary file.
      spool =
          Files.createTempFile(
              "mailcheck-sign",
              ".eml",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (InputStream in = MessageFiles.open("-", MessageFiles.MAX_BYTES)) {
        Files.copy(in, spool, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        Files.deleteIfExists(spool);
        throw MessageFiles.readError("-", e);
      }
      source = spool;
    } else source = Path.of(file);
    try {
      String field;
      try (InputStream in = MessageFiles.open(source.toString(), MessageFiles.MAX_BYTES)) {
        MessageInput message = MessageFiles.read(file, in);
        BodyHashes hashes = new BodyHashes(List.of(options.bodyRequest()));
        message.streamBody(hashes);
        String eol = message.lineEndingsConverted() ? "\n" : "\r\n";
        field = DkimSigner.sign(message.headers(), hashes.finish(), k, options, eol);
      } catch (IOException e) {
        throw MessageFiles.readError(file, e);
      }
      spec.commandLine().getOut().flush();
      OutputStream out = output == null ? System.out : Files.newOutputStream(output);
      try (InputStream in = Files.newInputStream(source)) {
        out.write(field.getBytes(StandardCharsets.ISO_8859_1));
        in.transferTo(out);
        out.flush();
      } finally {
        if (output != null) out.close();
      }
    } finally {
      if (spool != null) Files.deleteIfExists(spool);
    }
    return ExitCode.OK;
  }

  private DkimPrivateKey readKey() {
    return KeyFiles.readKey(key, "--key");
  }
}
