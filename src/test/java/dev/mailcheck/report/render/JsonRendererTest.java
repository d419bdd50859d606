package dev.mailcheck.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.testing.ReportSchema;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonRendererTest {
  private static String render(dev.mailcheck.report.Report report, boolean verbose)
      throws IOException {
    StringWriter out = new StringWriter();
    new JsonRenderer("1.2.3-test", verbose).render(report, out);
    return out.toString();
  }

  @Test
  void hostileTextIsEscapedButKeptIntact() throws IOException {
    String json = render(RenderFixtures.hostile(), true);
    assertThat(json)
        .doesNotContain("\u001b", "\r", "\u0007", "\u0008", "\u009b", "\u007f", "\u202e", "\u2028");
    JsonNode tree = ReportSchema.assertValid(json);
    JsonNode f = tree.path("findings").get(0);
    assertThat(f.path("title").asText()).isEqualTo("Banner says \u001b[31mOK\u001b[0m");
    assertThat(f.path("subject").asText()).isEqualTo("host\u202eoc.exe");
    assertThat(f.path("evidence").get(2).asText()).isEqualTo("C1 \u009b31m and DEL \u007f");
    assertThat(f.path("remedy").asText()).isEqualTo("Ask the operator.\u2028Really.");
    assertThat(tree.path("transcript").get(0).asText())
        .isEqualTo("S: 220 evil\u001b[8m hidden\r\n");
  }

  @Test
  void unicodeTextStaysReadable() throws IOException {
    var report =
        new dev.mailcheck.report.Report(
            "mx",
            "bücher.example",
            java.util.List.of(
                dev.mailcheck.report.Finding.of(
                        dev.mailcheck.report.FindingId.of("mx.present"),
                        dev.mailcheck.report.Status.PASS,
                        "Übung 日本")
                    .build()),
            java.util.List.of());
    String json = render(report, false);
    assertThat(json).contains("\"bücher.example\"", "Übung 日本");
  }

  @Test
  void traceAndTranscriptOnlyWhenVerbose() throws IOException {
    JsonNode quiet = ReportSchema.assertValid(render(RenderFixtures.verbose(), false));
    assertThat(quiet.has("dns")).isFalse();
    assertThat(quiet.has("transcript")).isFalse();
    JsonNode loud = ReportSchema.assertValid(render(RenderFixtures.verbose(), true));
    assertThat(loud.path("dns")).hasSize(3);
    assertThat(loud.path("transcript")).hasSize(6);
  }

  @Test
  void outputIsOneDocumentEndingInOneNewline() throws IOException {
    String json = render(RenderFixtures.everyStatus(), false);
    assertThat(json).endsWith("}\n").doesNotContain("\r");
  }
}
