package dev.mailcheck.report.scoring;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Score;
import dev.mailcheck.report.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The score of a domain report, as docs/scoring.md defines it. A pure, deterministic function of
 * the findings (internet.nl's model):
 *
 * <ul>
 *   <li>seven categories (MX with PTR, SMTP/TLS, SPF, DKIM, DMARC, Transport security, Blocklists),
 *       weighed equally; a category with no scored check (not run, or only info) is left out of the
 *       average;
 *   <li>a check is a finding id; only checks that can fail count, and {@code info} never counts;
 *       for a check run on several subjects (every MX address) the worst status counts;
 *   <li>a check earns its weight × 1 (pass), × ½ (warn), × 0 (fail, error); a category scores the
 *       fraction of its possible points;
 *   <li>every lost point becomes a deduction with the reason ("-15: DMARC policy is none"), rounded
 *       so that the deductions add up to 100 − score exactly;
 *   <li>caps: no usable DMARC record, an SPF permerror, no MX that accepts mail, or a listing on a
 *       high-impact blocklist keep the grade at B or below (score at most 89); any other scored
 *       check that fails or errs keeps it at A or below (score at most 96): A+ means nothing to
 *       fix.
 * </ul>
 */
public final class Scoring {
  public static final List<String> CATEGORIES =
      List.of("mx", "smtp", "spf", "dkim", "dmarc", "transport", "blocklist");

  /** Highest score a capped report can have (grade B). */
  static final int CAP = 89;

  /** Highest score while any scored check fails or could not be determined (grade A, not A+). */
  static final int CAP_ANY_FAIL = 96;

  private static final Map<FindingId, Integer> WEIGHTS =
      weights(
          entry(FindingId.MX_PRESENT, 4),
          entry(FindingId.MX_RESOLVABLE, 2),
          entry(FindingId.MX_IMPLICIT, 2),
          entry(FindingId.MX_NULL, 2),
          entry(FindingId.MX_IP_LITERAL, 2),
          entry(FindingId.MX_PRIVATE_ADDRESS, 3),
          entry(FindingId.PTR_PRESENT, 2),
          entry(FindingId.PTR_FCRDNS, 2),
          entry(FindingId.SMTP_CONNECT, 3),
          entry(FindingId.SMTP_STARTTLS, 4),
          entry(FindingId.SMTP_TLS_VERSION, 2),
          entry(FindingId.SMTP_PLAINTEXT_AUTH, 2),
          entry(FindingId.SMTP_OPEN_RELAY, 4),
          entry(FindingId.SPF_PRESENT, 4),
          entry(FindingId.SPF_SYNTAX, 3),
          entry(FindingId.SPF_ALL, 3),
          entry(FindingId.SPF_MULTIPLE, 3),
          entry(FindingId.SPF_LOOKUPS, 2),
          entry(FindingId.DKIM_SELECTOR, 3),
          entry(FindingId.DKIM_KEY_STRENGTH, 2),
          entry(FindingId.DKIM_KEY_SYNTAX, 2),
          entry(FindingId.DMARC_PRESENT, 4),
          entry(FindingId.DMARC_POLICY, 5),
          entry(FindingId.DMARC_SYNTAX, 3),
          entry(FindingId.DMARC_MULTIPLE, 3),
          entry(FindingId.DNSSEC_DOMAIN, 3),
          entry(FindingId.DNSSEC_MX, 2),
          entry(FindingId.DANE_DNSSEC, 2),
          entry(FindingId.DANE_MATCH, 4),
          entry(FindingId.DANE_USAGE, 1),
          entry(FindingId.BLOCKLIST_LISTED, 4),
          entry(FindingId.BLOCKLIST_POLICY, 2),
          entry(FindingId.MTA_STS_RECORD, 3),
          entry(FindingId.MTA_STS_POLICY, 3),
          entry(FindingId.MTA_STS_MODE, 2),
          entry(FindingId.MTA_STS_MX_COVERAGE, 3),
          entry(FindingId.MTA_STS_CERTIFICATES, 3),
          entry(FindingId.MTA_STS_MAX_AGE, 1),
          entry(FindingId.TLS_RPT_RECORD, 1));

  /**
   * Ids that inform but never score. Certificate trust and name on port 25: MX TLS is opportunistic
   * unless MTA-STS or DANE says otherwise, and senders deliver over an untrusted certificate (RFC
   * 7435); failing it is how other tools report false "no STARTTLS".
   */
  static final Set<FindingId> INFORMATIONAL =
      EnumSet.of(
          FindingId.SMTP_CERTIFICATE,
          FindingId.SMTP_CERTIFICATE_NAME,
          FindingId.SMTP_CERTIFICATE_EXPIRY,
          FindingId.PTR_MATCHES_MX,
          FindingId.PTR_MATCHES_BANNER,
          FindingId.MX_IPV6,
          FindingId.DANE_TLSA_PRESENT,
          FindingId.DNSSEC_UPSTREAM_AD,
          // A list that refused the resolver or timed out says nothing about the domain: like
          // SMTP behind a blocked port 25, it is not the domain's fault (docs/scoring.md).
          FindingId.BLOCKLIST_ERROR);

  /** SPF findings whose fail status means receivers get permerror (RFC 7208 §2.6.7). */
  static final Set<FindingId> SPF_PERMERROR =
      EnumSet.of(
          FindingId.SPF_MULTIPLE,
          FindingId.SPF_SYNTAX,
          FindingId.SPF_LOOKUPS,
          FindingId.SPF_VOID_LOOKUPS,
          FindingId.SPF_INCLUDE_MISSING,
          FindingId.SPF_REDIRECT,
          FindingId.SPF_LOOP,
          FindingId.SPF_MX_NAMES);

  private static final Map<String, String> NAMES =
      Map.of(
          "mx",
          "MX",
          "smtp",
          "SMTP/TLS",
          "spf",
          "SPF",
          "dkim",
          "DKIM",
          "dmarc",
          "DMARC",
          "transport",
          "Transport security",
          "blocklist",
          "Blocklists");

  private Scoring() {}

  private static Map<FindingId, Integer> weights(Map.Entry<FindingId, Integer>... entries) {
    Map<FindingId, Integer> m = new EnumMap<>(FindingId.class);
    for (var e : entries) m.put(e.getKey(), e.getValue());
    return Map.copyOf(m);
  }

  private static Map.Entry<FindingId, Integer> entry(FindingId id, int weight) {
    return Map.entry(id, weight);
  }

  /** The category a finding scores in: PTR counts with MX; ids outside the six score nowhere. */
  /**
   * The category a finding scores in: PTR counts with MX; ids outside the six (bimi, domain.*
   * outside them) score nowhere.
   */
  public static Optional<String> category(Finding f) {
    String c = f.category().equals("ptr") ? "mx" : f.category();
    return CATEGORIES.contains(c) ? Optional.of(c) : Optional.empty();
  }

  public static int weight(FindingId id) {
    return WEIGHTS.getOrDefault(id, 1);
  }

  /**
   * Checks whose warn earns nothing: p=none is a warning (mail still flows, reports come) but it
   * protects nothing, which is what the DMARC category measures (internet.nl counts it as not
   * sufficiently strict); the same for MTA-STS mode testing or none.
   */
  static final Set<FindingId> WARN_EARNS_NOTHING =
      EnumSet.of(FindingId.DMARC_POLICY, FindingId.MTA_STS_MODE);

  static double factor(FindingId id, Status s) {
    return s == Status.WARN && WARN_EARNS_NOTHING.contains(id) ? 0.0 : factor(s);
  }

  static double factor(Status s) {
    return switch (s) {
      case PASS -> 1.0;
      case WARN -> 0.5;
      case FAIL, ERROR -> 0.0;
      case INFO -> throw new IllegalArgumentException("info is never scored");
    };
  }

  /** One scored check: its worst status and the finding that carries it. */
  private record Check(String category, FindingId id, Status status, Finding worst) {}

  /**
   * @param skipped categories not to score although they have findings (e.g. SMTP when outbound
   *     port 25 is blocked where mailcheck runs: not the domain's fault)
   */
  public static Score score(List<Finding> findings, Set<String> skipped) {
    Map<String, Map<FindingId, Check>> checks = new LinkedHashMap<>();
    Map<String, Status> categoryStatus = new LinkedHashMap<>();
    for (String c : CATEGORIES) checks.put(c, new LinkedHashMap<>());
    for (Finding f : findings) {
      Optional<String> cat = category(f);
      if (cat.isEmpty() || skipped.contains(cat.get())) continue;
      categoryStatus.merge(cat.get(), f.status(), Status::worst);
      if (f.status() == Status.INFO || INFORMATIONAL.contains(f.kind())) continue;
      checks
          .get(cat.get())
          .merge(
              f.kind(),
              new Check(cat.get(), f.kind(), f.status(), f),
              (a, b) -> b.status().ordinal() > a.status().ordinal() ? b : a);
    }
    List<String> scored = CATEGORIES.stream().filter(c -> !checks.get(c).isEmpty()).toList();
    Map<String, Score.CategoryScore> categories = new LinkedHashMap<>();
    List<double[]> losses = new ArrayList<>(); // exact points lost, per deduction
    List<Check> lossChecks = new ArrayList<>();
    double total = 0;
    for (String c : scored) {
      double possible = checks.get(c).values().stream().mapToDouble(k -> weight(k.id())).sum();
      double earned =
          checks.get(c).values().stream()
              .mapToDouble(k -> weight(k.id()) * factor(k.id(), k.status()))
              .sum();
      double catScore = 100.0 * earned / possible;
      categories.put(
          c,
          new Score.CategoryScore(
              (int) Math.round(catScore), categoryStatus.getOrDefault(c, Status.PASS)));
      total += catScore / scored.size();
      for (Check k : checks.get(c).values()) {
        double lost =
            weight(k.id()) * (1 - factor(k.id(), k.status())) / possible * 100.0 / scored.size();
        if (lost > 0) {
          losses.add(new double[] {lost});
          lossChecks.add(k);
        }
      }
    }
    int score = scored.isEmpty() ? 0 : (int) Math.round(total);
    int[] points =
        apportion(
            losses.stream().mapToDouble(d -> d[0]).toArray(), scored.isEmpty() ? 0 : 100 - score);
    List<Score.Deduction> deductions = new ArrayList<>();
    for (int i = 0; i < points.length; i++) {
      if (points[i] == 0) continue;
      Check k = lossChecks.get(i);
      deductions.add(
          new Score.Deduction(
              points[i],
              k.id().id(),
              NAMES.get(k.category()) + ": " + k.worst().title() + subject(k.worst())));
    }
    deductions.sort(
        Comparator.comparingInt(Score.Deduction::points)
            .reversed()
            .thenComparing(Score.Deduction::findingId));
    List<String> caps = caps(findings, skipped);
    if (!caps.isEmpty() && score > CAP) {
      deductions.add(
          new Score.Deduction(
              score - CAP,
              "score.cap",
              "capped at " + CAP + " (grade B at best): " + String.join("; ", caps)));
      score = CAP;
    }
    // A+ says "nothing to fix": a failing check, however light its weight, rules it out.
    List<String> failing =
        scored.stream()
            .flatMap(c -> checks.get(c).values().stream())
            .filter(k -> k.status() == Status.FAIL || k.status() == Status.ERROR)
            .map(k -> k.id().id())
            .sorted()
            .toList();
    if (!failing.isEmpty() && score > CAP_ANY_FAIL) {
      String cap = "a scored check fails (" + String.join(", ", failing) + "): A at best";
      caps = new ArrayList<>(caps);
      caps.add(cap);
      deductions.add(
          new Score.Deduction(
              score - CAP_ANY_FAIL, "score.cap", "capped at " + CAP_ANY_FAIL + ": " + cap));
      score = CAP_ANY_FAIL;
    }
    return new Score(score, grade(score), categories, deductions, caps);
  }

  public static Score score(List<Finding> findings) {
    return score(findings, Set.of());
  }

  private static String subject(Finding f) {
    return f.subject().map(s -> " [" + s + "]").orElse("");
  }

  static List<String> caps(List<Finding> findings, Set<String> skipped) {
    List<String> caps = new ArrayList<>();
    boolean dmarcRan = findings.stream().anyMatch(f -> f.category().equals("dmarc"));
    // dmarc.present is pass or warn exactly when receivers apply the record (docs/checks.md): an
    // unusable record fails it like a missing one; a record read as p=none warns.
    boolean dmarcUsable =
        findings.stream()
            .anyMatch(
                f ->
                    f.kind() == FindingId.DMARC_PRESENT
                        && (f.status() == Status.PASS || f.status() == Status.WARN));
    if (dmarcRan && !skipped.contains("dmarc") && !dmarcUsable) caps.add("no usable DMARC record");
    if (!skipped.contains("spf")
        && findings.stream()
            .anyMatch(f -> SPF_PERMERROR.contains(f.kind()) && f.status() == Status.FAIL))
      caps.add("SPF permerror");
    boolean noMail =
        findings.stream()
            .anyMatch(f -> f.kind() == FindingId.MX_PRESENT && f.status() == Status.FAIL);
    if (!skipped.contains("mx") && noMail) caps.add("no MX accepts mail");
    boolean unreachable =
        findings.stream()
            .anyMatch(f -> f.kind() == FindingId.MX_PRIVATE_ADDRESS && f.status() == Status.FAIL);
    if (!skipped.contains("mx") && !noMail && unreachable)
      caps.add("no MX is reachable from the internet");
    boolean blocklisted =
        findings.stream()
            .anyMatch(
                f ->
                    (f.kind() == FindingId.BLOCKLIST_LISTED
                            || f.kind() == FindingId.BLOCKLIST_POLICY)
                        && f.status() == Status.FAIL);
    if (!skipped.contains("blocklist") && blocklisted)
      caps.add("listed on a major blocklist (or a sending address in a policy list)");
    return caps;
  }

  /** A+ 97-100, A 90-96, B 80-89, C 70-79, D 60-69, E 50-59, F below 50. */
  public static String grade(int score) {
    if (score >= 97) return "A+";
    if (score >= 90) return "A";
    if (score >= 80) return "B";
    if (score >= 70) return "C";
    if (score >= 60) return "D";
    if (score >= 50) return "E";
    return "F";
  }

  /** Largest-remainder rounding of {@code exact} to integers that sum to {@code total}. */
  static int[] apportion(double[] exact, int total) {
    int[] out = new int[exact.length];
    if (exact.length == 0) return out;
    int sum = 0;
    for (int i = 0; i < exact.length; i++) {
      out[i] = (int) Math.floor(exact[i]);
      sum += out[i];
    }
    Integer[] order = new Integer[exact.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    java.util.Arrays.sort(
        order,
        Comparator.comparingDouble((Integer i) -> -(exact[i] - Math.floor(exact[i])))
            .thenComparingInt(i -> i));
    for (int k = 0; sum < total && k < order.length; k++, sum++) out[order[k]]++;
    for (int k = order.length - 1; sum > total && k >= 0; k--) {
      if (out[order[k]] > 0) {
        out[order[k]]--;
        sum--;
      }
    }
    return out;
  }
}
