package dev.mailcheck.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading findings out of a mailcheck JSON report. */
final class Findings {
  private Findings() {}

  /** The statuses of every finding with this id, in report order. */
  static List<String> statuses(JsonNode report, String id) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : report.path("findings"))
      if (f.path("id").asText().equals(id)) out.add(f.path("status").asText());
    return out;
  }

  static void assertPresent(JsonNode report, String id) {
    assertThat(statuses(report, id)).as("finding %s in %s", id, ids(report)).isNotEmpty();
  }

  /** Present, and at least one occurrence is not pass/info: the problem was reported. */
  static void assertFlagged(JsonNode report, String id) {
    assertThat(statuses(report, id))
        .as("finding %s flagged (warn/fail/error) in %s", id, ids(report))
        .isNotEmpty()
        .anyMatch(s -> s.equals("warn") || s.equals("fail") || s.equals("error"));
  }

  /** Present, and no occurrence is warn/fail/error. */
  static void assertClean(JsonNode report, String id) {
    assertThat(statuses(report, id))
        .as("finding %s clean (pass/info) in %s", id, ids(report))
        .isNotEmpty()
        .allMatch(s -> s.equals("pass") || s.equals("info"));
  }

  static void assertNotFlagged(JsonNode report, String id) {
    assertThat(statuses(report, id))
        .as("finding %s not flagged in %s", id, ids(report))
        .allMatch(s -> s.equals("pass") || s.equals("info"));
  }

  static List<String> ids(JsonNode report) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : report.path("findings"))
      out.add(f.path("id").asText() + "=" + f.path("status").asText());
    return out;
  }
}
