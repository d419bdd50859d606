package dev.mailcheck.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --ca-file} and {@code --insecure}, shared by {@code smtp} and {@code ports}. */
final class TlsTrustOptions {
  @Option(
      names = "--ca-file",
      paramLabel = "PEM",
      description = "Trust these CA certificates (PEM bundle) instead of the system store.")
  Path caFile;

  @Option(
      names = "--insecure",
      description =
          "On submission (465, 587, --tls), go on after an untrusted or mismatched certificate"
              + " (still reported). Port 25 is opportunistic and always goes on.")
  boolean insecure;
}
