package dev.mailcheck.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.cli.Version;
import dev.mailcheck.testing.ProjectPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./mailcheck as users run it, as a process, after {@code mvn package} built the jar: stdout is only
 * the report, exit codes pass through, and the start-up cache modes work (and are silent).
 */
class LauncherIT {
  @TempDir Path cache;

  @BeforeAll
  static void jarBuilt() {
    Assumptions.assumeTrue(
        Files.exists(ProjectPaths.basedir().resolve("target/mailcheck.jar")), "target/mailcheck.jar not built (run mvn verify)");
  }

  private record Run(int code, String out, String err) {}

  private Run run(String cds, String... args) throws IOException, InterruptedException {
    Path root = ProjectPaths.basedir();
    var cmd = new java.util.ArrayList<String>();
    cmd.add(root.resolve("mailcheck").toString());
    cmd.addAll(java.util.List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("XDG_CACHE_HOME", cache.toString());
    pb.environment().put("MAILCHECK_CDS", cds);
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().remove("MAILCHECK_JAVA_OPTS");
    Process p = pb.start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("launcher finished").isTrue();
    return new Run(
        p.exitValue(),
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "MAILCHECK_CDS={0}")
  @ValueSource(strings = {"off", "jsa"})
  void versionTwiceWithNothingElseOnStdoutOrStderr(String cds) throws Exception {
    for (int i = 0; i < 2; i++) { // the first run may write the cache, the second maps it
      Run r = run(cds, "--version");
      assertThat(r.code()).as("stderr: %s", r.err()).isZero();
      assertThat(r.out()).isEqualTo("mailcheck " + Version.current() + "\n");
      assertThat(r.err()).isEmpty();
    }
    if (cds.equals("jsa")) {
      try (var files = Files.list(cache.resolve("mailcheck"))) {
        assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.matches("mailcheck-\\d+-jdk\\d+\\.jsa"));
      }
    }
  }

  @ParameterizedTest(name = "MAILCHECK_CDS={0}")
  @ValueSource(strings = {"off", "jsa"})
  void usageErrorExitCodeAndMessagePassThrough(String cds) throws Exception {
    Run r = run(cds, "--timeout", "0", "help");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(2).first().asString().contains("timeout must be positive");
  }

  @ParameterizedTest(name = "unwritable cache, MAILCHECK_CDS={0}")
  @ValueSource(strings = {"jsa"})
  void unwritableCacheFallsBackSilently(String cds) throws Exception {
    Files.writeString(cache.resolve("mailcheck"), "a file where the cache folder should be");
    Run r = run(cds, "--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("mailcheck " + Version.current() + "\n");
    assertThat(r.err()).isEmpty();
  }
}
