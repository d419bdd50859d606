package dev.mailcheck.cli;

import dev.mailcheck.dns.TrustAnchors;
import dev.mailcheck.internal.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --trust-anchor FILE}, shared by {@code dnssec}, {@code dane} and {@code domain}. */
final class DnssecOptions {
  /**
   * Trust-anchor files larger than this are refused (a root anchor file is a few hundred bytes).
   */
  static final long MAX_BYTES = 1024 * 1024;

  @Option(
      names = "--trust-anchor",
      paramLabel = "FILE",
      description =
          "Validate DNSSEC from the DS or DNSKEY records in FILE (zone-file syntax) instead of the built-in IANA root anchors (labs, private roots).")
  Path trustAnchor;

  TrustAnchors anchors() {
    if (trustAnchor == null) return TrustAnchors.root();
    try {
      if (Files.size(trustAnchor) > MAX_BYTES)
        throw new InputException("--trust-anchor " + trustAnchor + " is larger than 1 MiB");
      return TrustAnchors.parse(
          Files.readString(trustAnchor, StandardCharsets.UTF_8), trustAnchor.toString());
    } catch (IOException e) {
      throw new InputException(
          "cannot read --trust-anchor "
              + trustAnchor
              + ": "
              + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
    } catch (IllegalArgumentException e) {
      throw new InputException("--trust-anchor " + trustAnchor + " " + e.getMessage());
    }
  }
}
