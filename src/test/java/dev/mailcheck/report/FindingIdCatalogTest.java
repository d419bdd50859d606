package dev.mailcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.testing.CheckCatalog;
import dev.mailcheck.testing.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/checks.md and the code agree on the finding ids, in both directions. Command tests check the
 * ids a run emits ({@code CliRun.json()}); this one also covers ids only emitted on rare paths, and
 * catches ids the docs still list after the code stopped emitting them.
 */
class FindingIdCatalogTest {
  /** A string literal shaped like a finding id of one of the report's categories. */
  private static final Pattern ID_LITERAL =
      Pattern.compile("\"((?:mx|ptr|smtp|spf|dkim|dmarc|domain|dns)\\.[a-z0-9]+(?:-[a-z0-9]+)*)\"");

  private static Set<String> idsInSources() throws IOException {
    Set<String> ids = new TreeSet<>();
    Path main = ProjectPaths.basedir().resolve("src/main/java");
    try (Stream<Path> files = Files.walk(main)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = ID_LITERAL.matcher(Files.readString(p));
        while (m.find()) ids.add(m.group(1));
      }
    }
    return ids;
  }

  @Test
  void everyIdInTheCodeIsDocumented() throws IOException {
    Set<String> undocumented = new TreeSet<>(idsInSources());
    undocumented.removeAll(CheckCatalog.ids());
    assertThat(undocumented).as("ids in src/main/java missing from docs/checks.md").isEmpty();
  }

  @Test
  void everyDocumentedIdIsInTheCode() throws IOException {
    Set<String> stale = new TreeSet<>(CheckCatalog.ids());
    stale.removeAll(idsInSources());
    stale.remove("score.cap"); // a deduction id, not a finding (docs/scoring.md)
    assertThat(stale).as("ids docs/checks.md lists that no code emits").isEmpty();
  }
}
