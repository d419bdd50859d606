package dev.mailcheck.checks.mtasts;

import dev.mailcheck.checks.mx.MxFacts;
import dev.mailcheck.checks.mx.MxHost;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.MtaStsView;
import dev.mailcheck.smtp.Failure;
import dev.mailcheck.smtp.Phase;
import dev.mailcheck.smtp.ProbeResult;
import dev.mailcheck.smtp.StartTls;
import dev.mailcheck.smtp.TlsFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MTA-STS policy against what the domain really runs (RFC 8461 §4): every MX host must match an
 * {@code mx:} pattern (§4.1), and in mode enforce every MX must offer STARTTLS with TLS 1.2 or
 * later and a certificate that chains to a trusted root and names the MX host (§4.2). The
 * certificates come from the port-25 probes the caller already ran; nothing is probed here. Pure.
 */
public final class MtaStsCoverage {
  private MtaStsCoverage() {}

  /** The findings and the per-MX rows of the view. */
  public record Result(List<Finding> findings, List<MtaStsView.Mx> rows) {
    public Result {
      findings = List.copyOf(findings);
      rows = List.copyOf(rows);
    }

    static Result empty() {
      return new Result(List.of(), List.of());
    }
  }

  /** What one MX host showed on port 25 over all its probed addresses. */
  enum Verdict {
    VALID("valid"),
    NOT_PROBED("not-probed"),
    NO_CONNECTION("no-connection"),
    NO_STARTTLS("no-starttls"),
    OLD_TLS("old-tls"),
    NAME_MISMATCH("name-mismatch"),
    UNTRUSTED("untrusted");

    final String token;

    Verdict(String token) {
      this.token = token;
    }

    boolean violation() {
      return ordinal() >= NO_STARTTLS.ordinal();
    }
  }

  /**
   * @param probes the port-25 probes of the MX addresses, by MX host name (empty when none ran)
   */
  public static Result evaluate(
      MtaStsFacts sts, MxFacts mx, Map<String, List<ProbeResult>> probes) {
    Optional<StsPolicy> usable = sts.usablePolicy();
    if (usable.isEmpty() || mx.nullMx() || mx.hosts().isEmpty()) return Result.empty();
    StsPolicy p = usable.get();
    StsPolicy.Mode mode = p.mode().orElseThrow();
    List<MtaStsView.Mx> rows = new ArrayList<>();
    List<String> uncovered = new ArrayList<>();
    List<String> violations = new ArrayList<>();
    List<String> unreachable = new ArrayList<>();
    int probed = 0;
    for (MxHost h : mx.hosts()) {
      Optional<String> pattern = MxPatterns.match(p.mx(), h.exchange());
      if (pattern.isEmpty()) uncovered.add(h.exchange());
      List<ProbeResult> results = probes.getOrDefault(h.exchange(), List.of());
      Verdict worst = Verdict.NOT_PROBED;
      String detail = "";
      for (ProbeResult r : results) {
        var v = verdict(r);
        if (worst == Verdict.NOT_PROBED || v.verdict().ordinal() > worst.ordinal()) {
          worst = v.verdict();
          detail = v.detail() + r.address().map(a -> " [" + a + "]").orElse("");
        }
      }
      if (!results.isEmpty()) probed++;
      if (worst.violation()) violations.add(h.exchange() + ": " + detail);
      if (worst == Verdict.NO_CONNECTION) unreachable.add(h.exchange() + ": " + detail);
      rows.add(new MtaStsView.Mx(h.exchange(), pattern.orElse(""), worst.token, detail));
    }
    List<Finding> out = new ArrayList<>();
    out.add(coverage(mode, p, uncovered, mx.hosts().size()));
    if (mode != StsPolicy.Mode.NONE)
      out.add(certificates(mode, violations, unreachable, probed, mx.hosts().size()));
    return new Result(out, rows);
  }

