package dev.mailcheck.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mailcheck postfix} against the lab's real Postfix: traffic sent through it first
 * (postfix-traffic.sh: delivered, deferred to a dead port, bounced as a loop and as an unknown
 * local user, relay attempts refused, failed SASL logins), then {@code postfix log} on its log
 * compared with Debian's pflogsumm on the same file, and {@code postfix config} on its
 * configuration compared with what {@code postconf -n}, {@code -nx} and {@code -P} print.
 */
class PostfixInteropIT {
  static InteropEnv env;
  static Path log;

  /**
   * smtpd syslog names pflogsumm 1.1.5 recognises (its regex: postfix[/smtps|/submission]/smtpd).
   */
  static final Set<String> PFLOGSUMM_SMTPD =
      Set.of(
          "postfix/smtpd", "postfix/smtps/smtpd", "postfix/submission/smtpd", "postfix/postscreen");

  @BeforeAll
  static void traffic() throws IOException {
    env = InteropEnv.load();
    var t = InteropEnv.tool(Map.of(), "src/test/interop/postfix-traffic.sh", env.get("dir"));
    assertThat(t.exitCode()).as(InteropEnv.redacted(t.output())).isZero();
    // one snapshot for both tools: the live log keeps growing while other tests run
    log = Files.createTempFile("postfix-interop", ".log");
    Files.copy(Path.of(env.get("dir"), "postfix.log"), log, StandardCopyOption.REPLACE_EXISTING);
  }

  static JsonNode mailcheck(String... args) {
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
    return run.json();
  }

