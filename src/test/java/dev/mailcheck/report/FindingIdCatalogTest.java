package dev.mailcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.testing.CheckCatalog;
import dev.mailcheck.testing.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/checks.md and the {@link FindingId} catalog agree on the finding ids, in both directions;
 * every constant is used by some check; and no code outside the catalog spells an id as a string.
 * Command tests check the ids a run emits ({@code CliRun.json()}).
 */
class FindingIdCatalogTest {
  private static final Pattern CONSTANT_USE = Pattern.compile("FindingId\\.([A-Z0-9_]+)\\b");

  /** A string literal shaped like a finding id of one of the report's categories. */
  private static final Pattern ID_LITERAL =
      Pattern.compile(
          "\"((?:mx|ptr|smtp|spf|dkim|dmarc|domain|dns|blocklist|dmarc-report|mta-sts|tls-rpt|caa|bimi|dnssec|dane)\\.[a-z0-9]+(?:-[a-z0-9]+)*)\"");

  private static Set<String> catalog() {
    return Arrays.stream(FindingId.values())
        .map(FindingId::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Stream<Path> mainSources() throws IOException {
    Path main = ProjectPaths.basedir().resolve("src/main/java");
    return Files.walk(main).filter(f -> f.toString().endsWith(".java"));
  }

  @Test
  void everyCatalogIdIsDocumented() {
    Set<String> undocumented = catalog();
    undocumented.removeAll(CheckCatalog.ids());
    assertThat(undocumented).as("FindingId constants missing from docs/checks.md").isEmpty();
  }

  @Test
  void everyDocumentedIdIsInTheCatalog() {
    Set<String> stale = new TreeSet<>(CheckCatalog.ids());
    stale.removeAll(catalog());
    stale.remove("score.cap"); // a deduction id, not a finding (docs/scoring.md)
    assertThat(stale).as("ids docs/checks.md lists that the catalog lacks").isEmpty();
  }

  @Test
  void everyConstantIsEmittedSomewhere() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = mainSources()) {
      for (Path p : files.filter(f -> !f.endsWith("FindingId.java")).toList()) {
        Matcher m = CONSTANT_USE.matcher(Files.readString(p));
        while (m.find()) used.add(m.group(1));
      }
    }
    Set<String> unused =
        Arrays.stream(FindingId.values())
            .map(FindingId::name)
            .filter(n -> !used.contains(n))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(unused).as("catalog constants that no code uses").isEmpty();
  }

  @Test
  void noIdIsSpelledAsAStringOutsideTheCatalog() throws IOException {
    Set<String> spelled = new TreeSet<>();
    try (Stream<Path> files = mainSources()) {
      for (Path p : files.filter(f -> !f.endsWith("FindingId.java")).toList()) {
        Matcher m = ID_LITERAL.matcher(Files.readString(p));
        while (m.find())
          if (catalog().contains(m.group(1))) spelled.add(p.getFileName() + ": " + m.group(1));
      }
    }
    assertThat(spelled)
        .as("finding ids written as strings instead of FindingId constants")
        .isEmpty();
  }
}
