package dev.mailcheck.checks.domain;

import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckResult;
import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.bimi.BimiCheck;
import dev.mailcheck.checks.bimi.BimiFacts;
import dev.mailcheck.checks.blocklist.Blocklist;
import dev.mailcheck.checks.blocklist.BlocklistCheck;
import dev.mailcheck.checks.blocklist.BlocklistFacts;
import dev.mailcheck.checks.blocklist.BlocklistTarget;
import dev.mailcheck.checks.caa.CaaCheck;
import dev.mailcheck.checks.dane.DaneCheck;
import dev.mailcheck.checks.dane.DaneFacts;
import dev.mailcheck.checks.dkim.DkimAudit;
import dev.mailcheck.checks.dkim.DkimCheck;
import dev.mailcheck.checks.dmarc.DmarcFacts;
import dev.mailcheck.checks.dnssec.DnssecFacts;
import dev.mailcheck.checks.mtasts.MtaStsFacts;
import dev.mailcheck.checks.mtasts.MtaStsReport;
import dev.mailcheck.checks.mx.MxFacts;
import dev.mailcheck.checks.mx.MxFetcher;
import dev.mailcheck.checks.mx.MxHost;
import dev.mailcheck.checks.ptr.PtrCheck;
import dev.mailcheck.checks.ptr.PtrFacts;
import dev.mailcheck.checks.spf.SpfCheck;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.DnssecValidator;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.internal.SpecialAddresses;
import dev.mailcheck.internal.Switches;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Score;
import dev.mailcheck.report.scoring.Scoring;
import dev.mailcheck.report.view.DmarcView;
import dev.mailcheck.report.view.DomainSmtpView;
import dev.mailcheck.report.view.PtrView;
import dev.mailcheck.report.view.SmtpView;
import dev.mailcheck.report.view.SpfView;
import dev.mailcheck.report.view.View;
import dev.mailcheck.smtp.ProbeRequest;
import dev.mailcheck.smtp.ProbeResult;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs every check of one domain through the {@link Checks} registry with maximal parallelism, adds
 * the {@link CrossChecks} and scores the result.
 *
 * <pre>
 *   MX ──┬─ A/AAAA mx1 ──┬─ PTR ── forward A/AAAA        (per address, as soon as it arrives)
 *        │               └─ SMTP probe port 25
 *        └─ A/AAAA mx2 ── ...
 *   _dmarc tree walk (all names at once) ── report authorization
 *   SPF audit (include tree)                               (its own parallelism)
 *   DKIM audit (selectors)
 *   MX ── (all exchanges' addresses) ── blocklists: MX addresses, --ip senders, the domain
 * </pre>
 *
 * MX, DMARC, SPF and DKIM start together; the PTR lookups and the SMTP probe of an exchange start
 * when that exchange's addresses arrive, not when the slowest exchange is done. The shared resolver
 * coalesces the questions several checks ask (the DKIM audit's MX lookup, the SPF mx terms).
 *
 * <p>Over the ~300-line guide on purpose: the composition of the domain report: it starts every
 * check at once, chains the per-address PTR and SMTP work on each exchange's lookups, probes each
 * address once, and assembles the results; the cross-check rules themselves are CrossChecks.
 */
public final class DomainCheck {
  private final CheckContext ctx;

  /**
   * @param ctx the run's resolver, probe (used only when {@link Options#smtp}), executor and
   *     settings (clock, timeout, private addresses, trust anchors)
   */
  public DomainCheck(CheckContext ctx) {
    this.ctx = ctx;
  }

  /**
   * @param selectors DKIM selectors to check first
   * @param smtp whether to probe port 25 of the MX addresses
   * @param smtpPort 25; another port only for labs and tests
   * @param blocklists the DNS blocklists to look the MX addresses, the senders and the domain up
   *     on; empty: no blocklist lookups
   * @param senders the domain's sending addresses ({@code --ip}), looked up on the IP lists
   * @param transport whether to run the transport-security checks and BIMI (off only to measure
   *     what they add: docs/performance.md)
   */
  public record Options(
      String domain,
      List<String> selectors,
      boolean smtp,
      int smtpPort,
      List<Blocklist> blocklists,
      List<InetAddress> senders,
      boolean transport) {
    public Options {
      selectors = List.copyOf(selectors);
      blocklists = List.copyOf(blocklists);
      senders = List.copyOf(senders);
      if (smtpPort < 1 || smtpPort > 65535) throw new IllegalArgumentException("port " + smtpPort);
    }

    /** The same options for another domain (a many-domain run checks each the same way). */
    public Options withDomain(String other) {
      return new Options(other, selectors, smtp, smtpPort, blocklists, senders, transport);
    }

    public Options(
        String domain,
        List<String> selectors,
        boolean smtp,
        int smtpPort,
        List<Blocklist> blocklists,
        List<InetAddress> senders) {
      this(domain, selectors, smtp, smtpPort, blocklists, senders, true);
    }

    public Options(
        String domain, List<String> selectors, boolean smtp, int smtpPort, boolean transport) {
      this(domain, selectors, smtp, smtpPort, List.of(), List.of(), transport);
    }

    public Options(String domain, List<String> selectors, boolean smtp, int smtpPort) {
      this(domain, selectors, smtp, smtpPort, List.of(), List.of(), true);
    }

    public Options(String domain, List<String> selectors, boolean smtp) {
      this(domain, selectors, smtp, 25);
    }
  }

  /**
   * Findings in category order, the views mx, ptr, smtp, spf, dkim, dmarc (and blocklist when lists
   * are given), the SMTP transcripts and the score.
   */
  public record Result(
      List<Finding> findings, List<View> views, List<String> transcript, Score score) {
    public Result {
      findings = List.copyOf(findings);
      views = List.copyOf(views);
      transcript = List.copyOf(transcript);
    }
  }

  /** What one address of one exchange gave: its PTR check and its SMTP probe (if run). */
  private record AddressResult(
      String host,
      InetAddress address,
      PtrCheck.Query ptrQuery,
      CheckResult<PtrFacts> ptr,
      Optional<CheckResult<ProbeResult>> smtp) {}

  public CompletableFuture<Result> run(Options o) {
    // One SMTP probe per address, however many exchange names share it (each name then judges the
    // same session, with the certificate's name check redone for it).
    Map<InetAddress, CompletableFuture<ProbeResult>> sessions = new ConcurrentHashMap<>();
    CompletableFuture<MxFetcher.Started> mxStarted = Checks.MX.start(o.domain(), ctx);
    // Per address: PTR and the SMTP probe, chained on that exchange's own address lookups.
    CompletableFuture<List<AddressResult>> perAddress =
        mxStarted.thenCompose(
            started -> {
              List<CompletableFuture<List<AddressResult>>> hosts =
                  started.hosts().stream()
                      .limit(Limits.DOMAIN_PROBED_EXCHANGES)
                      .map(hf -> hf.thenCompose(h -> addresses(h, o, sessions)))
                      .toList();
              return allOf(hosts).thenApply(lists -> lists.stream().flatMap(List::stream).toList());
            });
    CompletableFuture<MxFacts> mxFacts = mxStarted.thenCompose(MxFetcher.Started::facts);
    var dmarc = Checks.DMARC.run(o.domain(), ctx);
    var spf = Checks.SPF.run(SpfCheck.Query.audit(o.domain()), ctx);
    var dkim = Checks.DKIM.run(new DkimCheck.Query(o.domain(), o.selectors()), ctx);
    var dnssec = Checks.DNSSEC.run(o.domain(), ctx);
    // DANE: each exchange's TLSA (and address) answers, validated as soon as the exchange is
    // known; matched later against the probes this report runs anyway (never a second probe).
    DnssecValidator validator =
        DnssecValidator.over(ctx.dns(), ctx.settings().dnssecAnchors(), ctx.settings().clock());
    CompletableFuture<List<DaneFacts.Host>> tlsa =
        mxStarted.thenCompose(
            started ->
                allOf(
                    started.hosts().stream()
                        .limit(Limits.DOMAIN_PROBED_EXCHANGES)
                        .map(
                            hf ->
                                hf.thenCompose(
                                    h -> DaneCheck.lookup(h.exchange(), 25, ctx, validator)))
                        .toList()));
    // Blocklists: every MX address once its exchange resolved, the senders and the domain.
    CompletableFuture<Optional<CheckResult<BlocklistFacts>>> blocklist =
        o.blocklists().isEmpty()
            ? CompletableFuture.completedFuture(Optional.empty())
            : mxFacts.thenCompose(
                mx -> Checks.BLOCKLIST.run(blocklistQuery(o, mx), ctx).thenApply(Optional::of));
    // MTA-STS, TLS-RPT, CAA and BIMI (off only to measure what they add: docs/performance.md)
    CompletableFuture<CheckResult<MtaStsFacts>> sts =
        o.transport() ? Checks.MTA_STS.run(o.domain(), ctx) : done(null);
    CompletableFuture<CheckResult<DnsResult>> rpt =
        o.transport() ? Checks.TLS_RPT.run(o.domain(), ctx) : done(null);
    CompletableFuture<CheckResult<CaaCheck.Facts>> caa =
        o.transport()
            ? mxFacts.thenCompose(
                m -> Checks.CAA.run(CaaCheck.hosts(m, Limits.DOMAIN_PROBED_EXCHANGES), ctx))
            : done(null);
    CompletableFuture<CheckResult<BimiFacts>> bimi =
        o.transport()
            ? Checks.BIMI.run(new BimiCheck.Query(o.domain(), BimiCheck.DEFAULT_SELECTOR), ctx)
            : done(null);
    return CompletableFuture.allOf(
            perAddress, mxFacts, dmarc, spf, dkim, dnssec, tlsa, blocklist, sts, rpt, caa, bimi)
        .thenApply(
            v -> {
              Result r =
                  assemble(
                      o,
                      Checks.MX.result(o.domain(), mxFacts.join(), ctx.settings()),
                      perAddress.join(),
                      spf.join(),
                      dkim.join(),
                      dmarc.join(),
                      dnssec.join(),
                      tlsa.join(),
                      blocklist.join(),
                      ctx.settings().switches());
              if (!o.transport()) return r;
              return withTransport(
                  o,
                  r,
                  mxFacts.join(),
                  perAddress.join(),
                  sts.join(),
                  rpt.join(),
                  caa.join(),
                  bimi.join(),
                  dmarc.join());
            });
  }

  private static <T> CompletableFuture<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }

  /** The MX addresses (as many as get probed), the senders, and the domain itself. */
  static BlocklistCheck.Query blocklistQuery(Options o, MxFacts mx) {
    java.util.LinkedHashMap<InetAddress, BlocklistTarget> targets = new java.util.LinkedHashMap<>();
    for (InetAddress a : o.senders())
      targets.put(a, BlocklistTarget.address(a, BlocklistTarget.Role.SENDER, "sending address"));
    if (!mx.nullMx()) {
      for (MxHost h : mx.hosts().stream().limit(Limits.DOMAIN_PROBED_EXCHANGES).toList()) {
        for (InetAddress a : h.addresses().stream().limit(Limits.DOMAIN_PROBED_ADDRESSES).toList())
          targets.putIfAbsent(
              a, BlocklistTarget.address(a, BlocklistTarget.Role.MX, "MX " + h.exchange()));
      }
    }
    List<BlocklistTarget> all = new ArrayList<>(targets.values());
    all.add(BlocklistTarget.domain(o.domain(), BlocklistTarget.Role.DOMAIN, ""));
    return new BlocklistCheck.Query(all, o.blocklists());
  }

  /**
   * Adds the transport-security category (MTA-STS with its coverage of the MX hosts and their
   * port-25 certificates from the probes already run, TLS-RPT, CAA) and BIMI (with the DMARC facts
   * already fetched), then scores again.
   */
  private Result withTransport(
      Options o,
      Result base,
      MxFacts mx,
      List<AddressResult> addresses,
      CheckResult<MtaStsFacts> sts,
      CheckResult<DnsResult> rpt,
      CheckResult<CaaCheck.Facts> caa,
      CheckResult<BimiFacts> bimi,
      CheckResult<DmarcFacts> dmarc) {
    boolean blocked =
        base.views().stream().anyMatch(v -> v instanceof DomainSmtpView d && d.port25Blocked());
    List<ProbeResult> probes =
        blocked
            ? List.of()
            : addresses.stream().flatMap(a -> a.smtp().stream()).map(CheckResult::facts).toList();
    MtaStsReport.Result t =
        MtaStsReport.combine(o.domain(), sts, rpt, mx, MtaStsReport.byHost(probes));
    List<Finding> findings = new ArrayList<>(base.findings());
    findings.addAll(t.findings());
    List<String> exchanges =
        mx.nullMx()
            ? List.of()
            : mx.hosts().stream()
                .limit(Limits.DOMAIN_PROBED_EXCHANGES)
                .map(MxHost::exchange)
                .toList();
    boolean noStsRecord =
        !sts.facts().txt().isTemporaryFailure() && sts.facts().stsRecords().isEmpty();
    findings = new ArrayList<>(CrossChecks.daneInsteadOfMtaSts(findings, exchanges, noStsRecord));
    findings.addAll(caa.findings());
    findings.addAll(BimiCheck.withDmarc(bimi.findings(), bimi.facts(), dmarc.facts()));
    List<View> views = new ArrayList<>(base.views());
    views.addAll(t.views());
    views.add(caa.view());
    views.add(bimi.view());
    Score score = Scoring.score(findings, blocked || !o.smtp() ? Set.of("smtp") : Set.of());
    return new Result(findings, views, base.transcript(), score);
  }

  private CompletableFuture<List<AddressResult>> addresses(
      MxHost h, Options o, Map<InetAddress, CompletableFuture<ProbeResult>> sessions) {
    List<CompletableFuture<AddressResult>> out = new ArrayList<>();
    for (InetAddress a : h.addresses().stream().limit(Limits.DOMAIN_PROBED_ADDRESSES).toList()) {
      PtrCheck.Query q = new PtrCheck.Query(a, Optional.of(h.exchange()));
      CompletableFuture<CheckResult<PtrFacts>> p = Checks.PTR.run(q, ctx);
      // A zone anyone can publish must not steer the probe to internal hosts: special-purpose
      // addresses are contacted only when the run allows private addresses.
      boolean probe =
          o.smtp() && (ctx.settings().allowPrivate() || SpecialAddresses.classify(a).isEmpty());
      ProbeRequest req = request(h.exchange(), a, o.smtpPort(), ctx.settings());
      CompletableFuture<Optional<CheckResult<ProbeResult>>> s =
          probe
              ? sessions
                  .computeIfAbsent(a, x -> Checks.SMTP.fetch(req, ctx))
                  .thenApply(
                      r ->
                          Optional.of(
                              Checks.SMTP.result(req, r.asSeenBy(h.exchange()), ctx.settings())))
              : CompletableFuture.completedFuture(Optional.empty());
      out.add(p.thenCombine(s, (pr, sr) -> new AddressResult(h.exchange(), a, q, pr, sr)));
    }
    return allOf(out);
  }

  public static ProbeRequest request(String host, InetAddress address, int port, CheckSettings s) {
    var b = ProbeRequest.builder(host, port);
    List<X509Certificate> anchors = s.trustAnchors();
    if (!anchors.isEmpty()) b.trustAnchors(anchors);
    return b.addresses(List.of(address))
        .certificateName(host)
        .timeout(s.timeout())
        // Port 25 TLS is opportunistic: record the certificate verdict but finish the session.
        .insecure(true)
        .legacyTlsCheck(true)
        .build();
  }

  static ProbeRequest request(String host, InetAddress address, int port, Duration timeout) {
    return request(host, address, port, CheckSettings.defaults().withTimeout(timeout));
  }

  private Result assemble(
      Options o,
      CheckResult<MxFacts> mx,
      List<AddressResult> addresses,
      CheckResult<SpfCheck.Facts> spf,
      CheckResult<DkimAudit.Facts> dkim,
      CheckResult<DmarcFacts> dmarc,
      CheckResult<DnssecFacts> dnssec,
      List<DaneFacts.Host> tlsa,
      Optional<CheckResult<BlocklistFacts>> blocklist,
      Switches sw) {
    List<Finding> findings = new ArrayList<>(mx.findings());
    findings.addAll(CrossChecks.noIpv6(mx.facts()));
    List<PtrView.Entry> ptrEntries = new ArrayList<>();
    for (AddressResult a : addresses) {
      // Two exchanges may share an address: its PTR findings are then the same; list them once.
      for (Finding f : a.ptr().findings()) if (!findings.contains(f)) findings.add(f);
      ptrEntries.add(Checks.PTR.entry(a.ptrQuery(), a.ptr().facts()));
    }
    CrossChecks.truncated(
            mx.facts(), Limits.DOMAIN_PROBED_EXCHANGES, Limits.DOMAIN_PROBED_ADDRESSES)
        .ifPresent(findings::add);
    List<SmtpView> probes = new ArrayList<>();
    List<String> transcript = new ArrayList<>();
    List<ProbeResult> results = new ArrayList<>();
    for (AddressResult a : addresses) {
      if (o.smtp() && a.smtp().isEmpty())
        CrossChecks.notProbed(a.host(), a.address(), sw).ifPresent(findings::add);
      if (a.smtp().isEmpty()) continue;
      CheckResult<ProbeResult> s = a.smtp().get();
      CrossChecks.bannerMatch(a.address(), a.ptr().facts().names(), s.facts())
          .filter(f -> !findings.contains(f))
          .ifPresent(findings::add);
      String subject = a.host() + " " + InetAddresses.format(a.address());
      for (Finding f : s.findings()) findings.add(f.withSubject(subject));
      probes.add((SmtpView) s.view());
      results.add(s.facts());
      transcript.add(
          "--- "
              + a.host()
              + " ["
              + InetAddresses.format(a.address())
              + "]:"
              + o.smtpPort()
              + " ---");
      transcript.addAll(s.transcript());
    }
    boolean blocked = o.smtp() && CrossChecks.port25Blocked(results);
    if (blocked) findings.add(CrossChecks.port25BlockedFinding(results.size(), sw));
    SpfView spfView = (SpfView) spf.view();
    DmarcView dmarcView = (DmarcView) dmarc.view();
    CrossChecks.nullMxSpf(o.domain(), mx.facts(), spfView).ifPresent(findings::add);
    findings.addAll(spf.findings());
    findings.addAll(dkim.findings());
    findings.addAll(dmarc.findings());
    CrossChecks.strictSpfAlignment(o.domain(), spfView, dmarcView).ifPresent(findings::add);
    findings.addAll(dnssec.findings());
    CheckResult<DaneFacts> dane = dane(o, tlsa, addresses);
    boolean matchable = o.smtp() && !blocked;
    for (Finding f : dane.findings()) {
      // Without probes (--no-smtp, port 25 blocked here) there is no chain to match.
      if (matchable || !f.id().equals(FindingId.DANE_MATCH.id())) findings.add(f);
    }
    blocklist.ifPresent(b -> findings.addAll(b.findings()));
    List<View> views = new ArrayList<>();
    views.add(mx.view());
    views.add(new PtrView(ptrEntries));
    views.add(
        new DomainSmtpView(probes, !o.smtp() || mx.facts().nullMx() && probes.isEmpty(), blocked));
    views.add(spfView);
    views.add(dkim.view());
    views.add(dmarcView);
    views.add(dnssec.view());
    views.add(dane.view());
    blocklist.ifPresent(b -> views.add(b.view()));
    Score score = Scoring.score(findings, blocked || !o.smtp() ? Set.of("smtp") : Set.of());
    return new Result(findings, views, transcript, score);
  }

  /** The DANE check's result from the TLSA lookups and this report's own probes. */
  private CheckResult<DaneFacts> dane(
      Options o, List<DaneFacts.Host> tlsa, List<AddressResult> addresses) {
    List<DaneFacts.Host> hosts = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (DaneFacts.Host h : tlsa) {
      if (!seen.add(h.host())) continue;
      List<ProbeResult> probes =
          addresses.stream()
              .filter(a -> a.host().equals(h.host()) && a.smtp().isPresent())
              .map(a -> a.smtp().get().facts())
              .toList();
      hosts.add(h.withProbes(probes));
    }
    DaneFacts facts = new DaneFacts(o.domain(), hosts);
    return Checks.DANE.result(DaneCheck.Query.name(o.domain()), facts, ctx.settings());
  }

  private static <T> CompletableFuture<List<T>> allOf(List<CompletableFuture<T>> futures) {
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .thenApply(v -> futures.stream().map(CompletableFuture::join).toList());
  }
}
