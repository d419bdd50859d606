package dev.mailcheck.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Status;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The worst status each finding id reached, the map most check tests assert on: {@code
 * assertThat(worst(result.findings())).containsEntry("mx.present", Status.PASS)}.
 */
public final class FindingStatuses {
  private FindingStatuses() {}

  public static Map<String, Status> worst(List<Finding> findings) {
    return findings.stream().collect(Collectors.toMap(Finding::id, Finding::status, Status::worst));
  }

  /** The same from a JSON report, as tokens ("pass", "warn"...). */
  public static Map<String, String> worst(JsonNode report) {
    Map<String, String> out = new HashMap<>();
    for (JsonNode f : report.path("findings")) {
      out.merge(
          f.path("id").asText(),
          f.path("status").asText(),
          (a, b) -> Status.worst(Status.parse(a), Status.parse(b)).token());
    }
    return out;
  }
}
