package dev.mailcheck.checks.bimi;

import dev.mailcheck.checks.Check;
import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.HttpsDocuments;
import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.TagList;
import dev.mailcheck.checks.dmarc.DmarcFacts;
import dev.mailcheck.checks.dmarc.PublicSuffixes;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.https.HttpsResult;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.BimiView;
import dev.mailcheck.report.view.DmarcView;
import dev.mailcheck.smtp.CertificateInspector;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * BIMI: the record, the logo and the evidence document. The DMARC precondition needs the DMARC
 * facts; {@link #withDmarc} adds it (the domain report passes the facts it already has, {@code
 * mailcheck bimi} fetches them beside the BIMI lookups).
 *
 * <p>Over the ~300-line guide on purpose: BIMI is three documents (record, SVG logo, evidence
 * certificate) fetched in sequence whose findings depend on each other (no logo check without a
 * record, the certificate's logotype hash against the fetched SVG); the parsers live beside it.
 */
public final class BimiCheck implements Check<BimiCheck.Query, BimiFacts> {
  public static final String DEFAULT_SELECTOR = "default";

  public record Query(String domain, String selector) {}

  @Override
  public CompletableFuture<BimiFacts> fetch(Query q, CheckContext ctx) {
    String org = PublicSuffixes.organizationalDomain(q.domain());
    CompletableFuture<Map<String, DnsResult>> lookups =
        ctx.dns()
            .query(q.selector() + "._bimi." + q.domain(), RecordType.TXT)
            .thenCompose(
                own -> {
                  Map<String, DnsResult> m = new LinkedHashMap<>();
                  m.put(q.domain(), own);
                  if (!BimiFacts.bimiRecords(own).isEmpty()
                      || org.equals(q.domain())
                      || own.isTemporaryFailure()) return CompletableFuture.completedFuture(m);
                  return ctx.dns()
                      .query(q.selector() + "._bimi." + org, RecordType.TXT)
                      .thenApply(
                          r -> {
                            m.put(org, r);
                            return m;
                          });
                });
    return lookups.thenCompose(
        m -> {
          var partial =
              new BimiFacts(q.domain(), q.selector(), m, Optional.empty(), Optional.empty());
          Optional<BimiRecord> rec = partial.record();
          var logo = get(rec.map(BimiRecord::logo), Limits.BIMI_LOGO_BYTES, ctx);
          var evidence = get(rec.map(BimiRecord::evidence), Limits.BIMI_EVIDENCE_BYTES, ctx);
          return logo.thenCombine(
              evidence, (l, e) -> new BimiFacts(q.domain(), q.selector(), m, l, e));
        });
  }

  private static CompletableFuture<Optional<HttpsResult>> get(
      Optional<String> url, int max, CheckContext ctx) {
    Optional<URI> u =
        url.filter(s -> s.toLowerCase(Locale.ROOT).startsWith("https://")).flatMap(BimiCheck::uri);
    if (u.isEmpty()) return CompletableFuture.completedFuture(Optional.empty());
    var req = HttpsDocuments.request(u.get(), max, ctx.settings());
    return ctx.async(() -> Optional.of(ctx.https().fetch(req)));
  }

  private static Optional<URI> uri(String s) {
    try {
      URI u = new URI(s);
      return u.getHost() == null ? Optional.empty() : Optional.of(u);
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<Finding> evaluate(Query q, BimiFacts f, CheckSettings s) {
    List<Finding> out = new ArrayList<>();
    String name = q.selector() + "._bimi." + q.domain();
    if (f.lookupFailed()) {
      out.add(
          Finding.of(FindingId.BIMI_RECORD, Status.ERROR, "Could not look up the BIMI record")
              .detail(name + " TXT failed temporarily.")
              .build());
      return out;
    }
    List<String> recs = f.records();
    if (recs.isEmpty()) {
      out.add(
          Finding.of(FindingId.BIMI_RECORD, Status.INFO, "No BIMI record")
              .detail(
                  name
                      + " has no v=BIMI1 record: mailbox providers show no brand logo. BIMI is optional; it needs DMARC at quarantine or reject.")
              .remedy(
                  name
                      + ". TXT \"v=BIMI1; l=https://"
                      + q.domain()
                      + "/logo.svg; a=https://"
                      + q.domain()
                      + "/vmc.pem\"")
              .build());
      return out;
    }
    String at = q.selector() + "._bimi." + f.recordAt().orElseThrow();
    if (recs.size() > 1) {
      out.add(
          Finding.of(
                  FindingId.BIMI_RECORD,
                  Status.FAIL,
                  recs.size() + " v=BIMI1 records at " + at + ": receivers use none")
              .evidence(recs)
              .build());
      return out;
    }
    BimiRecord rec = f.record().orElseThrow();
    if (!rec.valid()) {
      out.add(
          Finding.of(FindingId.BIMI_RECORD, Status.FAIL, "The BIMI record is invalid")
              .detail(rec.problems().get(0) + ".")
              .evidence(List.of(rec.text()))
              .build());
      return out;
    }
    if (rec.declination()) {
      out.add(
          Finding.of(
                  FindingId.BIMI_RECORD,
                  Status.INFO,
                  "The BIMI record declines to show a logo (empty l=)")
              .evidence(rec.text())
              .build());
      return out;
    }
    out.add(
        Finding.of(
                FindingId.BIMI_RECORD,
                Status.PASS,
                "BIMI record published"
                    + (f.recordAt().get().equals(q.domain())
                        ? ""
                        : " (at the organizational domain)"))
            .evidence(rec.text())
            .build());
    Optional<byte[]> logo = logo(f, out);
    evidence(q, f, rec, logo, s, out);
    return out;
  }

  private static Optional<byte[]> logo(BimiFacts f, List<Finding> out) {
    HttpsResult r = f.logo().orElseThrow();
    Optional<String> problem = HttpsDocuments.problem(r);
    if (problem.isPresent()) {
      out.add(
          Finding.of(
                  FindingId.BIMI_LOGO,
                  HttpsDocuments.undetermined(r) ? Status.ERROR : Status.FAIL,
                  "The BIMI logo could not be fetched")
              .detail(r.url() + ": " + problem.get() + ".")
              .build());
      return Optional.empty();
    }
    var resp = (HttpsResult.Response) r;
    byte[] body = resp.body();
    SvgTinyPs.Result svg = SvgTinyPs.check(body);
    List<String> problems = new ArrayList<>(svg.problems());
    if (!resp.mediaType().equals("image/svg+xml"))
      problems.add(
          "served as \""
              + resp.header("Content-Type").orElse("(no Content-Type)")
              + "\", not image/svg+xml");
    boolean onlySize =
        problems.stream().allMatch(p -> p.contains("32 KB") || p.startsWith("served as"));
    Status st = problems.isEmpty() ? Status.PASS : onlySize ? Status.WARN : Status.FAIL;
    out.add(
        Finding.of(
                FindingId.BIMI_LOGO,
                st,
                problems.isEmpty()
                    ? "The logo is SVG Tiny Portable/Secure (" + body.length + " bytes)"
                    : st == Status.WARN
                        ? "The logo is usable, with warnings"
                        : "The logo is not SVG Tiny Portable/Secure: receivers will not show it")
            .detail(problems.isEmpty() ? "" : problems.get(0) + ".")
            .evidence(problems)
            .remedy(
                st == Status.FAIL
                    ? "Export the logo as SVG Tiny 1.2 with baseProfile=\"tiny-ps\", a <title>, a square viewBox, and no scripts, raster images or external references."
                    : null)
            .build());
    return Optional.of(body);
  }

  private static void evidence(
      Query q,
      BimiFacts f,
      BimiRecord rec,
      Optional<byte[]> logo,
      CheckSettings s,
      List<Finding> out) {
    if (rec.evidence().isEmpty()) {
      out.add(
          Finding.of(FindingId.BIMI_CERTIFICATE, Status.INFO, "No evidence document (a=)")
              .detail(
                  "Gmail and Apple Mail show BIMI logos only with a Verified or Common Mark Certificate.")
              .build());
      return;
    }
    HttpsResult r = f.evidence().orElseThrow();
    Optional<String> problem = HttpsDocuments.problem(r);
    if (problem.isPresent()) {
      out.add(
          Finding.of(
                  FindingId.BIMI_CERTIFICATE,
                  HttpsDocuments.undetermined(r) ? Status.ERROR : Status.FAIL,
                  "The evidence document could not be fetched")
              .detail(r.url() + ": " + problem.get() + ".")
              .build());
      return;
    }
    byte[] body = ((HttpsResult.Response) r).body();
    Optional<Evidence.Parsed> parsed = Evidence.parse(body);
    if (parsed.isEmpty()) {
      out.add(
          Finding.of(
                  FindingId.BIMI_CERTIFICATE,
                  Status.FAIL,
                  "The evidence document holds no PEM certificate")
              .detail(r.url() + ".")
              .build());
      return;
    }
    Evidence.Parsed e = parsed.get();
    List<String> problems = new ArrayList<>(e.problems());
    Instant now = s.clock().instant();
    var leaf = e.leaf();
    if (now.isAfter(leaf.getNotAfter().toInstant()))
      problems.add("expired on " + leaf.getNotAfter().toInstant());
    if (now.isBefore(leaf.getNotBefore().toInstant()))
      problems.add("not valid before " + leaf.getNotBefore().toInstant());
    List<String> names = names(leaf);
    String org = PublicSuffixes.organizationalDomain(q.domain());
    if (names.stream()
        .noneMatch(
            n ->
                n.equals(q.domain())
                    || n.equals(org)
                    || n.equals(q.selector() + "._bimi." + q.domain())))
      problems.add(
          "names "
              + (names.isEmpty() ? "no domain" : String.join(", ", names))
              + ", not "
              + q.domain());
    if (!e.bimiUsage()) problems.add("no BIMI extended key usage (1.3.6.1.5.5.7.3.31)");
    if (!e.logotypeHash().isEmpty() && logo.isPresent() && !e.hashMatches(logo.get()))
      problems.add("the logotype hash (" + e.hashAlgorithm() + ") does not match the logo at l=");
    out.add(
        Finding.of(
                FindingId.BIMI_CERTIFICATE,
                problems.isEmpty() ? Status.PASS : Status.FAIL,
                problems.isEmpty()
                    ? (e.markType().isEmpty() ? "Mark certificate" : e.markType() + " certificate")
                        + " valid until "
                        + leaf.getNotAfter().toInstant()
                        + ", its logo matches l="
                    : "The mark certificate does not support the logo")
            .detail(
                problems.isEmpty()
                    ? "The chain to the issuing CA is not validated: mark certificate roots are not in the system store."
                    : problems.get(0) + ".")
            .evidence(problems)
            .build());
  }

  static List<String> names(java.security.cert.X509Certificate c) {
    return CertificateInspector.facts(c).sans().stream()
        .filter(n -> n.startsWith("DNS:"))
        .map(n -> n.substring(4).toLowerCase(Locale.ROOT))
        .toList();
  }

  /**
   * Adds {@code bimi.dmarc} when a BIMI record is published: receivers show the logo only when
   * DMARC enforces (p=quarantine or reject for the domain, pct=100, sp not none, not t=y).
   */
  public static List<Finding> withDmarc(List<Finding> findings, BimiFacts bimi, DmarcFacts dmarc) {
    if (bimi.records().isEmpty()) return findings;
    List<Finding> out = new ArrayList<>(findings);
    DmarcView v = Checks.DMARC.view(dmarc.domain(), dmarc);
    List<String> why = new ArrayList<>();
    if (v.record().isEmpty() || v.record().get().usability().equals("unusable"))
      why.add("no usable DMARC record");
    else {
      var r = v.record().get();
      boolean own =
          r.location().equals(dmarc.domain()) || r.location().equals("_dmarc." + dmarc.domain());
      String policy = own ? r.p() : r.effectiveSp();
      if (!policy.equals("quarantine") && !policy.equals("reject"))
        why.add(
            "the policy is " + (policy.isEmpty() ? "none" : policy) + ", not quarantine or reject");
      if (r.effectiveSp().equals("none")) why.add("sp=none");
      TagList.parse(r.text())
          .get("pct")
          .filter(p -> !p.strip().equals("100"))
          .ifPresent(p -> why.add("pct=" + p));
      if (r.t().equals("y")) why.add("t=y (testing)");
    }
    out.add(
        Finding.of(
                FindingId.BIMI_DMARC,
                why.isEmpty() ? Status.PASS : Status.FAIL,
                why.isEmpty()
                    ? "DMARC enforces: BIMI logos can be shown"
                    : "DMARC does not enforce: receivers will not show the logo")
            .detail(why.isEmpty() ? "" : String.join("; ", why) + ".")
            .remedy(
                why.isEmpty()
                    ? null
                    : "_dmarc."
                        + dmarc.domain()
                        + ". TXT \"v=DMARC1; p=quarantine; ...\" (or p=reject), without pct below 100, sp=none or t=y.")
            .build());
    return out;
  }

  @Override
  public BimiView view(Query q, BimiFacts f) {
    Optional<BimiRecord> rec = f.record();
    String outcome =
        f.lookupFailed()
            ? "error"
            : f.records().isEmpty() ? "none" : f.records().size() > 1 ? "multiple" : "found";
    Optional<BimiView.Logo> logo =
        f.logo()
            .filter(r -> r instanceof HttpsResult.Response x && x.status() == 200)
            .map(r -> ((HttpsResult.Response) r).body())
            .map(
                b -> {
                  var svg = SvgTinyPs.check(b);
                  return new BimiView.Logo(
                      b.length,
                      Evidence.sha256(b),
                      svg.baseProfile(),
                      svg.title(),
                      svg.viewBox(),
                      svg.problems());
                });
    Optional<BimiView.Evidence> ev =
        f.evidence()
            .filter(r -> r instanceof HttpsResult.Response x && x.status() == 200)
            .flatMap(r -> Evidence.parse(((HttpsResult.Response) r).body()))
            .map(
                e -> {
                  var leaf = CertificateInspector.facts(e.leaf());
                  boolean matches =
                      f.logo()
                          .filter(r -> r instanceof HttpsResult.Response x && x.status() == 200)
                          .map(r -> e.hashMatches(((HttpsResult.Response) r).body()))
                          .orElse(false);
                  return new BimiView.Evidence(
                      leaf.subject(),
                      leaf.issuer(),
                      leaf.notBefore().toString(),
                      leaf.notAfter().toString(),
                      names(e.leaf()),
                      e.markType(),
                      e.hashAlgorithm(),
                      e.logotypeHash(),
                      matches,
                      e.chain().size());
                });
    return new BimiView(
        q.domain(),
        q.selector(),
        f.recordAt().orElse(""),
        outcome,
        f.records().isEmpty() ? "" : String.join(" | ", f.records()),
        rec.map(BimiRecord::logo).orElse(""),
        rec.map(BimiRecord::evidence).orElse(""),
        f.logo().map(HttpsDocuments::view),
        logo,
        f.evidence().map(HttpsDocuments::view),
        ev);
  }
}
