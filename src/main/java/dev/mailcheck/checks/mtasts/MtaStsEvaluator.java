package dev.mailcheck.checks.mtasts;

import dev.mailcheck.checks.HttpsDocuments;
import dev.mailcheck.https.HttpsResult;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The record, policy, mode and max_age findings of MTA-STS (RFC 8461 §3). Pure. The MX coverage and
 * certificate findings are {@link MtaStsCoverage}'s.
 */
final class MtaStsEvaluator {
  private static final long DAY = 86_400;
  private static final long WEEK = 7 * DAY;

  private MtaStsEvaluator() {}

  static List<Finding> evaluate(MtaStsFacts f) {
    List<Finding> out = new ArrayList<>();
    String d = f.domain();
    List<String> records = f.stsRecords();
    if (f.txt().isTemporaryFailure()) {
      out.add(
          Finding.of(FindingId.MTA_STS_RECORD, Status.ERROR, "Could not look up the MTA-STS record")
              .detail(
                  "_mta-sts."
                      + d
                      + " TXT: "
                      + f.txt().outcome()
                      + ". Nothing is known about MTA-STS.")
              .build());
      return out;
    }
    if (records.isEmpty()) {
      out.add(
          Finding.of(FindingId.MTA_STS_RECORD, Status.WARN, "No MTA-STS policy")
              .detail(
                  "_mta-sts."
                      + d
                      + " has no v=STSv1 TXT record ("
                      + f.txt().outcome()
                      + "). Senders deliver with opportunistic TLS, which an attacker on the path can strip or redirect (RFC 8461 §1), unless DANE protects the MX hosts.")
              .remedy(
                  "Serve a policy at "
                      + MtaStsFacts.policyUrl(d)
                      + " (start with mode: testing), then publish _mta-sts."
                      + d
                      + ". TXT \"v=STSv1; id=20240101T000000\"")
              .build());
      if (f.policyFetch() instanceof HttpsResult.Response r && r.status() == 200)
        out.add(
            Finding.of(
                    FindingId.MTA_STS_POLICY,
                    Status.INFO,
                    "A policy is served, but without its _mta-sts record senders never fetch it")
                .remedy("Publish _mta-sts." + d + ". TXT \"v=STSv1; id=20240101T000000\"")
                .build());
      return out;
    }
    if (records.size() > 1) {
      out.add(
          Finding.of(
                  FindingId.MTA_STS_RECORD,
                  Status.FAIL,
                  records.size() + " v=STSv1 records: senders ignore them all")
              .detail(
                  "RFC 8461 §3.1: unless exactly one record begins with v=STSv1, the domain has no MTA-STS policy.")
              .evidence(records)
              .remedy(
                  "Keep one record at _mta-sts."
                      + d
                      + " and change its id= with every policy change.")
              .build());
    } else {
      StsRecord rec = StsRecord.parse(records.get(0));
      if (rec.valid()) {
        out.add(
            Finding.of(
                    FindingId.MTA_STS_RECORD,
                    Status.PASS,
                    "MTA-STS record published (id=" + rec.id().orElse("") + ")")
                .evidence(rec.text())
                .build());
      } else {
        out.add(
            Finding.of(
                    FindingId.MTA_STS_RECORD,
                    Status.FAIL,
                    "The MTA-STS record is invalid: senders ignore it")
                .detail(rec.problems().get(0).toString() + ".")
                .evidence(positioned(rec.text(), rec.problems()))
                .remedy(
                    "Publish _mta-sts."
                        + d
                        + ". TXT \"v=STSv1; id=20240101T000000\" (id: 1 to 32 letters and digits).")
                .build());
      }
    }
    policy(f, out);
    return out;
  }

