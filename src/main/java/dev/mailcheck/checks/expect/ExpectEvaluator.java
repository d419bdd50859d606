package dev.mailcheck.checks.expect;

import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.Score;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.DkimAuditView;
import dev.mailcheck.report.view.DmarcView;
import dev.mailcheck.report.view.MtaStsView;
import dev.mailcheck.report.view.MxView;
import dev.mailcheck.report.view.SpfView;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares a domain's report with what {@code --expect} says it must look like, and reports drift
 * as {@code expect.*} findings: {@code fail} naming the expected and the actual value, {@code pass}
 * when the expectation is met, {@code error} when the report could not tell (the check that would
 * know did not run or could not determine it). Pure: reads the report's views and score only.
 */
public final class ExpectEvaluator {
  private ExpectEvaluator() {}

  public static List<Finding> evaluate(Expectation e, Report r) {
    List<Finding> out = new ArrayList<>();
    e.grade().ifPresent(g -> out.add(grade(g, r.score())));
    e.mx().ifPresent(mx -> out.add(mx(mx, r.view(MxView.class))));
    if (!e.spfIncludes().isEmpty() || !e.spfIps().isEmpty() || e.spfAll().isPresent())
      out.add(spf(e, r.view(SpfView.class)));
    if (e.dmarcPolicy().isPresent() || !e.dmarcRua().isEmpty())
      out.add(dmarc(e, r.view(DmarcView.class)));
    if (!e.dkimSelectors().isEmpty() || e.dkimMinBits().isPresent())
      out.add(dkim(e, r.view(DkimAuditView.class)));
    e.mtaSts().ifPresent(m -> out.add(mtaSts(m, r.view(MtaStsView.class))));
    return out;
  }

  private static Finding met(FindingId id, String what, String actual) {
    return Finding.of(id, Status.PASS, what + " as expected").detail(actual).build();
  }

  private static Finding drift(FindingId id, String title, List<String> problems, String remedy) {
    return Finding.of(id, Status.FAIL, title)
        .detail(String.join("; ", problems))
        .remedy(remedy)
        .build();
  }

  private static Finding unknown(FindingId id, String what) {
    return Finding.of(id, Status.ERROR, what + ": could not be compared")
        .detail("The report has no " + what + " to compare (the check did not run or failed).")
        .build();
  }

  static Finding grade(String expected, Optional<Score> score) {
    if (score.isEmpty()) return unknown(FindingId.EXPECT_GRADE, "grade");
    String actual = score.get().grade();
    if (Expectation.GRADES.indexOf(actual) <= Expectation.GRADES.indexOf(expected))
      return met(
          FindingId.EXPECT_GRADE, "Grade", "expected at least " + expected + ", found " + actual);
    return drift(
        FindingId.EXPECT_GRADE,
        "Grade dropped below the expected " + expected,
        List.of(
            "expected at least "
                + expected
                + ", found "
                + actual
                + " ("
                + score.get().score()
                + "/100)"),
        "See the deductions in the report; or lower grade: in the expectations file if this is accepted.");
  }

  static Finding mx(List<String> expected, Optional<MxView> view) {
    if (view.isEmpty()) return unknown(FindingId.EXPECT_MX, "MX list");
    TreeSet<String> want = new TreeSet<>();
    expected.forEach(x -> want.add(name(x)));
    TreeSet<String> have = new TreeSet<>();
    view.get().hosts().forEach(h -> have.add(name(h.exchange())));
    if (want.equals(have)) return met(FindingId.EXPECT_MX, "MX hosts", String.join(", ", have));
    List<String> problems = new ArrayList<>();
    TreeSet<String> missing = new TreeSet<>(want);
    missing.removeAll(have);
    TreeSet<String> extra = new TreeSet<>(have);
    extra.removeAll(want);
    if (!missing.isEmpty()) problems.add("missing " + String.join(", ", missing));
    if (!extra.isEmpty()) problems.add("not expected " + String.join(", ", extra));
    problems.add(
        "expected [" + String.join(", ", want) + "], found [" + String.join(", ", have) + "]");
    return drift(
        FindingId.EXPECT_MX,
        "The MX hosts differ from the expected ones",
        problems,
        "Restore the MX records, or update mx: in the expectations file if the change was intended.");
  }

