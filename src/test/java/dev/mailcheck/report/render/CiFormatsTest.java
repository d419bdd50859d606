package dev.mailcheck.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.Status;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JUnit XML and SARIF: valid against their schemas, and the mapping of statuses they promise. */
class CiFormatsTest {
  static Report report(String target) {
    List<Finding> findings =
        List.of(
            Finding.of(FindingId.MX_PRESENT, Status.PASS, "1 mail exchange").build(),
            Finding.of(FindingId.DMARC_POLICY, Status.FAIL, "DMARC policy is none")
                .detail("p=none: monitoring only")
                .remedy("Publish \"v=DMARC1; p=quarantine\" at _dmarc." + target)
                .build(),
            Finding.of(FindingId.PTR_FCRDNS, Status.WARN, "Not forward-confirmed")
                .subject("mx1." + target + " 192.0.2.1")
                .build(),
            Finding.of(FindingId.PTR_FCRDNS, Status.PASS, "Forward-confirmed")
                .subject("mx2." + target + " 192.0.2.2")
                .build(),
            Finding.of(FindingId.BIMI_RECORD, Status.INFO, "No BIMI record").build(),
            // hostile text from a DNS server: markup, a control character, a lone surrogate
            Finding.of(FindingId.SPF_PRESENT, Status.ERROR, "SPF lookup timed out <&\"'>")
                .detail("server said \u0007\u001b[31m \ud800 ]]> end")
                .build());
    return new Report("domain", target, findings, List.of()).withDuration(Duration.ofMillis(1234));
  }

  static String junit(Status failOn, Report... reports) throws Exception {
    JunitRenderer r = new JunitRenderer(failOn);
    StringWriter out = new StringWriter();
    r.begin(out);
    for (Report rep : reports) r.report(rep, out);
    r.end(null, out);
    return out.toString();
  }

