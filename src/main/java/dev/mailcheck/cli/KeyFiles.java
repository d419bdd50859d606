package dev.mailcheck.cli;

import dev.mailcheck.checks.dkim.DkimPrivateKey;
import dev.mailcheck.internal.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Private key files named on the command line ({@code dkim sign --key}, {@code send --dkim-key}).
 */
final class KeyFiles {
  private KeyFiles() {}

  /** A PEM private key file, at most 64 KiB; a bad one is exit 2 naming {@code option}. */
  static DkimPrivateKey readKey(Path key, String option) {
    try {
      if (!Files.isRegularFile(key))
        throw new InputException(option + ": " + key + " is not a file");
      if (Files.size(key) > 64 * 1024)
        throw new InputException(option + ": " + key + " is too large for a key file");
      return DkimPrivateKey.read(Files.readString(key, StandardCharsets.ISO_8859_1));
    } catch (DkimPrivateKey.KeyFileException e) {
      throw new InputException(option + " " + key + ": " + e.getMessage());
    } catch (IOException e) {
      throw new InputException(
          "cannot read the key "
              + key
              + ": "
              + (e instanceof AccessDeniedException ? "permission denied" : e.getMessage()));
    }
  }
}
