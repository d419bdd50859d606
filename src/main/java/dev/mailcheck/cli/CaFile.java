package dev.mailcheck.cli;

import dev.mailcheck.internal.InputException;
import dev.mailcheck.smtp.CertificateInspector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * {@code --ca-file}: the trust anchors of a run, read from a PEM (or DER) bundle with a size cap,
 * so that a wrong path ({@code /dev/zero}, a disk image) is a one-line error, not a hang.
 */
final class CaFile {
  /** Larger files are refused: the whole Mozilla bundle is about 220 KB. */
  static final int MAX_BYTES = 1024 * 1024;

  private CaFile() {}

  /** The certificates in {@code file}; exit 2 when it is unreadable, too large or holds none. */
  static List<X509Certificate> read(Path file) {
    byte[] data;
    try (InputStream in = Files.newInputStream(file)) {
      data = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new InputException("cannot read --ca-file " + file + ": " + reason(e));
    }
    if (data.length > MAX_BYTES)
      throw new InputException(
          "--ca-file " + file + " is larger than 1 MiB; expected a PEM bundle of CA certificates");
    try {
      return CertificateInspector.readBundle(new ByteArrayInputStream(data));
    } catch (GeneralSecurityException e) {
      throw new InputException(
          "--ca-file " + file + " holds no usable certificate: " + e.getMessage());
    }
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) return "no such file";
    if (e instanceof AccessDeniedException) return "permission denied";
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
