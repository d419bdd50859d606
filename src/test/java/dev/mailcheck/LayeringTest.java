package dev.mailcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the layers of docs/architecture.md against the sources: which top-level packages each
 * package may name (by import or inline), and that Jackson stays in {@code report/render}.
 */
class LayeringTest {
  private static final Path MAIN = Path.of("src/main/java/dev/mailcheck");
  private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.mailcheck\\.([a-z]+)\\b");

  /** What each layer may name besides itself; a package not listed here may name anything. */
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "internal", Set.of(),
          "dns", Set.of("internal"),
          "smtp", Set.of("dns", "internal"),
          "https", Set.of("dns", "smtp", "internal"),
          "report", Set.of(),
          "checks", Set.of("dns", "smtp", "https", "report", "internal"));

  @Test
  void eachLayerNamesOnlyTheLayersBelowIt() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (var layer : ALLOWED.entrySet()) {
      for (Path file : javaFiles(MAIN.resolve(layer.getKey()))) {
        Matcher m = REFERENCE.matcher(Files.readString(file));
        while (m.find()) {
          String target = m.group(1);
          if (!target.equals(layer.getKey()) && !layer.getValue().contains(target))
            wrong.add(MAIN.relativize(file) + " names dev.mailcheck." + target);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void jacksonIsUsedOnlyByTheReportRenderers() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (Path file : javaFiles(MAIN)) {
      String rel = MAIN.relativize(file).toString().replace('\\', '/');
      if (rel.startsWith("report/render/")) continue;
      if (Files.readString(file).contains("com.fasterxml.jackson")) wrong.add(rel);
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aLongCheckClassSaysWhyInItsHeader() throws IOException {
    List<String> silent = new ArrayList<>();
    for (Path file : javaFiles(MAIN.resolve("checks"))) {
      List<String> lines = Files.readAllLines(file);
      if (lines.size() <= 330) continue;
      String header = String.join("\n", lines.subList(0, Math.min(lines.size(), 120)));
      if (!header.matches("(?s).*Over (the ~)?300[- ]line.*"))
        silent.add(MAIN.relativize(file).toString());
    }
    assertThat(silent).isEmpty();
  }

  @Test
  void everyLayerNamesItsCapsInOnePlace() throws IOException {
    // dns/, smtp/, https/ and checks/ keep every size or count cap in their Limits class (issue
    // 19)
    Pattern cap = Pattern.compile("static final (int|long) MAX_[A-Z_]+ =");
    List<String> elsewhere = new ArrayList<>();
    for (String layer : List.of("dns", "smtp", "https", "checks")) {
      assertThat(MAIN.resolve(layer).resolve("Limits.java")).isRegularFile();
      for (Path file : javaFiles(MAIN.resolve(layer))) {
        if (file.getFileName().toString().equals("Limits.java")) continue;
        if (cap.matcher(Files.readString(file)).find())
          elsewhere.add(MAIN.relativize(file).toString());
      }
    }
    assertThat(elsewhere).isEmpty();
  }

  @Test
  void theRulesSeeTheSources() throws IOException {
    // guards the two tests above against passing on an empty or moved tree
    assertThat(javaFiles(MAIN.resolve("checks"))).hasSizeGreaterThan(100);
    assertThat(javaFiles(MAIN.resolve("report/render"))).isNotEmpty();
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
