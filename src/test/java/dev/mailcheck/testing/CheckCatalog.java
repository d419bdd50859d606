package dev.mailcheck.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The finding ids docs/checks.md lists (each as a level-3 heading: {@code ### `spf.all`}). */
public final class CheckCatalog {
  private static final Pattern HEADING = Pattern.compile("(?m)^###\\s+`([a-z0-9.\\-]+)`");
  private static Set<String> ids;

  private CheckCatalog() {}

  public static synchronized Set<String> ids() {
    if (ids == null) {
      try {
        String md = Files.readString(ProjectPaths.docs("checks.md"));
        Matcher m = HEADING.matcher(md);
        ids = m.results().map(r -> r.group(1)).collect(Collectors.toUnmodifiableSet());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ids;
  }

  /** Asserts every finding id in a JSON report is documented. */
  public static void assertDocumented(JsonNode report) {
    for (JsonNode f : report.path("findings")) {
      assertThat(ids())
          .as("docs/checks.md must list finding id %s", f.path("id").asText())
          .contains(f.path("id").asText());
    }
  }
}
