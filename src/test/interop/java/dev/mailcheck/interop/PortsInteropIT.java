package dev.mailcheck.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.testing.CliRun;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code mailcheck ports}: open and refused told apart on the real listeners. */
class PortsInteropIT {
  static InteropEnv env;

  @BeforeAll
  static void env() {
    env = InteropEnv.load();
  }

  static Map<Integer, String> states(String host) {
    CliRun run =
        env.mailcheck("ports", host, "--ca-file", env.get("tls.ca"), "--allow-private", "--json");
    assertThat(run.err()).doesNotContain("Exception");
    assertThat(run.exitCode()).as("exit code: %s", run.err()).isBetween(0, 1);
    Map<Integer, String> out = new TreeMap<>();
    for (JsonNode p : run.json().path("ports").path("ports"))
      out.put(p.path("port").asInt(), p.path("state").asText());
    return out;
  }

  @Test
  void allThreePortsOpenOnTheFirstMx() {
    assertThat(states("mx1.good.test")).isEqualTo(Map.of(25, "open", 465, "open", 587, "open"));
  }

  @Test
  void onlyPort25OnTheSecondMx() {
    assertThat(states("mx2.good.test"))
        .isEqualTo(Map.of(25, "open", 465, "refused", 587, "refused"));
  }

  @Test
  void plainListenerHas25And587() {
    assertThat(states("mx.weak.test")).isEqualTo(Map.of(25, "open", 465, "refused", 587, "open"));
  }
}
