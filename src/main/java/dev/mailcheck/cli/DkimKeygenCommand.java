package dev.mailcheck.cli;

import dev.mailcheck.checks.dkim.DkimAlgorithm;
import dev.mailcheck.checks.dkim.DkimKeyRecord;
import dev.mailcheck.checks.dkim.DkimPrivateKey;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mailcheck dkim keygen --domain D --selector S}: a new key and the TXT record to publish.
 */
@Command(
    name = "keygen",
    description = {
      "Generate a DKIM key pair and print the TXT record to publish.",
      "The private key is written to DIR/SELECTOR.private (mode 0600, PKCS#8 PEM), the DNS TXT record to publish is printed (split into 255-octet strings, ready for a zone file) and written to DIR/SELECTOR.txt."
    })
final class DkimKeygenCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--domain",
      required = true,
      paramLabel = "D",
      description = "The signing domain (d=).")
  String domain;

  @Option(
      names = {"-s", "--selector"},
      required = true,
      paramLabel = "S",
      description = "The selector (s=).")
  String selector;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      defaultValue = "rsa",
      description = "rsa or ed25519 (default: ${DEFAULT-VALUE}).",
      completionCandidates = Types.class)
  String type;

  @Option(
      names = "--bits",
      paramLabel = "N",
      defaultValue = "2048",
      description = "RSA modulus length, 1024 to 4096 (default: ${DEFAULT-VALUE}).")
  int bits;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Where to write the key files (default: the current directory).")
  Path out;

  static final class Types extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Types() {
      super(java.util.List.of("rsa", "ed25519"));
    }
  }

  @Override
  public Integer call() throws Exception {
    String d = BaseCommand.dkimDomain(domain);
    String s = new Converters.DkimSelector().convert(selector);
    DkimAlgorithm alg =
        switch (type.strip().toLowerCase(java.util.Locale.ROOT)) {
          case "rsa" -> DkimAlgorithm.RSA_SHA256;
          case "ed25519" -> DkimAlgorithm.ED25519_SHA256;
          default -> throw new InputException("--type: '" + type + "' is not rsa or ed25519");
        };
    if (alg == DkimAlgorithm.RSA_SHA256 && (bits < 1024 || bits > 4096))
      throw new InputException(
          "--bits: "
              + bits
              + " is outside 1024..4096 (RFC 8301 requires 1024 at least; 2048 is the usual choice)");
    if (!Files.isDirectory(out)) throw new InputException("--out: " + out + " is not a directory");
    Path keyFile = out.resolve(s + ".private");
    Path txtFile = out.resolve(s + ".txt");
    DkimPrivateKey key = DkimPrivateKey.generate(alg, bits, new SecureRandom());
    try {
      // Created 0600 before anything is written: the key is never readable by others.
      Files.createFile(
          keyFile,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      throw new InputException(
          keyFile + " exists; refusing to overwrite a key (choose another selector or --out)");
    } catch (UnsupportedOperationException e) {
      Files.createFile(keyFile);
    } catch (IOException e) {
      throw new InputException("cannot write " + keyFile + ": " + e.getMessage());
    }
    Files.writeString(keyFile, key.toPem(), StandardCharsets.US_ASCII);
    String zone = DkimKeyRecord.zoneLine(s, d, key);
    Files.writeString(txtFile, zone + "\n", StandardCharsets.US_ASCII);
    PrintWriter o = spec.commandLine().getOut();
    o.println(
        "; "
            + (alg == DkimAlgorithm.RSA_SHA256 ? "RSA " + bits + "-bit" : "Ed25519")
            + " DKIM key for d="
            + d
            + " s="
            + s
            + "; private key: "
            + keyFile
            + " (mode 0600)");
    o.println(zone);
    o.flush();
    return ExitCode.OK;
  }
}
