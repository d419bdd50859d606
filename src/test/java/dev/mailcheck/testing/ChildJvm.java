package dev.mailcheck.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs mailcheck's main class in a new JVM with the test class path and a JVM flag (a heap cap), as
 * a user would run it, for the tests that prove bounded memory. Stdout and stderr go through
 * temporary files (a full pipe cannot stall the child); the child is killed after {@code
 * timeoutSeconds}, which fails the test.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /** What the child printed and how it ended. */
  public record Result(int exitCode, String out, String err) {}

  public static Result run(String jvmFlag, int timeoutSeconds, String... args) throws Exception {
    Path out = Files.createTempFile("mailcheck-out", ".txt");
    Path err = Files.createTempFile("mailcheck-err", ".txt");
    try {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add(jvmFlag);
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add("dev.mailcheck.cli.Main");
      cmd.addAll(List.of(args));
      Process p =
          new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      p.getOutputStream().close();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("mailcheck did not finish in " + timeoutSeconds + " s");
      }
      return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
