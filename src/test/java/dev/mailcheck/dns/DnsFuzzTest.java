package dev.mailcheck.dns;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mailcheck.internal.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * Fuzz targets for what the DNS layer reads from outside: --dns-replay files, TXT presentation
 * data, and records of any type with odd RDATA as dnsjava decodes them from the wire (issue 19).
 */
class DnsFuzzTest {
  private static final Path DIR = tempDir();

  /**
   * A replay file is read, or refused with a one-line reason; what was read writes back the same.
   */
  @FuzzTest
  void replayFile(byte[] data) throws IOException {
    Path file = DIR.resolve("replay.json");
    Files.write(file, data);
    DnsRecording.Contents contents;
    try {
      contents = DnsRecording.readAll(file);
    } catch (InputException e) {
      assertThat(e.getMessage()).doesNotContain("\n", "\r");
      return;
    }
    Path copy = DIR.resolve("copy.json");
    DnsRecording.write(
        copy,
        new ArrayList<>(contents.answers().values()),
        new ArrayList<>(contents.signed().values()));
    DnsRecording.Contents again = DnsRecording.readAll(copy);
    assertThat(json(again)).isEqualTo(json(contents));
  }

  /** TXT strings: octets → presentation → octets is exact. */
  @FuzzTest
  void txtPresentation(byte[] data) {
    List<byte[]> strings = new ArrayList<>();
    for (int i = 0; i < data.length; i += 255)
      strings.add(java.util.Arrays.copyOfRange(data, i, Math.min(data.length, i + 255)));
    String shown = DnsRecording.txtData(strings);
    assertThat(shown.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).isTrue();
    List<byte[]> back = DnsRecording.parseTxt(shown);
    assertThat(back).hasSameSizeAs(strings);
    for (int i = 0; i < back.size(); i++) assertThat(back.get(i)).isEqualTo(strings.get(i));
    try {
      DnsRecording.parseTxt(new String(data, StandardCharsets.ISO_8859_1));
    } catch (IllegalArgumentException notTxt) {
      assertThat(notTxt.getMessage()).isNotBlank();
    }
  }

  /** Any record dnsjava decodes converts, renders, and survives a recording round trip. */
  @FuzzTest
  void oddRdata(byte[] data) {
    Record r;
    try {
      r = Record.fromWire(data, Section.ANSWER);
    } catch (IOException | RuntimeException notARecord) {
      return;
    }
    Optional<DnsRecord> converted = DnsjavaRecords.convert(r);
    if (converted.isEmpty()) return;
    DnsRecord rec = converted.get();
    String shown = rec.data();
    assertThat(shown).isNotNull();
    var result =
        new DnsResult.Records(DnsQuestion.of(rec.name(), rec.type()), List.of(rec), List.of());
    String once = DnsRecording.toJson(result).toString();
    DnsResult back = DnsRecording.fromJson(DnsRecording.toJson(result));
    assertThat(DnsRecording.toJson(back).toString()).isEqualTo(once);
  }

  private static String json(DnsRecording.Contents c) {
    StringBuilder sb = new StringBuilder();
    c.answers().values().forEach(r -> sb.append(DnsRecording.toJson(r)).append('\n'));
    c.signed()
        .forEach(
            (q, a) -> {
              sb.append(q).append(DnsRecording.toJson(a.outcome())).append(a.authenticData());
              for (DnsRecord x : a.answer()) sb.append(line(x));
              sb.append('|');
              for (DnsRecord x : a.authority()) sb.append(line(x));
            });
    return sb.toString();
  }

  private static String line(DnsRecord x) {
    return x.name() + " " + x.ttl() + " " + x.type() + " " + DnsRecording.zoneData(x) + "\n";
  }

  private static Path tempDir() {
    try {
      Path d = Files.createTempDirectory("mailcheck-fuzz-dns");
      d.toFile().deleteOnExit();
      d.resolve("replay.json").toFile().deleteOnExit();
      d.resolve("copy.json").toFile().deleteOnExit();
      return d;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
