package dev.mailcheck.cli;

import dev.mailcheck.dns.TrustAnchors;
import dev.mailcheck.internal.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads {@code --trust-anchor FILE}; without it, the built-in IANA root anchors. */
final class DnssecAnchors {
  /** Larger files are refused (a root anchor file is a few hundred bytes). */
  static final long MAX_BYTES = 1024 * 1024;

  private DnssecAnchors() {}

  static TrustAnchors read(Path file) {
    if (file == null) return TrustAnchors.root();
    try {
      if (Files.size(file) > MAX_BYTES)
        throw new InputException("--trust-anchor " + file + " is larger than 1 MiB");
      return TrustAnchors.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (NoSuchFileException e) {
      throw new InputException("cannot read --trust-anchor " + file + ": no such file");
    } catch (IOException e) {
      throw new InputException("cannot read --trust-anchor " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new InputException("--trust-anchor " + file + " " + e.getMessage());
    }
  }
}
