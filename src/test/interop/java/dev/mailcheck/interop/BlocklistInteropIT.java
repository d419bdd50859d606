package dev.mailcheck.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocklists against the lab's Knot zones (zones/*.bl.test.zone): a list that answers like Spamhaus
 * ZEN (SBL, PBL, both at once, the 127.255.255.x refusals, 127.0.0.1, an answer outside 127/8, an
 * undocumented code, an IPv6 nibble name), a DBL, a list delegated to a dead address and one whose
 * server never answers. What Knot serves is read with kdig first (the truth), then mailcheck must
 * report each answer as the list documents it: listings as listings, refusals and failures as
 * errors, never the one for the other. Also {@code dmarc report --resolve-ptr} against the lab's
 * reverse zone.
 */
class BlocklistInteropIT {
  static final InteropEnv ENV = InteropEnv.load();
  @TempDir Path tmp;

  static String lists() {
    return ENV.get("blocklists");
  }

  /** What Knot answers for A at {@code name}, as kdig prints it (+short), sorted. */
  static List<String> kdig(String name, String type) {
    var t =
        InteropEnv.tool(
            Map.of(), "kdig", "+short", "+time=2", "+retry=0", "@" + ENV.dnsServer(), name, type);
    return Arrays.stream(t.output().split("\n"))
        .map(String::strip)
        .filter(x -> !x.isEmpty())
        .sorted()
        .toList();
  }

  static JsonNode blocklist(String... targets) {
    List<String> args = new ArrayList<>(List.of("blocklist"));
    args.addAll(List.of(targets));
    args.addAll(List.of("--lists-file", lists(), "--allow-private", "--json"));
    CliRun r = ENV.mailcheck(args.toArray(String[]::new));
    assertThat(r.err()).doesNotContain("Exception");
    return r.json();
  }