  private static Finding coverage(
      StsPolicy.Mode mode, StsPolicy p, List<String> uncovered, int hosts) {
    if (uncovered.isEmpty())
      return Finding.of(
              FindingId.MTA_STS_MX_COVERAGE,
              Status.PASS,
              "Every MX (" + hosts + ") matches the policy's mx patterns")
          .evidence(p.mx().stream().map(m -> "mx: " + m).toList())
          .build();
    Status s =
        switch (mode) {
          case ENFORCE -> Status.FAIL;
          case TESTING -> Status.WARN;
          case NONE -> Status.INFO;
        };
    String consequence =
        switch (mode) {
          case ENFORCE ->
              "Senders that enforce MTA-STS will not deliver to it: mail may bounce or go only to the other MX.";
          case TESTING ->
              "In testing mode senders still deliver and report the failure; in enforce mode they would not deliver to it.";
          case NONE -> "Mode none: the policy is not applied.";
        };
    return Finding.of(
            FindingId.MTA_STS_MX_COVERAGE,
            s,
            "MX not covered by the MTA-STS policy: " + String.join(", ", uncovered))
        .detail(consequence + " Patterns: " + String.join(", ", p.mx()) + ".")
        .remedy(
            "Add to the policy "
                + String.join(" ", uncovered.stream().map(u -> "\"mx: " + u + "\"").toList())
                + " and change the id= of the _mta-sts record.")
        .build();
  }

  private static Finding certificates(
      StsPolicy.Mode mode,
      List<String> violations,
      List<String> unreachable,
      int probed,
      int hosts) {
    if (probed == 0)
      return Finding.of(
              FindingId.MTA_STS_CERTIFICATES,
              Status.INFO,
              "MX certificates not checked against the policy (no port-25 probe)")
          .detail("Run the SMTP probes from a host that may connect to port 25 to check them.")
          .build();
    boolean enforce = mode == StsPolicy.Mode.ENFORCE;
    if (!violations.isEmpty())
      return Finding.of(
              FindingId.MTA_STS_CERTIFICATES,
              enforce ? Status.FAIL : Status.INFO,
              enforce
                  ? "MX that senders enforcing MTA-STS will not deliver to"
                  : "In enforce mode senders would not deliver to some MX (testing mode: they deliver and report)")
          .detail(
              "RFC 8461 §4.2: each MX must offer STARTTLS with TLS 1.2 or later and a certificate that chains to a trusted root and names the MX host.")
          .evidence(violations)
          .remedy(
              "Install a certificate from a public CA that names each MX host (e.g. ACME), and offer STARTTLS with TLS 1.2+.")
          .build();
    if (!unreachable.isEmpty())
      return Finding.of(
              FindingId.MTA_STS_CERTIFICATES,
              enforce ? Status.ERROR : Status.INFO,
              "Some MX could not be checked against the policy")
          .evidence(unreachable)
          .build();
    return Finding.of(
            FindingId.MTA_STS_CERTIFICATES,
            enforce ? Status.PASS : Status.INFO,
            (probed < hosts ? "Every probed MX (" + probed + " of " + hosts + ")" : "Every MX")
                + " presents a valid certificate for its name on port 25"
                + (enforce ? "" : " (ready for enforce)"))
        .build();
  }

  private record Seen(Verdict verdict, String detail) {}

  private static Seen verdict(ProbeResult r) {
    Optional<Failure> f = r.failure();
    if (r.tls().isEmpty()) {
      if (r.startTls() == StartTls.NOT_OFFERED)
        return new Seen(Verdict.NO_STARTTLS, "STARTTLS not offered");
      if (r.startTls() == StartTls.REFUSED || r.startTls() == StartTls.HANDSHAKE_FAILED)
        return new Seen(
            Verdict.NO_STARTTLS,
            "STARTTLS failed: " + f.map(Failure::detail).orElse(r.startTls().name()));
      if (f.isPresent()
          && (f.get().phase() == Phase.DNS
              || f.get().phase() == Phase.CONNECT
              || f.get().kind() == Failure.Kind.TIMEOUT))
        return new Seen(Verdict.NO_CONNECTION, f.get().detail());
      return new Seen(Verdict.NO_STARTTLS, f.map(Failure::detail).orElse("no TLS session"));
    }
    TlsFacts t = r.tls().get();
    if (!t.trusted()) return new Seen(Verdict.UNTRUSTED, t.trustProblem().orElse("not trusted"));
    if (!t.nameMatches())
      return new Seen(
          Verdict.NAME_MISMATCH,
          "the certificate does not name "
              + t.checkedName()
              + t.leaf().map(l -> " (" + String.join(" ", l.sans()) + ")").orElse(""));
    if (!(t.protocol().equals("TLSv1.2") || t.protocol().equals("TLSv1.3")))
      return new Seen(Verdict.OLD_TLS, t.protocol() + " (RFC 8461 §4.2 needs TLS 1.2 or later)");
    return new Seen(Verdict.VALID, t.protocol());
  }
}