  static Finding spf(Expectation e, Optional<SpfView> view) {
    if (view.isEmpty() || view.get().record().isEmpty())
      return e.spfIncludes().isEmpty() && e.spfIps().isEmpty() && e.spfAll().isEmpty()
          ? unknown(FindingId.EXPECT_SPF, "SPF record")
          : drift(
              FindingId.EXPECT_SPF,
              "No SPF record, but one is expected",
              List.of("expected an SPF record, found none"),
              "Publish the SPF record again.");
    List<String> records = new ArrayList<>();
    List<String> includes = new ArrayList<>();
    view.get()
        .tree()
        .ifPresent(
            root ->
                root.flatten()
                    .forEach(
                        n -> {
                          n.record().ifPresent(records::add);
                          n.term()
                              .filter(t -> t.toLowerCase(Locale.ROOT).matches("[+]?include:.*"))
                              .ifPresent(t -> includes.add(name(t.substring(t.indexOf(':') + 1))));
                        }));
    if (records.isEmpty()) records.add(view.get().record().get());
    List<String> problems = new ArrayList<>();
    for (String inc : e.spfIncludes())
      if (!includes.contains(name(inc)))
        problems.add("include:" + inc + " expected, not in the SPF tree");
    for (String ip : e.spfIps())
      if (!authorized(ip, records)) problems.add(ip + " expected to be authorized, is not");
    String top = view.get().record().get();
    String actualAll = allQualifier(top).orElse("(no all term)");
    e.spfAll()
        .filter(a -> !a.equals(actualAll))
        .ifPresent(a -> problems.add("all: expected " + a + ", found " + actualAll));
    if (problems.isEmpty()) return met(FindingId.EXPECT_SPF, "SPF", top);
    return drift(
        FindingId.EXPECT_SPF,
        "The SPF record differs from what is expected",
        problems,
        "Restore the SPF record (now \"" + top + "\"), or update spf: in the expectations file.");
  }

  static Finding dmarc(Expectation e, Optional<DmarcView> view) {
    Optional<DmarcView.RecordView> rec = view.flatMap(DmarcView::record);
    if (rec.isEmpty())
      return drift(
          FindingId.EXPECT_DMARC,
          "No DMARC record, but one is expected",
          List.of("expected a DMARC record, found none"),
          "Publish the DMARC record again at _dmarc of the domain.");
    List<String> problems = new ArrayList<>();
    String p = rec.get().p() == null ? "none" : rec.get().p().toLowerCase(Locale.ROOT);
    e.dmarcPolicy()
        .filter(want -> Expectation.POLICIES.indexOf(p) < Expectation.POLICIES.indexOf(want))
        .ifPresent(want -> problems.add("policy: expected at least " + want + ", found " + p));
    for (String uri : e.dmarcRua())
      if (rec.get().rua().stream().noneMatch(u -> u.equalsIgnoreCase(uri)))
        problems.add(
            "rua " + uri + " expected, found [" + String.join(", ", rec.get().rua()) + "]");
    if (problems.isEmpty()) return met(FindingId.EXPECT_DMARC, "DMARC", rec.get().text());
    return drift(
        FindingId.EXPECT_DMARC,
        "The DMARC record differs from what is expected",
        problems,
        "Restore the DMARC record (now \""
            + rec.get().text()
            + "\"), or update dmarc: in the expectations file.");
  }

