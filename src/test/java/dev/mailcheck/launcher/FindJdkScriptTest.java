package dev.mailcheck.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.testing.ProjectPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/find-jdk.sh, the JDK discovery shared by ./mailcheck and ./run-tests, run by bash against
 * fake JDK folders (a {@code bin/java} stub and a {@code release} file each).
 */
class FindJdkScriptTest {
  @TempDir static Path tmp;
  static Path jdk17;
  static Path jdk21;
  static Path jdk25;
  static Path jdk8;
  static Path noRelease22;

  @BeforeAll
  static void fakeJdks() throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
    jdk17 = fakeJdk("jdk-17", "JAVA_VERSION=\"17.0.15\"", "17.0.15");
    jdk21 = fakeJdk("jdk-21", "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"21.0.2\"", "21.0.2");
    jdk25 = fakeJdk("temurin-25", "JAVA_VERSION=\"25.0.3\"", "25.0.3");
    jdk8 = fakeJdk("jdk8", "JAVA_VERSION=\"1.8.0_392\"", "1.8.0_392");
    noRelease22 = fakeJdk("jdk-22-norelease", null, "22");
    // a PATH with the tools the script uses and no java, whatever this machine has installed
    Path tools = Files.createDirectories(tmp.resolve("tools"));
    for (String tool : new String[] {"sed", "head", "readlink"}) {
      for (String dir : new String[] {"/usr/bin", "/bin"}) {
        Path real = Path.of(dir, tool);
        Path wrapper = tools.resolve(tool);
        if (Files.isExecutable(real) && !Files.exists(wrapper)) {
          Files.writeString(wrapper, "#!/bin/sh\nexec " + real + " \"$@\"\n");
          Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
    }
  }

  private static Path fakeJdk(String name, String release, String versionOutput)
      throws IOException {
    Path home = tmp.resolve(name);
    Files.createDirectories(home.resolve("bin"));
    Path java = home.resolve("bin/java");
    Files.writeString(
        java, "#!/bin/sh\necho 'openjdk version \"" + versionOutput + "\" 2024-01-16' >&2\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    if (release != null) Files.writeString(home.resolve("release"), release + "\n");
    return home;
  }

  private record Found(int code, String out, String err) {}

  private static Found find(Map<String, String> env) throws IOException, InterruptedException {
    Path script = ProjectPaths.basedir().resolve("scripts/find-jdk.sh");
    ProcessBuilder pb =
        new ProcessBuilder(
            "/bin/bash",
            "-c",
            ". \"$0\"; if find_jdk; then echo \"$JDK_HOME $JDK_MAJOR\"; else no_jdk_message; exit 2; fi",
            script.toString());
    pb.environment().clear();
    pb.environment().put("PATH", tmp.resolve("tools").toString());
    pb.environment().put("HOME", tmp.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return new Found(
        p.exitValue(),
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim(),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim());
  }

  private static String dirs(Path... homes) {
    return String.join(":", List.of(homes).stream().map(Path::toString).toList());
  }

  @Test
  void javaHomeWinsWhenItIsNewEnough() throws Exception {
    Found f = find(Map.of("JAVA_HOME", jdk21.toString(), "MAILCHECK_JDK_DIRS", dirs(jdk25)));
    assertThat(f.out()).isEqualTo(jdk21 + " 21");
  }

  @Test
  void tooOldJavaHomeFallsThroughToTheNewestInstalled() throws Exception {
    Found f =
        find(
            Map.of(
                "JAVA_HOME",
                jdk17.toString(),
                "MAILCHECK_JDK_DIRS",
                dirs(jdk17, jdk25, jdk21, jdk8)));
    assertThat(f.out()).isEqualTo(jdk25 + " 25");
  }

  @Test
  void javaOnPathIsUsedWhenNewEnough() throws Exception {
    Found f =
        find(
            Map.of(
                "PATH",
                jdk21.resolve("bin") + ":" + tmp.resolve("tools"),
                "MAILCHECK_JDK_DIRS",
                dirs(jdk25)));
    assertThat(f.out()).isEqualTo(jdk21 + " 21");
  }

  @Test
  void withoutReleaseFileTheVersionComesFromJavaVersion() throws Exception {
    Found f = find(Map.of("MAILCHECK_JDK_DIRS", dirs(jdk17, noRelease22)));
    assertThat(f.out()).isEqualTo(noRelease22 + " 22");
  }

  @Test
  void noJdk21AnywhereIsOneLineAndExitTwo() throws Exception {
    Found f =
        find(
            Map.of(
                "JAVA_HOME",
                jdk8.toString(),
                "MAILCHECK_JDK_DIRS",
                dirs(jdk8, jdk17, tmp.resolve("missing"))));
    assertThat(f.code()).isEqualTo(2);
    assertThat(f.out()).isEmpty();
    assertThat(f.err().lines()).hasSize(1);
    assertThat(f.err()).contains("JDK 21 or newer", "openjdk-21-jdk", "JAVA_HOME");
  }
}
