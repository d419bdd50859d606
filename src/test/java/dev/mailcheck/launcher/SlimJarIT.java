package dev.mailcheck.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.testing.ProjectPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jar as shipped, after src/build/SlimJar.java removed the BouncyCastle classes nothing
 * reaches: no class left names a class that is gone (the JDK's own dependency analyser, jdeps, on
 * every Java version the jar runs on), no service file names one, and the removal happened.
 */
class SlimJarIT {
  private static final Path JAR = ProjectPaths.basedir().resolve("target/mailcheck.jar");

  /**
   * What jdeps already reports missing in the unslimmed jar: dnsjava's optional Android and JNA
   * (Windows) resolver configuration, never loaded on Linux.
   */
  private static final List<String> OPTIONAL = List.of("android.", "com.sun.jna.");

  @ParameterizedTest(name = "Java {0}")
  @ValueSource(strings = {"21", "25"})
  void noClassLeftNamesARemovedOne(String release) {
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    StringWriter out = new StringWriter();
    int code =
        jdeps.run(
            new PrintWriter(out),
            new PrintWriter(new StringWriter()),
            "--multi-release",
            release,
            "--missing-deps",
            "-R",
            JAR.toString());
    assertThat(code).isZero();
    List<String> missing =
        out.toString()
            .lines()
            .filter(l -> l.contains("not found") && l.contains("->"))
            .filter(l -> !l.trim().endsWith("-> not found")) // the per-archive summary line
            .filter(l -> OPTIONAL.stream().noneMatch(l::contains))
            .toList();
    assertThat(missing).isEmpty();
  }

  @Test
  void theUnreachedBouncyCastleClassesAreGoneAndTheUsedOnesKept() throws IOException {
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      Set<String> names =
          Collections.list(jar.entries()).stream()
              .map(ZipEntry::getName)
              .collect(Collectors.toSet());
      // used: DKIM Ed25519, the legacy TLS probe, PEM keys
      assertThat(names)
          .contains(
              "org/bouncycastle/crypto/signers/Ed25519Signer.class",
              "org/bouncycastle/tls/crypto/impl/bc/BcTlsCrypto.class",
              "org/bouncycastle/openssl/PEMParser.class");
      // never reached: the JCA provider, post-quantum signatures, CMS
      assertThat(names)
          .doesNotContain(
              "org/bouncycastle/jce/provider/BouncyCastleProvider.class",
              "org/bouncycastle/pqc/crypto/falcon/FalconSigner.class",
              "org/bouncycastle/cms/CMSSignedData.class");
      long bouncyCastle =
          names.stream()
              .filter(n -> n.startsWith("org/bouncycastle/") && n.endsWith(".class"))
              .count();
      assertThat(bouncyCastle).isBetween(500L, 3_000L); // of 6,686 in the four jars
      // a BouncyCastle multi-release variant is only kept with its class (dnsjava has classes
      // that exist only as variants, for Java 18+)
      List<String> orphans = new ArrayList<>();
      for (String n : names) {
        if (!n.startsWith("META-INF/versions/") || !n.endsWith(".class")) continue;
        if (!n.contains("/org/bouncycastle/")) continue;
        String base = n.substring(n.indexOf('/', "META-INF/versions/".length()) + 1);
        if (!base.equals("module-info.class") && !names.contains(base)) orphans.add(n);
      }
      assertThat(orphans).isEmpty();
    }
  }

  @Test
  void everyServiceFileNamesClassesThatExist() throws IOException {
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      List<String> dangling = new ArrayList<>();
      for (ZipEntry e : Collections.list(jar.entries())) {
        if (!e.getName().startsWith("META-INF/services/") || e.isDirectory()) continue;
        String text = new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        for (String line : text.lines().toList()) {
          String cls = line.replaceAll("#.*", "").strip();
          if (!cls.isEmpty() && !present(jar, cls.replace('.', '/') + ".class"))
            dangling.add(e.getName() + ": " + cls);
        }
      }
      assertThat(dangling).isEmpty();
    }
  }

  /** Whether {@code entry} is in the jar, as it is or as a multi-release variant. */
  private static boolean present(ZipFile jar, String entry) {
    if (jar.getEntry(entry) != null) return true;
    return Collections.list(jar.entries()).stream()
        .anyMatch(
            e -> e.getName().startsWith("META-INF/versions/") && e.getName().endsWith("/" + entry));
  }
}
