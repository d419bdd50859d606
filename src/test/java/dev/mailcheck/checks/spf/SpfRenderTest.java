package dev.mailcheck.checks.spf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.render.JsonRenderer;
import dev.mailcheck.report.render.TextRenderer;
import dev.mailcheck.testing.CheckCatalog;
import dev.mailcheck.testing.ReportSchema;
import java.io.StringWriter;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The spf section as JSON (validated against docs/report.schema.json) and as text. */
class SpfRenderTest {
  static FakeDns zone() {
    return new FakeDns()
        .txt(
            "example.com",
            "v=spf1 mx include:_spf.example.net a:gone.example.com -all exp=why.example.com")
        .txt("why.example.com", "%{i} may not send for %{d}")
        .mx("example.com", 10, "mx1.example.com")
        .mx("example.com", 20, "mx2.example.com")
        .a("mx1.example.com", "192.0.2.1")
        .a("mx2.example.com", "192.0.2.2")
        .txt("_spf.example.net", "v=spf1 ip4:198.51.100.0/24 include:_inner.example.net ~all")
        .txt("_inner.example.net", "v=spf1 ip6:2001:db8::/32 -all");
  }

  static String json(SpfReport r) throws Exception {
    StringWriter out = new StringWriter();
    new JsonRenderer("test", false)
        .render(new Report("spf", "example.com", r.findings(), List.of(r.section())), out);
    return out.toString();
  }

  static String text(SpfReport r) throws Exception {
    StringWriter out = new StringWriter();
    new TextRenderer(false, false)
        .render(new Report("spf", "example.com", r.findings(), List.of(r.section())), out);
    return out.toString();
  }

  @Test
  void auditJsonValidatesAndCarriesTheTree() throws Exception {
    JsonNode node = ReportSchema.assertValid(json(SpfRuns.audit("example.com", zone())));
    CheckCatalog.assertDocumented(node);
    JsonNode spf = node.get("spf");
    assertThat(spf.get("lookups").asInt()).isEqualTo(4);
    assertThat(spf.get("voidLookups").asInt()).isEqualTo(1);
    assertThat(spf.has("result")).isFalse();
    JsonNode tree = spf.get("tree");
    assertThat(tree.has("term")).isFalse();
    assertThat(tree.get("cost").asInt()).isEqualTo(4);
    assertThat(tree.get("children").get(0).get("term").asText()).isEqualTo("mx");
    assertThat(tree.get("children").get(0).get("addresses")).hasSize(2);
    JsonNode include = tree.get("children").get(1);
    assertThat(include.get("record").asText()).startsWith("v=spf1 ip4:198.51.100.0/24");
    assertThat(include.get("cost").asInt()).isEqualTo(2);
    assertThat(include.get("children").get(0).get("domain").asText())
        .isEqualTo("_inner.example.net");
    assertThat(tree.get("children").get(2).get("void").asBoolean()).isTrue();
  }

  @Test
  void evaluationJsonHasResultAndExplanation() throws Exception {
    SpfReport r =
        SpfRuns.evaluate(
            "example.com",
            InetAddress.getByName("203.0.113.5"),
            Optional.empty(),
            Optional.empty(),
            zone(),
            SpfOptions.defaults());
    JsonNode node = ReportSchema.assertValid(json(r));
    CheckCatalog.assertDocumented(node);
    JsonNode spf = node.get("spf");
    assertThat(spf.get("result").asText()).isEqualTo("fail");
    assertThat(spf.get("explanation").asText())
        .isEqualTo("203.0.113.5 may not send for example.com");
    assertThat(spf.get("sender").asText()).isEqualTo("postmaster@example.com");
    assertThat(spf.get("lookups").asInt()).isEqualTo(4);
    assertThat(node.get("findings").get(0).get("id").asText()).isEqualTo("spf.result");
    assertThat(node.get("findings").get(0).get("status").asText()).isEqualTo("fail");
  }

  @Test
  void textShowsTheTreeWithCosts() throws Exception {
    String t = text(SpfRuns.audit("example.com", zone()));
    assertThat(t)
        .contains("    example.com  [4]")
        .contains("├─ mx  [1]")
        .contains("├─ include:_spf.example.net  [2]")
        .contains("│    v=spf1 ip4:198.51.100.0/24 include:_inner.example.net ~all")
        .contains("│  └─ include:_inner.example.net  [1]")
        .contains("└─ a:gone.example.com  [1]  VOID");
  }
}
