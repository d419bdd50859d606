package dev.mailcheck.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.testing.ProjectPaths;
import dev.mailcheck.testing.ReportSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for both renderers: src/test/resources/dev/mailcheck/report/render/CASE.txt and
 * CASE.json, from the reports in {@link RenderFixtures}. A difference fails the test. To accept a
 * change on purpose, regenerate and review the diff:
 *
 * <pre>./run-tests -Dtest=RendererGoldenTest -Dmailcheck.updateGolden=true</pre>
 *
 * A regenerating run reports these tests as skipped (aborted), never as passed.
 */
class RendererGoldenTest {
  static final String VERSION = "1.2.3-test";
  private static final boolean UPDATE = Boolean.getBoolean("mailcheck.updateGolden");

  static List<RenderFixtures.Case> cases() {
    return RenderFixtures.all();
  }

  static List<RenderFixtures.Case> jsonCases() {
    return RenderFixtures.all().stream().filter(c -> !c.color()).toList();
  }

  @ParameterizedTest(name = "{0}.txt")
  @MethodSource("cases")
  void text(RenderFixtures.Case c) throws IOException {
    StringWriter out = new StringWriter();
    new TextRenderer(c.color(), c.verbose()).render(c.report(), out);
    compare(c.name() + ".txt", out.toString());
  }

  @ParameterizedTest(name = "{0}.json")
  @MethodSource("jsonCases")
  void json(RenderFixtures.Case c) throws IOException {
    StringWriter out = new StringWriter();
    new JsonRenderer(VERSION, c.verbose()).render(c.report(), out);
    ReportSchema.assertValid(out.toString());
    compare(c.name() + ".json", out.toString());
  }

  @org.junit.jupiter.api.Test
  void everyViewTypeHasAGoldenCase() {
    var covered =
        RenderFixtures.all().stream()
            .flatMap(c -> c.report().views().stream())
            .map(Object::getClass)
            .collect(java.util.stream.Collectors.toSet());
    assertThat(covered)
        .as("a golden case (ViewFixtures) for every permitted View type")
        .containsAll(List.of(dev.mailcheck.report.view.View.class.getPermittedSubclasses()));
  }

  static Path golden(String file) {
    return ProjectPaths.basedir()
        .resolve("src/test/resources/dev/mailcheck/report/render")
        .resolve(file);
  }

  private static void compare(String file, String actual) throws IOException {
    Path path = golden(file);
    if (UPDATE) {
      Files.createDirectories(path.getParent());
      Files.writeString(path, actual, StandardCharsets.UTF_8);
      Assumptions.abort("rewrote " + path + "; review the diff");
    }
    assertThat(path)
        .as("golden file %s is missing; create it with -Dmailcheck.updateGolden=true", path)
        .exists();
    assertThat(actual)
        .as(
            "%s differs from the renderer output; if the change is intended, rerun with -Dmailcheck.updateGolden=true and review the diff",
            file)
        .isEqualTo(Files.readString(path, StandardCharsets.UTF_8));
  }
}
