package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.testing.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostfixCommandTest {
  @TempDir Path tmp;

  Path resource(String name, String as) throws IOException {
    Path p = tmp.resolve(as);
    try (InputStream in = getClass().getResourceAsStream("/dev/mailcheck/checks/postfix/" + name)) {
      Files.write(p, in.readAllBytes());
    }
    return p;
  }

  @Test
  void logReportIsValidJsonWithTablesAndFailsOnBounces() throws IOException {
    Path log = resource("log/mail.log", "mail.log");
    var run = CliRun.of("--json", "postfix", "log", log.toString(), "--top", "2");
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(1); // 50 % bounced is a fail
    var json = run.json();
    assertThat(json.path("command").asText()).isEqualTo("postfix log");
    assertThat(json.path("postfixLog").path("totals").path("delivered").asInt()).isEqualTo(3);
    assertThat(json.path("postfixLog").path("recipientDomains")).hasSize(2);
    assertThat(json.path("postfixLog").path("top").asInt()).isEqualTo(2);
  }

  @Test
  void rotatedAndGzippedFilesAreReadInTimeOrder() throws IOException {
    Path newer = tmp.resolve("mail.log");
    Files.writeString(newer, "May  3 11:00:00 mail postfix/qmgr[9]: ABCDEF1: removed\n");
    Path older = tmp.resolve("mail.log.1.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(older))) {
      out.write("May  3 09:00:00 mail postfix/qmgr[9]: ABCDEF0: removed\n".getBytes());
    }
    var run = CliRun.of("--json", "postfix", "log", newer.toString(), older.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    var in = run.json().path("postfixLog").path("input");
    assertThat(in.path("files").get(0).asText()).endsWith("mail.log.1.gz");
    assertThat(in.path("postfixLines").asInt()).isEqualTo(2);
    assertThat(in.path("first").asText()).contains("T09:00:00");
  }

  @Test
  void textFitsEightyColumns() throws IOException {
    Path log = resource("log/mail.log", "mail.log");
    var run = CliRun.of("--no-color", "postfix", "log", log.toString());
    // the view: after the problems (text reports list those first), up to the other findings
    String view =
        run.out()
            .substring(run.out().indexOf("\nPostfix log: ") + 1, run.out().indexOf("\nPOSTFIX\n"));
    assertThat(view.lines().skip(1))
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
  }

  @Test
  void badInputIsExitTwo() throws IOException {
    var missing = CliRun.of("postfix", "log", tmp.resolve("nope.log").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.log: no such file");
    var since =
        CliRun.of(
            "postfix",
            "log",
            "--since",
            "yesterday-ish",
            resource("log/mail.log", "m.log").toString());
    assertThat(since.exitCode()).isEqualTo(2);
    assertThat(since.err()).contains("--since 'yesterday-ish'");
    var dir = CliRun.of("postfix", "config", tmp.resolve("nodir").toString());
    assertThat(dir.exitCode()).isEqualTo(2);
    assertThat(dir.err()).contains("not a directory");
    var noMain = CliRun.of("postfix", "config", tmp.toString());
    assertThat(noMain.exitCode()).isEqualTo(2);
    assertThat(noMain.err()).contains("main.cf: no such file");
    assertThat(missing.out() + since.out() + dir.out() + noMain.out()).isEmpty();
  }

  @Test
  void postconfOutputFilesInsteadOfADirectory() throws IOException {
    Path n = tmp.resolve("n.txt");
    Files.writeString(
        n,
        "compatibility_level = 3.6\nmyhostname = mail.example.com\nsmtpd_relay_restrictions = permit\n");
    Path m = tmp.resolve("m.txt");
    Files.writeString(
        m,
        "smtp       inet  n       -       y       -       -       smtpd\nsubmission inet  n       -       y       -       -       smtpd -o smtpd_tls_security_level=encrypt\n");
    var run =
        CliRun.of(
            "--json",
            "postfix",
            "config",
            "--postconf-output",
            n.toString(),
            "--postconf-output",
            m.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    var json = run.json();
    assertThat(json.path("postfixConfig").path("fromPostconf").asBoolean()).isTrue();
    assertThat(json.path("postfixConfig").path("services")).hasSize(2);
    assertThat(json.toString()).contains("postconf -n (n.txt):3", "Open relay");
  }
}
