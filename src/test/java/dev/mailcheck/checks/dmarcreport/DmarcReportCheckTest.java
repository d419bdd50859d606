package dev.mailcheck.checks.dmarcreport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.CheckResult;
import dev.mailcheck.checks.Checks;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.DmarcReportView;
import dev.mailcheck.testing.TestChecks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DmarcReportCheckTest {
  @TempDir Path tmp;

  static CheckResult<DmarcReportFacts> run(boolean ptr, FakeDns dns, Path... inputs) {
    var q = new DmarcReportCheck.Query(List.of(inputs), ptr, ReportLimits.defaults());
    return TestChecks.run(Checks.DMARC_REPORT, q, dns);
  }

  static List<Finding> of(CheckResult<?> r, FindingId id) {
    return r.findings().stream().filter(f -> f.kind() == id).toList();
  }

  static Map<String, DmarcReportView.Source> sources(CheckResult<?> r) {
    return ((DmarcReportView) r.view())
        .sources().stream()
            .collect(Collectors.toMap(DmarcReportView.Source::ip, Function.identity()));
  }

  @Test
  void readsEveryShapeOnceAndSumsPerSource() throws IOException {
    Path inbox = ReportFixtures.inbox(tmp.resolve("inbox"));
    var r = run(false, new FakeDns(), inbox);
    DmarcReportFacts f = r.facts();
    assertThat(f.reports()).as("google, microsoft, yahoo, fastmail").isEqualTo(4);
    assertThat(f.duplicates()).as("google again in the mbox, yahoo twice there").isEqualTo(2);
    assertThat(f.reporters())
        .extracting(ReporterStats::orgName)
        .containsExactlyInAnyOrder("google.com", "Enterprise Outlook", "Yahoo", "Fastmail Pty Ltd");
    assertThat(f.domains())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.domain()).isEqualTo("example.com");
              assertThat(d.messages()).isEqualTo(120 + 40 + 7 + 80 + 10 + 5 + 30 + 12 + 3 + 6);
              assertThat(d.pass()).isEqualTo(120 + 80 + 5 + 30);
              assertThat(d.currentPolicy()).isEqualTo("none");
            });
    Map<String, DmarcReportView.Source> s = sources(r);
    assertThat(s.get("192.0.2.10").messages()).isEqualTo(230);
    assertThat(s.get("192.0.2.10").classification()).isEqualTo("aligned");
    assertThat(s.get("198.51.100.20").classification()).isEqualTo("unaligned");
    assertThat(s.get("198.51.100.20").provider()).isEqualTo("SendGrid");
    assertThat(s.get("198.51.100.20").messages()).isEqualTo(50);
    assertThat(s.get("2001:db8::25").dkimAligned()).isEqualTo(5);
    assertThat(s.get("203.0.113.66").classification()).isEqualTo("spoofing");
    assertThat(s.get("203.0.113.99").classification()).isEqualTo("spoofing");
    assertThat(s.get("198.51.100.77").classification()).isEqualTo("forwarded");
    assertThat(s.get("198.51.100.77").overrides()).containsEntry("forwarded", 3L);
    assertThat(s.get("192.0.2.11").classification()).isEqualTo("unaligned");
    assertThat(f.inputs()).noneMatch(n -> !n.read());
  }

  @Test
  void advisesPerSourceSpoofingAndReadiness() throws IOException {
    var r = run(false, new FakeDns(), ReportFixtures.inbox(tmp.resolve("inbox")));
    List<Finding> unaligned = of(r, FindingId.DMARC_REPORT_UNALIGNED_SOURCE);
    assertThat(unaligned)
        .extracting(Finding::subject)
        .containsExactly(
            java.util.Optional.of("198.51.100.20"), java.util.Optional.of("192.0.2.11"));
    assertThat(unaligned.get(0).remedy().orElseThrow())
        .contains("signs with DKIM d=sendgrid.net", "set up DKIM for example.com at SendGrid")
        .contains("SPF passes for bounces.sendgrid.net");
    assertThat(unaligned.get(1).remedy().orElseThrow()).contains("mail2024._domainkey.example.com");
    assertThat(of(r, FindingId.DMARC_REPORT_SPOOFING))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(Status.WARN);
              assertThat(f.title())
                  .isEqualTo("19 messages from 2 sources look like spoofing of example.com");
            });
    assertThat(of(r, FindingId.DMARC_REPORT_FORWARDED)).hasSize(1);
    assertThat(of(r, FindingId.DMARC_REPORT_POLICY_READINESS))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(Status.WARN);
              assertThat(f.title()).startsWith("Not ready for p=quarantine: only 80.8%");
            });
    assertThat(of(r, FindingId.DMARC_REPORT_DUPLICATE)).hasSize(1);
  }

  @Test
  void readyWhenLegitimateMailAligns() throws IOException {
    Path f = tmp.resolve("big.xml");
    Files.write(f, ReportFixtures.large(200).toString().isEmpty() ? new byte[0] : aligned(200));
    var r = run(false, new FakeDns(), f);
    assertThat(of(r, FindingId.DMARC_REPORT_POLICY_READINESS))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.status()).isEqualTo(Status.PASS);
              assertThat(x.remedy().orElseThrow()).contains("Change p=none to p=quarantine");
            });
  }

  /** {@code n} records all passing, over 7 days. */
  static byte[] aligned(int n) {
    return new String(ReportFixtures.large(n), StandardCharsets.UTF_8)
        .replace("<dkim>fail</dkim>", "<dkim>pass</dkim>")
        .replace("<spf>fail</spf>", "<spf>pass</spf>")
        .replace("<result>fail</result>", "<result>pass</result>")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void ptrNamesComeFromTheSharedResolverAndNameProviders() throws IOException {
    Path inbox = ReportFixtures.inbox(tmp.resolve("inbox"));
    FakeDns dns =
        new FakeDns()
            .ptr("20.100.51.198.in-addr.arpa", "o1.ptr1234.sendgrid.net")
            .ptr("77.100.51.198.in-addr.arpa", "mail-yw1-f77.google.com");
    var r = run(true, dns, inbox);
    Map<String, DmarcReportView.Source> s = sources(r);
    assertThat(s.get("198.51.100.20").ptr()).containsExactly("o1.ptr1234.sendgrid.net");
    assertThat(s.get("198.51.100.77").provider()).isEqualTo("Google");
    assertThat(s.get("203.0.113.66").ptrOutcome()).isEqualTo("NXDOMAIN");
    assertThat(dns.asked()).hasSize(s.size());
    var without = run(false, new FakeDns(), inbox);
    assertThat(sources(without).get("198.51.100.20").ptrOutcome()).isEmpty();
  }

  @Test
  void billionLaughsAndExternalEntitiesAreRefusedWithoutExpansion() throws IOException {
    Path laughs = tmp.resolve("laughs.xml");
    Files.write(laughs, ReportFixtures.xml("billion-laughs.xml"));
    Path xxe = tmp.resolve("xxe.xml");
    Files.write(xxe, ReportFixtures.xml("xxe.xml"));
    long before = allocated();
    var r = run(false, new FakeDns(), laughs, xxe);
    long used = allocated() - before;
    assertThat(r.facts().reports()).isZero();
    assertThat(r.facts().inputs())
        .extracting(DmarcReportFacts.InputNote::reason)
        .allMatch(x -> x.startsWith("refused: the XML has a DOCTYPE"));
    assertThat(r.view().toString()).doesNotContain("root:");
    assertThat(used)
        .as("bytes allocated reading both (expansion would be gigabytes)")
        .isLessThan(64L << 20);
  }

  @Test
  void decompressionBombsAreRefusedWithinTheBound() throws IOException {
    // 64 MiB of XML text (8 times the bound) that compresses to about 64 KB, as gzip and zip.
    Path gz = tmp.resolve("bomb.xml.gz");
    try (var out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      bomb(out);
    }
    Path zip = tmp.resolve("bomb.zip");
    try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("report.xml"));
      bomb(out);
      out.closeEntry();
    }
    ReportLimits small = new ReportLimits(8 << 20, 32, 64 << 20, 1000, 1000, 10);
    long before = allocated();
    var facts = DmarcReportCheck.read(new DmarcReportCheck.Query(List.of(gz, zip), false, small));
    long used = allocated() - before;
    assertThat(facts.reports()).isZero();
    assertThat(facts.inputs())
        .extracting(DmarcReportFacts.InputNote::reason)
        .anyMatch(x -> x.startsWith("refused:") && x.contains("8 MiB"))
        .allMatch(x -> x.startsWith("refused:"));
    assertThat(used).as("bytes allocated: about the bound, not the 64 MiB").isLessThan(200L << 20);
  }

  private static void bomb(java.io.OutputStream out) throws IOException {
    out.write(
        "<?xml version=\"1.0\"?><feedback><report_metadata><org_name>"
            .getBytes(StandardCharsets.US_ASCII));
    byte[] chunk = new byte[1 << 20];
    java.util.Arrays.fill(chunk, (byte) 'A');
    for (int i = 0; i < 64; i++) out.write(chunk);
  }

  @Test
  void zipWithTooManyEntriesIsRefused() throws IOException {
    Path zip = tmp.resolve("many.zip");
    try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (int i = 0; i < 40; i++) {
        out.putNextEntry(new ZipEntry("r" + i + ".txt"));
        out.write("x".getBytes(StandardCharsets.US_ASCII));
        out.closeEntry();
      }
    }
    var facts =
        DmarcReportCheck.read(
            new DmarcReportCheck.Query(List.of(zip), false, ReportLimits.defaults()));
    assertThat(facts.inputs())
        .anyMatch(n -> n.reason().equals("refused: more than 32 entries (the rest not read)"));
  }

  @Test
  void brokenAndForeignInputsAreSkippedWithAReasonNeverFatal() throws IOException {
    Path truncated = tmp.resolve("truncated.xml");
    Files.write(truncated, ReportFixtures.xml("truncated.xml"));
    Path html = tmp.resolve("not-a-report.xml");
    Files.write(html, ReportFixtures.xml("not-a-report.xml"));
    Path bin = tmp.resolve("photo.jpg");
    Files.write(bin, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2});
    Path mail = tmp.resolve("plain.eml");
    Files.writeString(mail, "From: a@example.com\r\nSubject: hi\r\n\r\nno attachment\r\n");
    Path empty = tmp.resolve("empty.xml");
    Files.write(empty, new byte[0]);
    Path badGz = tmp.resolve("bad.gz");
    Files.write(badGz, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
    var r = run(false, new FakeDns(), truncated, html, bin, mail, empty, badGz);
    assertThat(r.facts().reports()).isEqualTo(1);
    assertThat(r.facts().domains().get(0).messages())
        .as("the one whole, valid record before the break")
        .isEqualTo(2);
    Map<String, String> reasons =
        r.facts().inputs().stream()
            .collect(
                Collectors.toMap(
                    n -> Path.of(n.origin()).getFileName().toString(),
                    DmarcReportFacts.InputNote::reason));
    assertThat(reasons.get("not-a-report.xml"))
        .isEqualTo("not a DMARC aggregate report (the root element is <html>)");
    assertThat(reasons.get("photo.jpg"))
        .isEqualTo("not a report: neither XML, gzip, zip nor an e-mail message");
    assertThat(reasons.get("plain.eml"))
        .isEqualTo("an e-mail message without a report attachment (gzip, zip or XML)");
    assertThat(reasons.get("empty.xml")).isEqualTo("empty");
    assertThat(reasons.get("bad.gz")).startsWith("a broken gzip file");
    List<Finding> partial = of(r, FindingId.DMARC_REPORT_MALFORMED);
    assertThat(partial)
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.evidence())
                    .anyMatch(e -> e.contains("source_ip 'not-an-ip' is not an IP address"))
                    .anyMatch(e -> e.startsWith("the XML breaks off at line")));
    assertThat(of(r, FindingId.DMARC_REPORT_SKIPPED)).hasSize(5);
  }

  @Test
  void quotedPrintableAndSinglePartMessagesAreRead() throws IOException {
    String xml = new String(ReportFixtures.xml("yahoo.xml"), StandardCharsets.UTF_8);
    String qp = xml.replace("=", "=3D");
    Path m = tmp.resolve("qp.eml");
    Files.writeString(
        m,
        "From: reports@example.net\r\nContent-Type: text/xml; name=report.xml\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            + qp.replace("\n", "\r\n"),
        StandardCharsets.ISO_8859_1);
    var facts =
        DmarcReportCheck.read(
            new DmarcReportCheck.Query(List.of(m), false, ReportLimits.defaults()));
    assertThat(facts.reports()).isEqualTo(1);
    assertThat(facts.domains().get(0).messages()).isEqualTo(45);
  }

  @Test
  void tenThousandRecordsInOneReportAreAllCounted() throws IOException {
    Path big = tmp.resolve("big.xml.gz");
    Files.write(big, ReportFixtures.gzip(ReportFixtures.large(10_000)));
    long start = System.nanoTime();
    var facts =
        DmarcReportCheck.read(
            new DmarcReportCheck.Query(List.of(big), false, ReportLimits.defaults()));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(facts.records()).isEqualTo(10_000);
    assertThat(facts.sources()).hasSize(10_000);
    long expected = 0;
    for (int i = 0; i < 10_000; i++) expected += 1 + i % 5;
    assertThat(facts.domains().get(0).messages()).isEqualTo(expected);
    assertThat(millis).as("10,000 records parsed in %d ms", millis).isLessThan(15_000);
    var r =
        TestChecks.run(
            Checks.DMARC_REPORT,
            new DmarcReportCheck.Query(List.of(big), false, ReportLimits.defaults()),
            new FakeDns());
    assertThat(of(r, FindingId.DMARC_REPORT_UNALIGNED_SOURCE)).isEmpty();
    assertThat(of(r, FindingId.DMARC_REPORT_SPOOFING))
        .singleElement()
        .satisfies(f -> assertThat(f.title()).startsWith("1000 messages from 1000 sources"));
  }

  @Test
  void memoryFollowsTheSourcesNotTheRecords() throws IOException {
    // 10,000 records from 5 addresses: 5 sources kept, whatever the number of records.
    Path big = tmp.resolve("five.xml.gz");
    Files.write(big, ReportFixtures.gzip(ReportFixtures.large(10_000, 5)));
    var facts =
        DmarcReportCheck.read(
            new DmarcReportCheck.Query(List.of(big), false, ReportLimits.defaults()));
    assertThat(facts.records()).isEqualTo(10_000);
    assertThat(facts.sources()).hasSize(5);
    // 10,000 distinct sources: what stays on the heap is the summary, a few KB per source.
    Path wide = tmp.resolve("wide.xml.gz");
    Files.write(wide, ReportFixtures.gzip(ReportFixtures.large(10_000)));
    long before = retained();
    var kept =
        DmarcReportCheck.read(
            new DmarcReportCheck.Query(List.of(wide), false, ReportLimits.defaults()));
    long after = retained();
    assertThat(kept.sources()).hasSize(10_000);
    assertThat(after - before)
        .as("heap retained by the summary of 10,000 sources")
        .isLessThan(64L << 20);
  }

  private static long retained() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }

  @Test
  void sourcesBeyondTheCapAreSummedAsOther() throws IOException {
    Path big = tmp.resolve("big.xml");
    Files.write(big, ReportFixtures.large(50));
    var facts =
        DmarcReportCheck.read(
            new DmarcReportCheck.Query(
                List.of(big), false, new ReportLimits(1 << 20, 4, 1 << 20, 10, 10, 10)));
    assertThat(facts.sources()).hasSize(11);
    assertThat(facts.sources()).anyMatch(s -> s.ip().equals("other"));
  }

  private static long allocated() {
    var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    return bean.getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  @SuppressWarnings("unused")
  private static byte[] bytes(ByteArrayOutputStream b) {
    return b.toByteArray();
  }
}