  static long pflogsummTotal(String out, String label) {
    Matcher m = Pattern.compile("(?m)^\\s+(\\d+)\\s+" + Pattern.quote(label) + "\\b").matcher(out);
    assertThat(m.find()).as("pflogsumm prints %s:%n%s", label, out).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void logTotalsAgreeWithPflogsumm() {
    var pf = InteropEnv.tool(Map.of(), "pflogsumm", "--problems-first", log.toString());
    assertThat(pf.exitCode()).as(pf.output()).isZero();
    String out = pf.output();
    JsonNode v =
        mailcheck("--json", "postfix", "log", log.toString(), "--top", "1000").path("postfixLog");
    JsonNode t = v.path("totals");
    // the real traffic is there
    assertThat(t.path("delivered").asLong()).isGreaterThanOrEqualTo(4);
    assertThat(t.path("deferred").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(t.path("bounced").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(t.path("rejected").asLong()).isGreaterThanOrEqualTo(2);
    // counts both compute
    assertThat(t.path("delivered").asLong()).isEqualTo(pflogsummTotal(out, "delivered"));
    assertThat(t.path("forwarded").asLong()).isEqualTo(pflogsummTotal(out, "forwarded"));
    assertThat(t.path("deferred").asLong()).isEqualTo(pflogsummTotal(out, "deferred"));
    assertThat(t.path("bounced").asLong()).isEqualTo(pflogsummTotal(out, "bounced"));
    assertThat(t.path("held").asLong()).isEqualTo(pflogsummTotal(out, "held"));
    assertThat(t.path("discarded").asLong()).isEqualTo(pflogsummTotal(out, "discarded"));
    Matcher dfr = Pattern.compile("\\((\\d+)\\s+deferrals\\)").matcher(out);
    assertThat(dfr.find()).isTrue();
    assertThat(t.path("deferrals").asLong()).isEqualTo(Long.parseLong(dfr.group(1)));
    // received and rejected: pflogsumm does not see smtpd services with their own syslog_name
    // (postfix/plain/smtpd ...); docs/postfix.md
    long otherReceived = 0;
    long otherRejected = 0;
    for (JsonNode s : v.path("services"))
      if (!PFLOGSUMM_SMTPD.contains(s.path("service").asText())) {
        otherReceived += s.path("received").asLong();
        otherRejected += s.path("rejected").asLong();
      }
    assertThat(t.path("received").asLong() - otherReceived)
        .isEqualTo(pflogsummTotal(out, "received"));
    assertThat(t.path("rejected").asLong() - otherRejected)
        .isEqualTo(pflogsummTotal(out, "rejected"));
    assertThat(perDomainDelivered(v)).isEqualTo(pflogsummPerDomain(out));
  }

  static Map<String, Long> perDomainDelivered(JsonNode v) {
    Map<String, Long> m = new TreeMap<>();
    for (JsonNode r : v.path("recipientDomains"))
      if (r.path("delivered").asLong() > 0)
        m.put(r.path("domain").asText(), r.path("delivered").asLong());
    return m;
  }

  /** "Host/Domain Summary: Message Delivery": sent cnt ... host/domain. */
  static Map<String, Long> pflogsummPerDomain(String out) {
    Map<String, Long> m = new TreeMap<>();
    int i = out.indexOf("Host/Domain Summary: Message Delivery");
    if (i < 0) return m;
    String section = out.substring(i).split("\n\n", 2)[0];
    for (String line : section.split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length >= 2 && f[0].matches("\\d+") && !line.contains("sent cnt"))
        if (Long.parseLong(f[0]) > 0) m.put(f[f.length - 1], Long.parseLong(f[0]));
    }
    return m;
  }

  @Test
  void logFindsTheTrafficAndExplainsIt() {
    JsonNode json = mailcheck("--json", "postfix", "log", log.toString(), "--top", "1000");
    JsonNode v = json.path("postfixLog");
    assertThat(v.path("deferralReasons").toString()).contains("\"kind\":\"connection-refused\"");
    assertThat(v.path("bounceReasons").toString())
        .contains("\"kind\":\"loop\"", "\"kind\":\"mailbox-unknown\"");
    assertThat(v.path("rejections").toString()).contains("\"kind\":\"relay-denied\"");
    assertThat(v.path("saslFailures").toString()).contains("\"name\":\"127.0.0.77\"");
    assertThat(v.path("saslLogins").toString())
        .contains("\"name\":\"" + env.get("auth.user") + "\"");
    assertThat(v.path("input").path("unparsed").asLong()).isZero();
    Map<String, String> status = new LinkedHashMap<>();
    for (JsonNode f : json.path("findings"))
      status.merge(f.path("id").asText(), f.path("status").asText(), (a, b) -> a);
    assertThat(status)
        .containsEntry("postfix.log.input", "pass")
        .containsKeys(
            "postfix.log.deferred",
            "postfix.log.bounced",
            "postfix.log.rejected",
            "postfix.log.sasl-failures",
            "postfix.log.tls");
    assertThat(status.get("postfix.log.deferred")).isIn("info", "warn");
    assertThat(status.get("postfix.log.rejected")).isEqualTo("info");
  }

  /** {@code postconf -c DIR FLAGS}: name = value lines as a map. */
  static Map<String, String> postconf(String... flags) {
    String dir = Path.of(env.get("dir"), "postfix").toString();
    String[] cmd = new String[flags.length + 3];
    cmd[0] = "postconf";
    cmd[1] = "-c";
    cmd[2] = dir;
    System.arraycopy(flags, 0, cmd, 3, flags.length);
    var t = InteropEnv.tool(Map.of(), cmd);
    assertThat(t.exitCode()).as(t.output()).isZero();
    Map<String, String> m = new TreeMap<>();
    for (String line : t.output().split("\n")) {
      int eq = line.indexOf(" = ");
      if (eq > 0) m.put(line.substring(0, eq).strip(), line.substring(eq + 3).strip());
      else if (line.endsWith(" =")) m.put(line.substring(0, line.length() - 2).strip(), "");
    }
    return m;
  }

  @Test
  void configValuesAgreeWithPostconf() {
    Path dir = Path.of(env.get("dir"), "postfix");
    JsonNode v = mailcheck("--json", "postfix", "config", dir.toString()).path("postfixConfig");
    Map<String, String> n = postconf("-n");
    Map<String, String> nx = postconf("-n", "-x");
    Map<String, String> p = postconf("-P");
    int compared = 0;
    int overrides = 0;
    for (JsonNode s : v.path("settings")) {
      String name = s.path("name").asText();
      if (s.path("scope").asText().equals("main.cf")) {
        if (!s.path("origin").asText().startsWith("main.cf:")) {
          assertThat(n)
              .as("%s is a default for mailcheck, so postconf -n must not list it", name)
              .doesNotContainKey(name);
          continue;
        }
        assertThat(s.path("value").asText()).as("postconf -n %s", name).isEqualTo(n.get(name));
        assertThat(s.path("expanded").asText()).as("postconf -nx %s", name).isEqualTo(nx.get(name));
        compared++;
      } else {
        String key = s.path("scope").asText() + "/" + name;
        assertThat(s.path("value").asText()).as("postconf -P %s", key).isEqualTo(p.get(key));
        overrides++;
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(10);
    assertThat(overrides).isGreaterThanOrEqualTo(10);
  }

  @Test
  void configAuditOfTheLab() {
    Path dir = Path.of(env.get("dir"), "postfix");
    JsonNode json = mailcheck("--json", "postfix", "config", dir.toString());
    String all = json.path("findings").toString();
    Map<String, String> worst = new TreeMap<>();
    for (JsonNode f : json.path("findings")) {
      String id = f.path("id").asText() + " " + f.path("subject").asText("");
      worst.put(id, f.path("status").asText());
    }
    // 127.25.0.30 serves the expired certificate for wrong-name.invalid
    assertThat(worst)
        .containsEntry(
            "postfix.config.certificate 127.25.0.30:25/inet, 127.25.0.30:465/inet", "fail");
    assertThat(worst)
        .hasEntrySatisfying(
            "postfix.config.certificate main.cf, 127.25.0.10:587/inet, 127.25.0.10:465/inet",
            st -> assertThat(st).isEqualTo("pass"));
    // 127.25.0.20 has no TLS and offers AUTH in clear text
    assertThat(worst).containsEntry("postfix.config.tls-level 127.25.0.20:25/inet", "warn");
    assertThat(worst)
        .containsEntry("postfix.config.tls-auth-only 127.25.0.20:25/inet", "warn")
        .containsEntry("postfix.config.tls-auth-only 127.25.0.20:587/inet", "warn");
    assertThat(worst).containsEntry("postfix.config.tls-ciphers 127.25.0.30:25/inet", "warn");
    assertThat(all).doesNotContain("Open relay");
    assertThat(json.path("postfixConfig").path("services")).hasSize(8);
  }

  @Test
  void configWithDnsFindsMyhostnameForwardAndReverse() {
    // main.cf says myhostname = mx1.good.test; the lab zone gives it 127.25.0.10, whose PTR
    // (0.25.127.in-addr.arpa) names it back
    Path dir = Path.of(env.get("dir"), "postfix");
    List<String> args =
        new ArrayList<>(List.of("--json", "postfix", "config", dir.toString(), "--dns"));
    args.addAll(env.resolverArgs());
    JsonNode json = mailcheck(args.toArray(String[]::new));
    JsonNode f = null;
    for (JsonNode x : json.path("findings"))
      if (x.path("id").asText().equals("postfix.config.myhostname-dns")) f = x;
    assertThat(f).as(json.path("findings").toString()).isNotNull();
    assertThat(f.path("status").asText()).as(f.toString()).isEqualTo("pass");
    assertThat(f.path("evidence").toString()).contains("127.25.0.10 PTR mx1.good.test");
  }
}
