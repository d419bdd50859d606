package dev.mailcheck.cli;

import java.io.IOException;

/** Why a file could not be read, in a few words for a one-line error. */
final class IoReasons {
  private IoReasons() {}

  static String why(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
    if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null)
      return f.getReason();
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.replaceAll("\\p{Cntrl}", "?");
  }
}
