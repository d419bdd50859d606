package dev.mailcheck.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where tests find the project and the third-party conformance suites. The suites are read in
 * place, never copied: system property {@code mailcheck.conformance}, else the environment variable
 * {@code MAILCHECK_CONFORMANCE}, else {@code ../shared/conformance} next to the project.
 */
public final class ProjectPaths {
  private ProjectPaths() {}

  public static Path basedir() {
    String b = System.getProperty("mailcheck.basedir");
    return b != null ? Path.of(b) : Path.of("").toAbsolutePath();
  }

  public static Path conformanceRoot() {
    String p = System.getProperty("mailcheck.conformance");
    if (p == null || p.isBlank()) p = System.getenv("MAILCHECK_CONFORMANCE");
    if (p == null || p.isBlank()) return basedir().resolve("../shared/conformance").normalize();
    return Path.of(p);
  }

  /**
   * The given file or folder of the suites, if it is there (e.g. {@code spf/rfc7208-tests.yml}).
   */
  public static Optional<Path> conformance(String relative) {
    Path p = conformanceRoot().resolve(relative);
    return Files.exists(p) ? Optional.of(p) : Optional.empty();
  }

  public static Path docs(String name) {
    return basedir().resolve("docs").resolve(name);
  }
}
