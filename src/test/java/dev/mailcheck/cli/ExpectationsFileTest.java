package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.mailcheck.checks.expect.Expectation;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.testing.ProjectPaths;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpectationsFileTest {
  /** The example of issue 17 and docs/scale.md. */
  static final String EXAMPLE =
      """
      domains:
        example.com:
          grade: A                     # minimum grade
          mx: [mx1.example.com, mx2.example.com]   # exactly these exchanges
          spf:
            includes: [_spf.google.com]            # must be present
            ips: [203.0.113.0/24]                  # must be authorized
            all: fail                              # -all
          dmarc:
            policy: quarantine         # minimum: none < quarantine < reject
            rua: [mailto:dmarc@example.com]
          dkim:
            selectors: [s1, s2]        # must exist
            min-bits: 2048
          mta-sts: enforce
          allow-warn: [ptr.fcrdns]     # finding ids that may warn without failing the run
      """;

  static Path write(Path dir, String text) throws Exception {
    Path p = dir.resolve("mailcheck.yml");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void readsTheDocumentedShape(@TempDir Path dir) throws Exception {
    Map<String, Expectation> m = ExpectationsFile.read(write(dir, EXAMPLE));
    Expectation e = m.get("example.com");
    assertThat(e.grade()).contains("A");
    assertThat(e.mx()).contains(List.of("mx1.example.com", "mx2.example.com"));
    assertThat(e.spfIncludes()).containsExactly("_spf.google.com");
    assertThat(e.spfIps()).containsExactly("203.0.113.0/24");
    assertThat(e.spfAll()).contains("fail");
    assertThat(e.dmarcPolicy()).contains("quarantine");
    assertThat(e.dmarcRua()).containsExactly("mailto:dmarc@example.com");
    assertThat(e.dkimSelectors()).containsExactly("s1", "s2");
    assertThat(e.dkimMinBits()).contains(2048);
    assertThat(e.mtaSts()).contains("enforce");
    assertThat(e.allowWarn()).containsExactly("ptr.fcrdns");
  }

  @Test
  void theExampleIsValidAgainstThePublishedSchema() throws Exception {
    JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(EXAMPLE);
    try (InputStream in = Files.newInputStream(ProjectPaths.docs("expect.schema.json"))) {
      var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
      assertThat(schema.validate(doc)).isEmpty();
      JsonNode bad =
          new ObjectMapper(new YAMLFactory())
              .readTree("domains: {a.example: {dmarc: {policy: rejekt}}}");
      assertThat(schema.validate(bad)).isNotEmpty();
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          domains:\\n  a.example:\\n    dmarc:\\n      policy: rejekt  | mailcheck.yml:4: dmarc.policy must be none, quarantine, reject, not 'rejekt'
          domains:\\n  a.example:\\n    grade: G                 | mailcheck.yml:3: grade must be A+, A, B, C, D, E, F, not 'G'
          domains:\\n  a.example:\\n    mx: mx1.a.example         | mailcheck.yml:3: mx must be a list, e.g. [a, b]
          domains:\\n  a.example:\\n    spf: {ips: [300.1.1.1]}   | mailcheck.yml:3: spf.ips: '300.1.1.1' is not an address or network (203.0.113.0/24)
          domains:\\n  a.example:\\n    colour: blue             | mailcheck.yml:3: unknown key 'colour' in a.example
          domains:\\n  a.example:\\n    allow-warn: [ptr.nope]   | mailcheck.yml:3: allow-warn: 'ptr.nope' is not a finding id (docs/checks.md)
          domains:\\n  a.example:\\n    dkim: {min-bits: lots}   | mailcheck.yml:3: dkim.min-bits must be a number from 512 to 16384, not 'lots'
          domains:\\n  a.example: {}\\n  A.EXAMPLE: {}            | mailcheck.yml:3: domain a.example listed twice
          domains:\\n  a.example:\\n    mx: [a\\n                | mailcheck.yml:4: not valid YAML
          grade: A                                               | mailcheck.yml:1: unknown key 'grade' in the file
          '# nothing'                                            | mailcheck.yml:1: empty file
          """)
  void aBadFileIsOneLineAtFileAndLine(String yaml, String message, @TempDir Path dir)
      throws Exception {
    Path p = write(dir, yaml.replace("\\n", "\n"));
    assertThatThrownBy(() -> ExpectationsFile.read(p))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(
            dir.resolve(message.substring(0, message.indexOf(':')))
                + message.substring(message.indexOf(':')))
        .message()
        .doesNotContain("\n");
  }

  @Test
  void aMissingFileIsAnInputError(@TempDir Path dir) {
    assertThatThrownBy(() -> ExpectationsFile.read(dir.resolve("none.yml")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no such file");
  }
}
