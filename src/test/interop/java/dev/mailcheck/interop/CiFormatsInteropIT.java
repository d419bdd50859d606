package dev.mailcheck.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.mailcheck.testing.CliRun;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --format sarif} of a real report (the lab's weak.test, which has failures and warnings)
 * validated against the official SARIF 2.1.0 schema (OASIS rtm.5), which run.sh takes from npm.
 */
class CiFormatsInteropIT {
  static InteropEnv env;

  @BeforeAll
  static void load() {
    env = InteropEnv.load();
  }

  @Test
  void sarifOfARealReportIsValidAgainstTheOfficialSchema() throws Exception {
    Path schemaFile = Path.of(env.get("sarif.schema"));
    assertThat(schemaFile).as("run.sh fetches the SARIF schema").isRegularFile();
    CliRun run =
        env.mailcheck(
            "domain",
            "weak.test",
            "--allow-private",
            "--ca-file",
            env.get("tls.ca"),
            "--lists-file",
            env.get("blocklists"),
            "--format",
            "sarif");
    assertThat(run.exitCode()).as(run.err()).isBetween(0, 1);
    JsonNode doc = new ObjectMapper().readTree(run.out());
    JsonSchema schema;
    try (InputStream in = Files.newInputStream(schemaFile)) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    assertThat(schema.validate(doc)).as("SARIF validation messages").isEmpty();
    assertThat(doc.path("version").asText()).isEqualTo("2.1.0");
    JsonNode results = doc.path("runs").get(0).path("results");
    assertThat(results.size()).isGreaterThan(3);
    assertThat(results.toString()).contains("\"level\":\"error\"").contains("weak.test");
  }
}