  /** verdict per target for the lab ZEN / DBL list. */
  static Map<String, JsonNode> results(JsonNode report) {
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode t : report.path("blocklist").path("targets"))
      out.put(t.path("target").asText(), t.path("results").get(0));
    return out;
  }

  @Test
  void everyLabAnswerIsClassifiedAsTheListDocumentsIt() {
    JsonNode r =
        blocklist(
            "127.25.0.10",
            "127.25.0.20",
            "127.25.0.30",
            "127.25.0.31",
            "127.25.0.40",
            "127.25.0.41",
            "127.25.0.42",
            "127.25.0.43",
            "127.25.0.44",
            "127.25.0.45",
            "2001:db8::25",
            "127.0.0.2",
            "good.test",
            "broken.test",
            "weak.test");
    Map<String, JsonNode> res = results(r);
    // The truth first: what Knot serves for each query name mailcheck asked.
    for (JsonNode v : res.values()) {
      List<String> expected = kdig(v.path("query").asText(), "A");
      List<String> actual = new ArrayList<>();
      v.path("answers").forEach(a -> actual.add(a.asText()));
      if (!v.path("verdict").asText().equals("not-listed"))
        assertThat(actual.stream().sorted().toList())
            .as(v.path("query").asText())
            .isEqualTo(expected);
      else assertThat(expected).as(v.path("query").asText()).isEmpty();
    }
    Map<String, String> verdicts = new HashMap<>();
    res.forEach(
        (k, v) ->
            verdicts.put(
                k,
                v.path("verdict").asText()
                    + (v.path("error").asText().isEmpty() ? "" : ":" + v.path("error").asText())));
    assertThat(verdicts)
        .containsEntry("127.25.0.10", "not-listed")
        .containsEntry("127.25.0.20", "listed")
        .containsEntry("127.25.0.30", "policy")
        .containsEntry("127.25.0.31", "listed")
        .containsEntry("127.25.0.40", "error:public-resolver")
        .containsEntry("127.25.0.41", "error:rate-limit")
        .containsEntry("127.25.0.42", "error:misconfigured")
        .containsEntry("127.25.0.43", "error:loopback-answer")
        .containsEntry("127.25.0.44", "error:not-loopback")
        .containsEntry("127.25.0.45", "error:undocumented")
        .containsEntry("2001:db8::25", "listed")
        .containsEntry("127.0.0.2", "listed")
        .containsEntry("good.test", "not-listed")
        .containsEntry("broken.test", "listed")
        .containsEntry("weak.test", "error:public-resolver");
    assertThat(res.get("127.25.0.20").path("reason").asText())
        .isEqualTo(kdig("20.0.25.127.zen.bl.test", "TXT").get(0).replace("\"", ""));
    assertThat(res.get("2001:db8::25").path("query").asText())
        .isEqualTo("5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zen.bl.test");
    // No refusal or failure is ever a listing.
    for (JsonNode f : r.path("findings"))
      if (f.path("id").asText().equals("blocklist.listed")
          && f.path("status").asText().equals("fail"))
        assertThat(f.path("subject").asText())
            .isIn("127.25.0.20", "127.25.0.31", "2001:db8::25", "127.0.0.2", "broken.test");
  }

  @Test
  void aDeadDelegationAndASilentServerAreErrorsNeverNotListed() {
    long start = System.nanoTime();
    CliRun r =
        CliRun.of(
            "--resolver",
            ENV.dnsServer() + ":" + ENV.get("dns.port"),
            "--timeout",
            "1s",
            "--json",
            "blocklist",
            "127.25.0.10",
            "--lists-file",
            lists(),
            "--list",
            "dead=dead.bl.test",
            "--list",
            "slow=slow.bl.test",
            "--allow-private");
    long seconds = (System.nanoTime() - start) / 1_000_000_000;
    JsonNode j = r.json();
    Map<String, String> byList = new HashMap<>();
    for (JsonNode res : j.path("blocklist").path("targets").get(0).path("results"))
      byList.put(
          res.path("list").asText(),
          res.path("verdict").asText() + ":" + res.path("outcome").asText());
    assertThat(byList)
        .containsEntry("lab-zen", "not-listed:NXDOMAIN")
        .containsEntry("dead", "error:SERVFAIL")
        .containsEntry("slow", "error:TIMEOUT");
    assertThat(r.exitCode()).as("an error is at the fail threshold").isEqualTo(1);
    assertThat(seconds).as("bounded by --timeout, not the dead server").isLessThan(10);
    assertThat(j.path("findings").toString())
        .contains("Could not ask slow (slow.bl.test) (TIMEOUT)");
  }

  @Test
  void domainReportLooksUpMxAddressesAndTheDomain() {
    JsonNode weak =
        ENV.mailcheck(
                "domain",
                "weak.test",
                "--allow-private",
                "--no-smtp",
                "--lists-file",
                lists(),
                "--json")
            .json();
    assertThat(weak.path("blocklist").toString())
        .contains("\"target\":\"127.25.0.20\"", "\"role\":\"mx\"");
    assertThat(worst(weak, "blocklist.listed")).isEqualTo("fail");
    assertThat(weak.path("caps").toString()).contains("blocklist");
    JsonNode broken =
        ENV.mailcheck(
                "domain",
                "broken.test",
                "--allow-private",
                "--no-smtp",
                "--lists-file",
                lists(),
                "--ip",
                "127.25.0.30",
                "--json")
            .json();
    assertThat(worst(broken, "blocklist.listed")).isEqualTo("fail");
    assertThat(worst(broken, "blocklist.policy"))
        .as("a sending address in the PBL")
        .isEqualTo("fail");
  }

  @Test
  void dmarcReportResolvesPtrNamesThroughTheLabResolver() throws Exception {
    String xml =
        new String(
                BlocklistInteropIT.class
                    .getResourceAsStream("/dev/mailcheck/checks/dmarcreport/google.xml")
                    .readAllBytes(),
                StandardCharsets.UTF_8)
            .replace("192.0.2.10", "127.25.0.10")
            .replace("198.51.100.20", "127.25.0.20")
            .replace("203.0.113.66", "127.25.0.30");
    Path f = tmp.resolve("lab.xml");
    Files.writeString(f, xml);
    JsonNode j = ENV.mailcheck("dmarc", "report", f.toString(), "--resolve-ptr", "--json").json();
    Map<String, String> ptr = new HashMap<>();
    for (JsonNode s : j.path("dmarcReport").path("sources"))
      ptr.put(
          s.path("ip").asText(),
          s.path("ptr").size() > 0 ? s.path("ptr").get(0).asText() : s.path("ptrOutcome").asText());
    assertThat(ptr.get("127.25.0.10"))
        .isEqualTo(kdig("10.0.25.127.in-addr.arpa", "PTR").get(0).replaceAll("\\.$", ""));
    assertThat(ptr.get("127.25.0.20")).as("no PTR in the lab").isEqualTo("NXDOMAIN");
    assertThat(ptr.get("127.25.0.30"))
        .isEqualTo(kdig("30.0.25.127.in-addr.arpa", "PTR").get(0).replaceAll("\\.$", ""));
  }

  static String worst(JsonNode report, String id) {
    List<String> order = List.of("pass", "info", "warn", "fail", "error");
    String w = "(absent)";
    for (JsonNode f : report.path("findings")) {
      if (!f.path("id").asText().equals(id)) continue;
      String s = f.path("status").asText();
      if (w.equals("(absent)") || order.indexOf(s) > order.indexOf(w)) w = s;
    }
    return w;
  }
}