  static Finding dkim(Expectation e, Optional<DkimAuditView> view) {
    if (view.isEmpty()) return unknown(FindingId.EXPECT_DKIM, "DKIM audit");
    List<String> problems = new ArrayList<>();
    for (String s : e.dkimSelectors()) {
      Optional<DkimAuditView.SelectorView> sv =
          view.get().selectors().stream().filter(x -> x.selector().equalsIgnoreCase(s)).findFirst();
      if (sv.isEmpty() || !sv.get().found())
        problems.add(
            "selector "
                + s
                + ": expected a key, found "
                + sv.map(DkimAuditView.SelectorView::dns)
                    .orElse("no lookup (give --selector " + s + ")"));
    }
    e.dkimMinBits()
        .ifPresent(
            min ->
                view.get().selectors().stream()
                    .filter(
                        x ->
                            x.found()
                                && "rsa".equalsIgnoreCase(x.keyType())
                                && x.keyBits() != null
                                && x.keyBits() < min)
                    .forEach(
                        x ->
                            problems.add(
                                "selector "
                                    + x.selector()
                                    + ": expected at least "
                                    + min
                                    + " bits, found "
                                    + x.keyBits())));
    if (problems.isEmpty())
      return met(FindingId.EXPECT_DKIM, "DKIM keys", String.join(", ", e.dkimSelectors()));
    return drift(
        FindingId.EXPECT_DKIM,
        "The DKIM keys differ from what is expected",
        problems,
        "Publish the expected keys again, or update dkim: in the expectations file.");
  }

  static Finding mtaSts(String expected, Optional<MtaStsView> view) {
    if (view.isEmpty()) return unknown(FindingId.EXPECT_MTA_STS, "MTA-STS policy");
    String actual =
        view.get()
            .policy()
            .map(MtaStsView.Policy::mode)
            .map(m -> m.toLowerCase(Locale.ROOT))
            .orElse("none");
    if (actual.equals(expected)) return met(FindingId.EXPECT_MTA_STS, "MTA-STS mode", actual);
    return drift(
        FindingId.EXPECT_MTA_STS,
        "The MTA-STS mode differs from the expected " + expected,
        List.of("expected " + expected + ", found " + actual),
        "Restore the MTA-STS policy, or update mta-sts: in the expectations file.");
  }

  private static String name(String s) {
    String n = s.strip().toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  /** pass, neutral, softfail or fail for the top record's all term. */
  static Optional<String> allQualifier(String record) {
    for (String t : record.trim().split("\\s+")) {
      String l = t.toLowerCase(Locale.ROOT);
      switch (l) {
        case "all", "+all" -> {
          return Optional.of("pass");
        }
        case "?all" -> {
          return Optional.of("neutral");
        }
        case "~all" -> {
          return Optional.of("softfail");
        }
        case "-all" -> {
          return Optional.of("fail");
        }
        default -> {}
      }
    }
    return Optional.empty();
  }

  /** True when an {@code ip4:}/{@code ip6:} pass term of one of the records covers {@code want}. */
  static boolean authorized(String want, List<String> records) {
    Optional<Net> w = Net.parse(want);
    if (w.isEmpty()) return false;
    for (String rec : records)
      for (String t : rec.trim().split("\\s+")) {
        String l = t.toLowerCase(Locale.ROOT);
        if (l.startsWith("+")) l = l.substring(1);
        if (!l.startsWith("ip4:") && !l.startsWith("ip6:")) continue;
        Optional<Net> n = Net.parse(l.substring(4));
        if (n.isPresent() && n.get().covers(w.get())) return true;
      }
    return false;
  }

  /** An address with a prefix length. */
  record Net(byte[] address, int prefix) {
    static Optional<Net> parse(String s) {
      int slash = s.indexOf('/');
      String a = slash < 0 ? s : s.substring(0, slash);
      Optional<InetAddress> ip = InetAddresses.parse(a);
      if (ip.isEmpty()) return Optional.empty();
      byte[] b = ip.get().getAddress();
      int max = b.length * 8;
      int p = max;
      if (slash >= 0) {
        try {
          p = Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
        if (p < 0 || p > max) return Optional.empty();
      }
      return Optional.of(new Net(b, p));
    }

    boolean covers(Net other) {
      if (other.address.length != address.length || other.prefix < prefix) return false;
      int bits = address.length * 8;
      BigInteger mask =
          prefix == 0
              ? BigInteger.ZERO
              : BigInteger.ONE
                  .shiftLeft(bits)
                  .subtract(BigInteger.ONE)
                  .shiftRight(bits - prefix)
                  .shiftLeft(bits - prefix);
      return new BigInteger(1, address)
          .and(mask)
          .equals(new BigInteger(1, other.address).and(mask));
    }
  }
}
