package dev.mailcheck.checks.dmarcreport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The count caps of the aggregate report summary at cap−1, cap and cap+1 (issue 19): keys kept per
 * map of one source ({@link Limits#REPORT_KEYS_PER_SOURCE}, the rest counted as "(other)"),
 * reporters named per source (the same cap), unaligned sources given a finding each ({@link
 * Limits#REPORT_UNALIGNED_FINDINGS}, the rest share one) and input notes given a finding each
 * ({@link Limits#REPORT_INPUT_FINDINGS}, the rest counted in one).
 */
class ReportCountLimitsTest {

  private static ReportMeta meta(String org) {
    return new ReportMeta(
        org, "", "id-" + org, 0, 86400, "example.com", "none", "", "r", "r", List.of());
  }

  private static ReportRow row(String from, String dkimDomain) {
    return new ReportRow(
        "192.0.2.1",
        1,
        "none",
        "fail",
        "fail",
        List.of(),
        from,
        "",
        List.of(new ReportRow.AuthResult(dkimDomain, "s", "fail")),
        List.of());
  }

  @ParameterizedTest(name = "{0} keys over the cap")
  @ValueSource(ints = {-1, 0, 1, 2})
  void keysPerSourceAndReportersAreKeptUpToTheCap(int delta) {
    int n = Limits.REPORT_KEYS_PER_SOURCE + delta;
    ReportAggregator agg = new ReportAggregator(ReportLimits.defaults());
    for (int i = 1; i <= n; i++) {
      assertThat(agg.begin(meta("org" + i))).isTrue();
      agg.row(row("from" + i + ".example", "d" + i + ".example"));
    }
    int kept = Math.min(n, Limits.REPORT_KEYS_PER_SOURCE);
    SourceStats s = agg.sources().get(0);
    assertThat(s.messages()).isEqualTo(n);
    Map<String, Long> from = s.headerFrom();
    assertThat(from).hasSize(kept + (delta > 0 ? 1 : 0));
    for (int i = 1; i <= kept; i++) assertThat(from).containsEntry("from" + i + ".example", 1L);
    if (delta > 0) assertThat(from).containsEntry("(other)", (long) delta);
    else assertThat(from).doesNotContainKey("(other)");
    assertThat(s.dkimSignatures()).hasSize(kept + (delta > 0 ? 1 : 0));
    assertThat(s.dkimSignatures())
        .containsEntry("d=d" + kept + ".example s=s fail", 1L)
        .doesNotContainKey("d=d" + (kept + 1) + ".example s=s fail");
    List<String> reporters = new ArrayList<>();
    for (int i = 1; i <= kept; i++) reporters.add("org" + i);
    assertThat(s.reporters()).containsExactlyElementsOf(reporters);
  }

  private static SourceStats unalignedSource(int i) {
    long messages = 1000 - i;
    return new SourceStats(
        "192.0.2." + i,
        messages,
        0,
        0,
        0,
        messages,
        0,
        0,
        0,
        0,
        Map.of(),
        Map.of(),
        Map.of("example.com", messages),
        Map.of(),
        Map.of(),
        List.of("org"));
  }

  private static DmarcReportFacts facts(
      List<DmarcReportFacts.InputNote> inputs, List<SourceStats> sources) {
    long messages = sources.stream().mapToLong(SourceStats::messages).sum();
    return new DmarcReportFacts(
        1,
        0,
        sources.size(),
        inputs,
        List.of(),
        List.of(new DomainStats("example.com", 1, messages, 0, List.of("none"), "none", 0, 86400)),
        sources,
        Map.of());
  }

  private static List<Finding> of(List<Finding> findings, FindingId id) {
    return findings.stream().filter(f -> f.kind() == id).toList();
  }

  @ParameterizedTest(name = "{0} sources over the cap")
  @ValueSource(ints = {-1, 0, 1, 2})
  void unalignedSourcesGetAFindingEachUpToTheCap(int delta) {
    int n = Limits.REPORT_UNALIGNED_FINDINGS + delta;
    List<SourceStats> sources = new ArrayList<>();
    for (int i = 1; i <= n; i++) sources.add(unalignedSource(i));
    List<Finding> unaligned =
        of(
            new DmarcReportEvaluator().evaluate(facts(List.of(), sources)),
            FindingId.DMARC_REPORT_UNALIGNED_SOURCE);
    int kept = Math.min(n, Limits.REPORT_UNALIGNED_FINDINGS);
    assertThat(unaligned).hasSize(kept + (delta > 0 ? 1 : 0));
    assertThat(unaligned.get(kept - 1).subject()).get().asString().startsWith("192.0.2." + kept);
    if (delta > 0) {
      Finding rest = unaligned.get(kept);
      assertThat(rest.title()).isEqualTo(delta + " more unaligned sources");
      long failing = 0;
      for (int i = kept + 1; i <= n; i++) failing += 1000 - i;
      assertThat(rest.detail())
          .startsWith(failing + " failing messages from " + delta + " smaller sources");
    }
  }

  @ParameterizedTest(name = "{0} inputs over the cap")
  @ValueSource(ints = {-1, 0, 1, 2})
  void inputNotesGetAFindingEachUpToTheCap(int delta) {
    int n = Limits.REPORT_INPUT_FINDINGS + delta;
    List<DmarcReportFacts.InputNote> notes = new ArrayList<>();
    for (int i = 1; i <= n; i++)
      notes.add(new DmarcReportFacts.InputNote("f" + i + ".xml", false, "not XML", List.of()));
    List<Finding> skipped =
        of(
            new DmarcReportEvaluator().evaluate(facts(notes, List.of())),
            FindingId.DMARC_REPORT_SKIPPED);
    int kept = Math.min(n, Limits.REPORT_INPUT_FINDINGS);
    assertThat(skipped).hasSize(kept + (delta > 0 ? 1 : 0));
    assertThat(skipped.get(kept - 1).subject()).contains("f" + kept + ".xml");
    if (delta > 0)
      assertThat(skipped.get(kept).title())
          .isEqualTo(delta + " more inputs skipped or read in part");
    else assertThat(skipped).noneMatch(f -> f.title().contains("more inputs"));
  }
}
