package dev.mailcheck.checks.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.render.JsonRenderer;
import dev.mailcheck.testing.CheckCatalog;
import dev.mailcheck.testing.ReportSchema;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Both shapes of the dkim section, rendered as the CLI renders them, validate against
 * docs/report.schema.json, and every finding id is in docs/checks.md. (The CLI runs need the run's
 * resolver; these go through the same renderer with an in-memory zone.)
 */
class DkimReportJsonTest {
  static JsonNode render(Report r) throws Exception {
    StringWriter w = new StringWriter();
    new JsonRenderer("test", false).render(r, new java.io.PrintWriter(w));
    JsonNode node = ReportSchema.assertValid(w.toString());
    CheckCatalog.assertDocumented(node);
    return node;
  }

  @Test
  void auditSectionValidates() throws Exception {
    FakeDns dns =
        new FakeDns()
            .mx("example.com", 1, "aspmx.l.google.com")
            .txt("google._domainkey.example.com", DkimAuditTest.RSA_2048)
            .txt("revoked._domainkey.example.com", "v=DKIM1; p=")
            .txt("t._domainkey.example.com", "v=DKIM1; t=y; k=ed25519; p=" + DkimKeyTest.ED_SPKI);
    var out = DkimRuns.audit("example.com", List.of("revoked", "t", "gone"), List.of(), dns);
    JsonNode j = render(new Report("dkim", "example.com", out.findings(), List.of(out.section())));
    JsonNode google = j.get("dkim").get("selectors").get(3);
    assertThat(google.get("selector").asText()).isEqualTo("google");
    assertThat(google.get("keyType").asText()).isEqualTo("rsa");
    assertThat(google.get("keyBits").asInt()).isEqualTo(2048);
    assertThat(j.get("dkim").get("selectors").get(2).get("found").asBoolean()).isFalse();
    assertThat(j.get("dkim").get("selectors").get(2).get("keyType").isNull()).isTrue();
    assertThat(j.get("status").asText()).isEqualTo("fail");
  }

  @Test
  void verifySectionValidates() throws Exception {
    byte[] signed =
        DkimVerifierTest.sign(
            DkimVerifierTest.MESSAGE,
            DkimVerifierTest.opts("rsa-sha1", "RELAXED", "SIMPLE").bodyLength(30L));
    byte[] twice =
        DkimVerifierTest.sign(
            new String(signed, StandardCharsets.ISO_8859_1),
            DkimVerifierTest.opts("ed25519-sha256", "SIMPLE", "RELAXED"));
    var out = DkimRuns.verify(twice, DkimVerifierTest.dns(), DkimVerifierTest.NOW);
    JsonNode j = render(new Report("dkim verify", "m.eml", out.findings(), List.of(out.section())));
    JsonNode sigs = j.get("dkim").get("signatures");
    assertThat(sigs).hasSize(2);
    assertThat(sigs.get(0).get("algorithm").asText()).isEqualTo("ed25519-sha256");
    assertThat(sigs.get(0).get("canonicalization").asText()).isEqualTo("simple/relaxed");
    assertThat(sigs.get(0).get("result").asText()).isEqualTo("pass");
    assertThat(sigs.get(1).get("result").asText()).isEqualTo("pass");
    assertThat(sigs.get(1).get("bodyLength").asInt()).isEqualTo(30);
    assertThat(j.get("findings").findValuesAsText("id"))
        .contains("dkim.rsa-sha1", "dkim.body-length", "dkim.key-strength");
  }
}