  static Document validJunit(String xml) throws Exception {
    var schema =
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(CiFormatsTest.class.getResource("junit.xsd"));
    schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    var f = DocumentBuilderFactory.newInstance();
    return f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(xml)));
  }

  static Element testcase(Document d, String suite, String name) {
    NodeList suites = d.getElementsByTagName("testsuite");
    for (int i = 0; i < suites.getLength(); i++) {
      Element s = (Element) suites.item(i);
      if (!s.getAttribute("name").equals(suite)) continue;
      NodeList cases = s.getElementsByTagName("testcase");
      for (int j = 0; j < cases.getLength(); j++) {
        Element c = (Element) cases.item(j);
        if (c.getAttribute("name").equals(name)) return c;
      }
    }
    throw new AssertionError("no testcase " + name + " in " + suite);
  }

  static boolean has(Element e, String child) {
    return e.getElementsByTagName(child).getLength() > 0;
  }

  @Test
  void junitIsValidWithATestSuitePerDomainAndATestCasePerFindingId() throws Exception {
    Document d = validJunit(junit(Status.FAIL, report("a.example"), report("b.example")));
    NodeList suites = d.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(2);
    Element a = (Element) suites.item(0);
    assertThat(a.getAttribute("name")).isEqualTo("domain a.example");
    // mx.present, dmarc.policy, ptr.fcrdns (two findings, one case), bimi.record, spf.present
    assertThat(a.getAttribute("tests")).isEqualTo("5");
    assertThat(a.getAttribute("failures")).isEqualTo("1");
    assertThat(a.getAttribute("errors")).isEqualTo("1");
    assertThat(a.getAttribute("skipped")).isEqualTo("1");
    assertThat(a.getAttribute("time")).isEqualTo("1.234");
    Element dmarc = testcase(d, "domain a.example", "dmarc.policy");
    assertThat(has(dmarc, "failure")).isTrue();
    assertThat(dmarc.getTextContent()).contains("Remedy: Publish \"v=DMARC1; p=quarantine\"");
    assertThat(has(testcase(d, "domain a.example", "bimi.record"), "skipped")).isTrue();
    assertThat(has(testcase(d, "domain a.example", "spf.present"), "error")).isTrue();
    Element ptr = testcase(d, "domain a.example", "ptr.fcrdns");
    assertThat(has(ptr, "failure")).isFalse();
    assertThat(ptr.getTextContent()).contains("mx1.a.example", "mx2.a.example");
    assertThat(has(testcase(d, "domain a.example", "mx.present"), "failure")).isFalse();
  }

  @Test
  void junitTurnsWarningsIntoFailuresUnderFailOnWarn() throws Exception {
    Document d = validJunit(junit(Status.WARN, report("a.example")));
    assertThat(has(testcase(d, "domain a.example", "ptr.fcrdns"), "failure")).isTrue();
    Element suite = (Element) d.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("failures")).isEqualTo("2");
  }

  @Test
  void junitKeepsExcusedWarningsPassingUnderFailOnWarn() throws Exception {
    JunitRenderer r = new JunitRenderer(Status.WARN, (rep, f) -> f.id().equals("ptr.fcrdns"));
    StringWriter out = new StringWriter();
    r.render(report("a.example"), out);
    Document d = validJunit(out.toString());
    assertThat(has(testcase(d, "domain a.example", "ptr.fcrdns"), "failure")).isFalse();
    Element suite = (Element) d.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
  }

  @Test
  void junitCarriesHostileTextAsVisibleEscapes() throws Exception {
    String xml = junit(Status.FAIL, report("a.example"));
    validJunit(xml);
    assertThat(xml).contains("\\x07\\x1b[31m", "\\xd800", "&lt;&amp;&quot;&#39;&gt;");
    assertThat(xml).doesNotContain("\u0007", "\u001b");
  }

  static String sarif(Report... reports) throws Exception {
    SarifRenderer r = new SarifRenderer("1.2.3");
    StringWriter out = new StringWriter();
    r.begin(out);
    for (Report rep : reports) r.report(rep, out);
    r.end(null, out);
    return out.toString();
  }

  static void assertValid(JsonSchema schema, JsonNode doc) {
    Set<ValidationMessage> errors = schema.validate(doc);
    assertThat(errors).as("SARIF schema errors").isEmpty();
  }

  @Test
  void sarifHasARulePerFindingIdAndResultsAtTheDnsName() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(sarif(report("a.example"), report("b.example")));
    try (InputStream in = getClass().getResourceAsStream("sarif-2.1.0-subset.schema.json")) {
      assertValid(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in), doc);
    }
    JsonNode run = doc.get("runs").get(0);
    JsonNode rules = run.get("tool").get("driver").get("rules");
    List<String> ids = rules.findValuesAsText("id");
    // pass findings are not results; every other id has exactly one rule
    assertThat(ids).containsExactly("dmarc.policy", "ptr.fcrdns", "bimi.record", "spf.present");
    assertThat(rules.get(0).get("help").get("text").asText())
        .isEqualTo("Publish \"v=DMARC1; p=quarantine\" at _dmarc.a.example");
    assertThat(rules.get(2).get("help").get("text").asText()).contains("docs/checks.md");
    JsonNode results = run.get("results");
    assertThat(results).hasSize(8);
    JsonNode first = results.get(0);
    assertThat(first.get("ruleId").asText()).isEqualTo("dmarc.policy");
    assertThat(first.get("level").asText()).isEqualTo("error");
    assertThat(
            first
                .get("locations")
                .get(0)
                .get("physicalLocation")
                .get("artifactLocation")
                .get("uri")
                .asText())
        .isEqualTo("a.example");
    JsonNode ptr = results.get(1);
    assertThat(ptr.get("level").asText()).isEqualTo("warning");
    assertThat(ptr.get("ruleIndex").asInt()).isEqualTo(1);
    assertThat(ptr.get("locations").get(0).get("logicalLocations").get(0).get("name").asText())
        .isEqualTo("mx1.a.example 192.0.2.1");
    assertThat(results.get(2).get("level").asText()).isEqualTo("note");
    assertThat(
            results
                .get(4)
                .get("locations")
                .get(0)
                .get("physicalLocation")
                .get("artifactLocation")
                .get("uri")
                .asText())
        .isEqualTo("b.example");
  }
}
