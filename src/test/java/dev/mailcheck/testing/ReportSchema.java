package dev.mailcheck.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.stream.Collectors;

/** Validates JSON output against docs/report.schema.json, the published contract. */
public final class ReportSchema {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonSchema schema;

  private ReportSchema() {}

  private static synchronized JsonSchema schema() {
    if (schema == null) {
      try (InputStream in = Files.newInputStream(ProjectPaths.docs("report.schema.json"))) {
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return schema;
  }

  /** Parses the text and asserts it validates; returns the parsed tree for further assertions. */
  public static JsonNode assertValid(String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + e.getMessage() + "\n" + json, e);
    }
    Set<ValidationMessage> errors = schema().validate(node);
    assertThat(errors.stream().map(ValidationMessage::getMessage).collect(Collectors.toList()))
        .as("schema errors for:\n%s", json)
        .isEmpty();
    return node;
  }
}
