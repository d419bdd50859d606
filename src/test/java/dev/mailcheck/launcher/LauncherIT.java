package dev.mailcheck.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.cli.BuildVersion;
import dev.mailcheck.testing.ProjectPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ./mailcheck as users run it, as a process, after {@code mvn package} built the jar: stdout is
 * only the report, exit codes pass through, and the start-up cache modes work (and are silent).
 */
class LauncherIT {
  @TempDir Path cache;

  @BeforeAll
  static void jarBuilt() {
    Assumptions.assumeTrue(
        Files.exists(ProjectPaths.basedir().resolve("target/mailcheck.jar")),
        "target/mailcheck.jar not built (run mvn verify)");
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
  @ValueSource(strings = {"off", "jsa", "aot"})
  void versionBeforeAndAfterTheCacheWithNothingElseOnStdoutOrStderr(String cds) throws Exception {
    Run first = run(cds, "--version"); // with a cache mode this starts the training
    assertThat(first.code()).as("stderr: %s", first.err()).isZero();
    assertThat(first.out()).isEqualTo("mailcheck " + BuildVersion.current() + "\n");
    assertThat(first.err()).isEmpty();
    if (!cds.equals("off")) {
      Path dir = cache.resolve("mailcheck");
      awaitTraining(dir);
      try (var files = Files.list(dir)) {
        assertThat(files.map(f -> f.getFileName().toString()).toList())
            .as("the training left exactly one cache file")
            .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
            .matches("mailcheck-\\d+-jdk\\d+\\." + expectedSuffix(cds));
      }
    }
    Run again = run(cds, "--version"); // maps the archive
    assertThat(again.code()).isZero();
    assertThat(again.out()).isEqualTo("mailcheck " + BuildVersion.current() + "\n");
    assertThat(again.err()).isEmpty();
  }

  /** The cache file a mode writes: the AOT cache needs JDK 25, before which aot means jsa. */
  private static String expectedSuffix(String cds) {
    return cds.equals("aot") && launcherJdk() >= 25 ? "aot" : "jsa";
  }

  /** The major version of the JDK the launcher picks: the one running this test (JAVA_HOME). */
  private static int launcherJdk() {
    return Runtime.version().feature();
  }

  /**
   * The default mode: on JDK 25+ a DNS command trains and then maps the AOT cache, before that the
   * CDS archive; the output is the same as without any cache.
   */
  @Test
  void theDefaultModeTrainsTheCacheOfThisJdk() throws Exception {
    Run first = run("auto", "--timeout", "0", "help");
    assertThat(first.code()).isEqualTo(2);
    Path dir = cache.resolve("mailcheck");
    awaitTraining(dir);
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()).toList())
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .endsWith(launcherJdk() >= 25 ? ".aot" : ".jsa");
    }
    Run again = run("auto", "--timeout", "0", "help");
    assertThat(again).isEqualTo(first);
  }

  /** The default mode maps no archive for a lone --version (nothing there to gain from it). */
  @Test
  void versionAloneInTheDefaultModeNeedsNoArchive() throws Exception {
    Run r = run("auto", "--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("mailcheck " + BuildVersion.current() + "\n");
    assertThat(r.err()).isEmpty();
    Path dir = cache.resolve("mailcheck");
    if (Files.isDirectory(dir)) {
      try (var files = Files.list(dir)) {
        assertThat(files.toList()).as("no training was started").isEmpty();
      }
    }
  }

  /** Waits until the background training has written the archive and dropped its lock. */
  private static void awaitTraining(Path dir) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
    while (System.nanoTime() < deadline) {
      try (var files = Files.list(dir)) {
        var names = files.map(f -> f.getFileName().toString()).toList();
        if (names.stream().anyMatch(n -> n.endsWith(".jsa") || n.endsWith(".aot"))
            && names.stream().noneMatch(n -> n.endsWith(".lock") || n.contains(".tmp"))) {
          return;
        }
      }
      Thread.sleep(250); // polling a process we do not own; no clock to inject
    }
    throw new AssertionError("no archive from the background training within 150 s in " + dir);
  }

  @ParameterizedTest(name = "MAILCHECK_CDS={0}")
  @ValueSource(strings = {"off", "jsa", "aot"})
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
    Run r = run(cds, "--version"); // falls back to target/cache
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("mailcheck " + BuildVersion.current() + "\n");
    assertThat(r.err()).isEmpty();
    awaitTraining(ProjectPaths.basedir().resolve("target/cache")); // leave no training running
  }
}