  private static void policy(MtaStsFacts f, List<Finding> out) {
    String url = MtaStsFacts.policyUrl(f.domain());
    HttpsResult fetch = f.policyFetch();
    Optional<String> problem = HttpsDocuments.problem(fetch);
    if (problem.isPresent()) {
      boolean unknown = HttpsDocuments.undetermined(fetch);
      out.add(
          Finding.of(
                  FindingId.MTA_STS_POLICY,
                  unknown ? Status.ERROR : Status.FAIL,
                  "The MTA-STS policy could not be fetched")
              .detail(url + ": " + problem.get() + ".")
              .remedy(
                  unknown
                      ? null
                      : "Serve the policy at "
                          + url
                          + " itself (status 200, text/plain, no redirect) with a certificate valid for mta-sts."
                          + f.domain()
                          + ".")
              .build());
      return;
    }
    var r = (HttpsResult.Response) fetch;
    if (!r.mediaType().equals("text/plain")) {
      out.add(
          Finding.of(
                  FindingId.MTA_STS_POLICY, Status.FAIL, "The policy is not served as text/plain")
              .detail(
                  url
                      + " came as \""
                      + r.header("Content-Type").orElse("(no Content-Type)")
                      + "\"; RFC 8461 §3.3 has senders check for text/plain and discard anything else.")
              .remedy("Serve the file with Content-Type: text/plain.")
              .build());
      return;
    }
    StsPolicy p = f.policy().orElseThrow();
    List<Problem> fatal = p.problems().stream().filter(Problem::fatal).toList();
    List<String> lines =
        p.problems().stream().map(x -> "line " + x.position() + ": " + x.message()).toList();
    if (!fatal.isEmpty()) {
      out.add(
          Finding.of(
                  FindingId.MTA_STS_POLICY,
                  Status.FAIL,
                  "The MTA-STS policy is invalid: senders ignore it")
              .detail("line " + fatal.get(0).position() + ": " + fatal.get(0).message() + ".")
              .evidence(lines)
              .remedy(
                  "A valid policy:\nversion: STSv1\nmode: enforce\nmx: <each MX host or *.pattern>\nmax_age: 604800")
              .build());
      return;
    }
    String unknown =
        p.unknown().isEmpty()
            ? ""
            : " Unknown fields (ignored by senders): " + String.join(", ", p.unknown()) + ".";
    out.add(
        Finding.of(
                FindingId.MTA_STS_POLICY,
                lines.isEmpty() ? Status.PASS : Status.WARN,
                lines.isEmpty()
                    ? "MTA-STS policy served and valid"
                    : "MTA-STS policy served, with minor problems")
            .detail(
                r.size()
                    + " bytes, "
                    + p.lineEnding()
                    + " line ends, "
                    + p.mx().size()
                    + " mx pattern(s) from "
                    + r.address()
                    + "."
                    + unknown)
            .evidence(lines)
            .build());
    p.mode().ifPresent(m -> out.add(mode(m)));
    p.maxAge().ifPresent(a -> out.add(maxAge(a)));
  }

  private static Finding mode(StsPolicy.Mode m) {
    return switch (m) {
      case ENFORCE ->
          Finding.of(
                  FindingId.MTA_STS_MODE,
                  Status.PASS,
                  "Mode enforce: senders deliver only over validated TLS")
              .build();
      case TESTING ->
          Finding.of(
                  FindingId.MTA_STS_MODE,
                  Status.WARN,
                  "Mode testing: failures are reported, mail is still delivered")
              .detail(
                  "Senders that support MTA-STS deliver even when TLS to the MX fails or its certificate is invalid; they only report it (TLS-RPT). Nothing is protected yet.")
              .remedy(
                  "Once the TLS reports are clean, switch to mode: enforce (and change the record's id=).")
              .build();
      case NONE ->
          Finding.of(
                  FindingId.MTA_STS_MODE, Status.WARN, "Mode none: the policy is being withdrawn")
              .detail(
                  "RFC 8461 §5: mode none tells senders to forget a cached policy; it protects nothing.")
              .remedy("Use mode: testing or enforce, or remove the record once max_age has passed.")
              .build();
    };
  }

  private static Finding maxAge(long a) {
    if (a > StsPolicy.LARGEST_MAX_AGE)
      return Finding.of(
              FindingId.MTA_STS_MAX_AGE,
              Status.FAIL,
              "max_age " + a + " is over the limit of 31557600 (one year)")
          .detail("RFC 8461 §3.2 caps max_age at 31557600 seconds.")
          .remedy("max_age: 31557600")
          .build();
    if (a < DAY)
      return Finding.of(
              FindingId.MTA_STS_MAX_AGE, Status.WARN, "max_age " + a + " s is under a day")
          .detail(
              "Senders cache the policy for max_age; a short one leaves every refresh open to the attack MTA-STS prevents (RFC 8461 §3.2 expects weeks or more).")
          .remedy("max_age: 604800 (a week) or more; up to 31557600.")
          .build();
    if (a < WEEK)
      return Finding.of(
              FindingId.MTA_STS_MAX_AGE, Status.INFO, "max_age " + a + " s is under a week")
          .detail(
              "RFC 8461 §3.2 expects max_age in the range of weeks or more; short values suit a first deployment.")
          .build();
    return Finding.of(
            FindingId.MTA_STS_MAX_AGE, Status.PASS, "max_age " + a + " s (" + a / DAY + " days)")
        .build();
  }

  /** The record, then a caret under each problem's position. */
  static List<String> positioned(String text, List<Problem> problems) {
    List<String> ev = new ArrayList<>();
    ev.add(text);
    for (Problem p : problems.stream().limit(5).toList()) {
      int col = Math.max(0, Math.min(text.length(), p.position() - 1));
      ev.add(" ".repeat(col) + "^ " + p.message());
    }
    return ev;
  }
}
