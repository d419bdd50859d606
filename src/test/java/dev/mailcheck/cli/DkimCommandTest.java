package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailcheck.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DkimCommandTest {
  @TempDir Path tmp;

  static final String UNSIGNED =
      "From: a@example.com\r\nTo: b@example.org\r\nSubject: hi\r\n\r\nHello.\r\n";

  Path write(String name, String content) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, content, StandardCharsets.ISO_8859_1);
    return p;
  }

  @Test
  void unreadableFileIsExit2WithOneLine() {
    CliRun r = CliRun.of("dkim", "verify", tmp.resolve("nope.eml").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip())
        .startsWith("mailcheck: cannot read")
        .contains("no such file")
        .doesNotContain("\n");
  }

  @Test
  void directoryIsExit2() {
    CliRun r = CliRun.of("dkim", "verify", tmp.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("mailcheck: cannot read").doesNotContain("\n");
  }

  @Test
  void missingOrBadDomainAndSelectorAreExit2() {
    assertThat(CliRun.of("dkim").exitCode()).isEqualTo(2);
    CliRun bad = CliRun.of("dkim", "exa mple..com");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("not a valid domain name");
    CliRun sel = CliRun.of("dkim", "example.com", "--selector", "no/slash");
    assertThat(sel.exitCode()).isEqualTo(2);
    assertThat(sel.err()).contains("not a valid DKIM selector");
  }

  @Test
  void ipLiteralAsDomainIsExit2() {
    CliRun r = CliRun.of("dkim", "192.0.2.1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip())
        .isEqualTo(
            "mailcheck: '192.0.2.1' is an IP address, not a domain name; DKIM keys are published under a domain name such as example.com");
  }

  @Test
  void emptyFileNameIsExit2AndSaysSo() {
    CliRun r = CliRun.of("dkim", "verify", "");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("mailcheck: the FILE name is empty; give an .eml file or - for standard input");
  }

  @Test
  void emptyOrNonMessageInputIsExit2NotAnUnsignedMessage() throws Exception {
    CliRun empty = CliRun.of("dkim", "verify", write("empty.eml", "").toString());
    assertThat(empty.exitCode()).isEqualTo(2);
    assertThat(empty.out()).isEmpty();
    assertThat(empty.err().strip())
        .endsWith("empty.eml is empty; expected an email message (.eml)")
        .doesNotContain("\n");

    byte[] binary = new byte[4096];
    new java.util.Random(7).nextBytes(binary);
    binary[0] = (byte) 0x89; // as in a PNG
    Path bin = tmp.resolve("picture.png");
    Files.write(bin, binary);
    CliRun b = CliRun.of("dkim", "verify", bin.toString());
    assertThat(b.exitCode()).isEqualTo(2);
    assertThat(b.out()).isEmpty();
    assertThat(b.err().strip())
        .endsWith(
            "picture.png is not an email message: it has no header fields (expected an .eml file)");

    CliRun text =
        CliRun.of(
            "dkim",
            "verify",
            write("notes.txt", "just some notes\nwith: a colon later\n").toString());
    assertThat(text.exitCode()).isEqualTo(2);
    assertThat(text.err()).contains("is not an email message");

    // An mbox "From " line before the header is still a message.
    CliRun mbox =
        CliRun.of(
            "dkim",
            "verify",
            write("m.mbox", "From a@example.com Sat Jan  1 00:00:00 2000\n" + UNSIGNED).toString(),
            "--json");
    assertThat(mbox.exitCode()).isZero();
    mbox.json();
  }

  @Test
  void emptyStandardInputIsExit2() {
    var saved = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
      CliRun r = CliRun.of("dkim", "verify", "-");
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err().strip())
          .isEqualTo("mailcheck: standard input is empty; expected an email message (.eml)");
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void dnsRecordOfAnUnsignedMessageWritesAnEmptyRecordingNotNothing() throws Exception {
    Path rec = tmp.resolve("rec.json");
    CliRun r =
        CliRun.of(
            "dkim",
            "verify",
            write("m.eml", UNSIGNED).toString(),
            "--json",
            "--resolver",
            "127.0.0.1:9",
            "--dns-record",
            rec.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    r.json();
    assertThat(rec).exists();
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(rec.toFile()).isArray())
        .isTrue();
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(rec.toFile())).isEmpty();
  }

  @Test
  void unsignedMessageJsonValidatesAndWarns() throws Exception {
    CliRun r = CliRun.of("dkim", "verify", write("m.eml", UNSIGNED).toString(), "--json");
    assertThat(r.exitCode()).isZero();
    JsonNode j = r.json();
    assertThat(j.get("command").asText()).isEqualTo("dkim verify");
    assertThat(j.get("dkim").get("signatures")).isEmpty();
    assertThat(j.get("findings").get(0).get("id").asText()).isEqualTo("dkim.unsigned");
    assertThat(j.get("findings").get(0).get("status").asText()).isEqualTo("warn");
  }

  @Test
  void lfOnlyInputIsSaidAndFailOnWarnGivesExit1() throws Exception {
    CliRun r =
        CliRun.of(
            "dkim",
            "verify",
            write("lf.eml", UNSIGNED.replace("\r\n", "\n")).toString(),
            "--json",
            "--fail-on",
            "warn");
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode j = r.json();
    assertThat(j.get("dkim").get("lineEndingsConverted").asBoolean()).isTrue();
    assertThat(j.get("findings").findValuesAsText("id")).contains("dkim.line-endings");
  }

  @Test
  void textOutputShowsTheVerdict() throws Exception {
    CliRun r = CliRun.of("dkim", "verify", write("m.eml", UNSIGNED).toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("no DKIM-Signature");
  }

  @Test
  void readsTheMessageFromStandardInput() {
    var saved = System.in;
    try {
      System.setIn(
          new java.io.ByteArrayInputStream(UNSIGNED.getBytes(StandardCharsets.ISO_8859_1)));
      CliRun r = CliRun.of("dkim", "verify", "-", "--json");
      assertThat(r.exitCode()).isZero();
      JsonNode j = r.json();
      assertThat(j.get("target").asText()).isEqualTo("stdin");
      assertThat(j.get("findings").findValuesAsText("id")).containsExactly("dkim.unsigned");
    } finally {
      System.setIn(saved);
    }
  }
}
