package dev.mailcheck.checks.domain;

import dev.mailcheck.checks.dkim.DkimCheck;
import dev.mailcheck.checks.dmarc.DmarcCheck;
import dev.mailcheck.checks.mx.MxCheck;
import dev.mailcheck.checks.mx.MxFacts;
import dev.mailcheck.checks.mx.MxFetcher;
import dev.mailcheck.checks.mx.MxHost;
import dev.mailcheck.checks.ptr.PtrCheck;
import dev.mailcheck.checks.ptr.PtrSection;
import dev.mailcheck.checks.smtp.SmtpCheck;
import dev.mailcheck.checks.smtp.SmtpSection;
import dev.mailcheck.checks.spf.SpfCheck;
import dev.mailcheck.checks.spf.SpfOptions;
import dev.mailcheck.checks.spf.SpfReport;
import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Score;
import dev.mailcheck.report.Section;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.scoring.Scoring;
import dev.mailcheck.smtp.Failure;
import dev.mailcheck.smtp.Phase;
import dev.mailcheck.smtp.ProbeRequest;
import dev.mailcheck.smtp.ProbeResult;
import dev.mailcheck.smtp.SmtpProbe;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs every check of one domain with maximal parallelism and scores the result.
 *
 * <pre>
 *   MX ──┬─ A/AAAA mx1 ──┬─ PTR ── forward A/AAAA        (per address, as soon as it arrives)
 *        │               └─ SMTP probe port 25
 *        └─ A/AAAA mx2 ── ...
 *   _dmarc tree walk (all names at once) ── report authorization
 *   SPF audit (include tree)                               (its own parallelism)
 *   DKIM audit (selectors)
 * </pre>
 *
 * MX, DMARC, SPF and DKIM start together; the PTR lookups and the SMTP probe of an exchange start
 * when that exchange's addresses arrive, not when the slowest exchange is done. Blocking checks
 * (SPF, DKIM, SMTP probes) run on the executor (virtual threads in the CLI). The shared resolver
 * coalesces the questions several checks ask (the DKIM audit's MX lookup, the SPF mx terms).
 */
public final class DomainCheck {
  /**
   * Exchanges (lowest preference first) whose addresses get PTR lookups and SMTP probes; a hostile
   * zone may list dozens.
   */
  static final int MAX_PROBED_EXCHANGES = 10;

  /** Addresses per exchange that get PTR lookups and SMTP probes. */
  static final int MAX_PROBED_ADDRESSES = 4;

  private final DnsClient dns;
  private final SmtpProbe probe;
  private final Executor executor;
  private final Clock clock;

  /**
   * @param probe the SMTP probe; only used when {@link Options#smtp}
   */
  public DomainCheck(DnsClient dns, SmtpProbe probe, Executor executor, Clock clock) {
    this.dns = dns;
    this.probe = probe;
    this.executor = executor;
    this.clock = clock;
  }

  /**
   * @param selectors {@code --selector}: DKIM selectors to check first
   * @param smtp false with {@code --no-smtp}
   * @param allowPrivate {@code --allow-private}
   * @param timeout {@code --timeout}: each network step of the SMTP probe
   * @param smtpPort 25; another port only for labs and tests (hidden {@code --smtp-port})
   * @param trustAnchors {@code --ca-file}: the CAs to validate MX certificates against; empty means
   *     the system trust store
   */
  public record Options(
      String domain,
      List<String> selectors,
      boolean smtp,
      boolean allowPrivate,
      Duration timeout,
      int smtpPort,
      List<java.security.cert.X509Certificate> trustAnchors) {
    public Options {
      selectors = List.copyOf(selectors);
      trustAnchors = List.copyOf(trustAnchors);
      if (smtpPort < 1 || smtpPort > 65535) throw new IllegalArgumentException("port " + smtpPort);
    }

    public Options(
        String domain,
        List<String> selectors,
        boolean smtp,
        boolean allowPrivate,
        Duration timeout,
        int smtpPort) {
      this(domain, selectors, smtp, allowPrivate, timeout, smtpPort, List.of());
    }

    public Options(
        String domain,
        List<String> selectors,
        boolean smtp,
        boolean allowPrivate,
        Duration timeout) {
      this(domain, selectors, smtp, allowPrivate, timeout, 25);
    }
  }

  /**
   * Findings in category order, the sections mx, ptr, smtp, spf, dkim, dmarc, the SMTP transcripts
   * and the score.
   */
  public record Result(
      List<Finding> findings, List<Section> sections, List<String> transcript, Score score) {
    public Result {
      findings = List.copyOf(findings);
      sections = List.copyOf(sections);
      transcript = List.copyOf(transcript);
    }
  }

  /** What one address of one exchange gave: its PTR check and its SMTP probe (if run). */
  private record AddressResult(
      String host, InetAddress address, PtrCheck.Result ptr, Optional<SmtpCheck.Outcome> smtp) {}

  public CompletableFuture<Result> run(Options o) {
    MxCheck mxCheck = new MxCheck(dns, o.allowPrivate());
    CompletableFuture<MxFetcher.Started> mxStarted = new MxFetcher(dns).start(o.domain());
    // Per address: PTR and the SMTP probe, chained on that exchange's own address lookups.
    CompletableFuture<List<AddressResult>> perAddress =
        mxStarted.thenCompose(
            started -> {
              List<CompletableFuture<List<AddressResult>>> hosts =
                  started.hosts().stream()
                      .limit(MAX_PROBED_EXCHANGES)
                      .map(hf -> hf.thenCompose(h -> addresses(h, o)))
                      .toList();
              return allOf(hosts).thenApply(lists -> lists.stream().flatMap(List::stream).toList());
            });
    CompletableFuture<MxFacts> mxFacts = mxStarted.thenCompose(MxFetcher.Started::facts);
    CompletableFuture<DmarcCheck.Result> dmarc = new DmarcCheck(dns).run(o.domain());
    CompletableFuture<SpfReport> spf =
        async(() -> SpfCheck.audit(o.domain(), dns, SpfOptions.defaults().withClock(clock)));
    CompletableFuture<DkimCheck.Outcome<?>> dkim =
        async(() -> DkimCheck.audit(o.domain(), o.selectors(), List.of(), dns));
    return CompletableFuture.allOf(perAddress, mxFacts, dmarc, spf, dkim)
        .thenApply(
            v ->
                assemble(
                    o,
                    mxCheck.result(mxFacts.join()),
                    perAddress.join(),
                    spf.join(),
                    dkim.join(),
                    dmarc.join()));
  }

  private CompletableFuture<List<AddressResult>> addresses(MxHost h, Options o) {
    PtrCheck ptr = new PtrCheck(dns);
    List<CompletableFuture<AddressResult>> out = new ArrayList<>();
    for (InetAddress a : h.addresses().stream().limit(MAX_PROBED_ADDRESSES).toList()) {
      CompletableFuture<PtrCheck.Result> p = ptr.run(a, Optional.of(h.exchange()));
      CompletableFuture<Optional<SmtpCheck.Outcome>> s =
          o.smtp()
              ? async(
                  () ->
                      Optional.of(
                          SmtpCheck.probe(
                              probe,
                              request(
                                  h.exchange(), a, o.smtpPort(), o.timeout(), o.trustAnchors()))))
              : CompletableFuture.completedFuture(Optional.empty());
      out.add(p.thenCombine(s, (pr, sr) -> new AddressResult(h.exchange(), a, pr, sr)));
    }
    return allOf(out);
  }

  static ProbeRequest request(
      String host,
      InetAddress address,
      int port,
      Duration timeout,
      List<java.security.cert.X509Certificate> trustAnchors) {
    var b = ProbeRequest.builder(host, port);
    if (!trustAnchors.isEmpty()) b.trustAnchors(trustAnchors);
    return b.addresses(List.of(address))
        .certificateName(host)
        .timeout(timeout)
        // Port 25 TLS is opportunistic: record the certificate verdict but finish the session.
        .insecure(true)
        .legacyTlsCheck(true)
        .build();
  }

  private Result assemble(
      Options o,
      MxCheck.Result mx,
      List<AddressResult> addresses,
      SpfReport spf,
      DkimCheck.Outcome<?> dkim,
      DmarcCheck.Result dmarc) {
    List<Finding> findings = new ArrayList<>(mx.findings());
    List<PtrSection.Entry> ptrEntries = new ArrayList<>();
    for (AddressResult a : addresses) {
      // Two exchanges may share an address: its PTR findings are then the same; list them once.
      for (Finding f : a.ptr().findings()) if (!findings.contains(f)) findings.add(f);
      ptrEntries.add(a.ptr().entry());
    }
    long exchanges = mx.facts().hosts().size();
    boolean manyAddresses =
        mx.facts().hosts().stream().anyMatch(h -> h.addresses().size() > MAX_PROBED_ADDRESSES);
    if (exchanges > MAX_PROBED_EXCHANGES || manyAddresses) {
      findings.add(
          Finding.of(FindingId.DOMAIN_TRUNCATED, Status.INFO, "Not every MX address was checked")
              .detail(
                  "PTR lookups and SMTP probes cover the "
                      + MAX_PROBED_EXCHANGES
                      + " most preferred exchanges (lowest preference) and the first "
                      + MAX_PROBED_ADDRESSES
                      + " addresses of each; this domain has "
                      + exchanges
                      + " exchanges"
                      + (manyAddresses ? ", some with more addresses" : "")
                      + ".")
              .build());
    }
    List<SmtpSection> probes = new ArrayList<>();
    List<String> transcript = new ArrayList<>();
    List<ProbeResult> results = new ArrayList<>();
    for (AddressResult a : addresses) {
      if (a.smtp().isEmpty()) continue;
      SmtpCheck.Outcome s = a.smtp().get();
      s.results().stream()
          .findFirst()
          .flatMap(pr -> bannerMatch(a, pr))
          .filter(f -> !findings.contains(f))
          .ifPresent(findings::add);
      String subject = a.host() + " " + InetAddresses.format(a.address());
      for (Finding f : s.findings()) findings.add(f.withSubject(subject));
      s.sections().stream()
          .filter(SmtpSection.class::isInstance)
          .map(SmtpSection.class::cast)
          .forEach(probes::add);
      results.addAll(s.results());
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
    boolean blocked = o.smtp() && port25Blocked(results);
    if (blocked) {
      findings.add(
          Finding.of(
                  FindingId.DOMAIN_PORT25_BLOCKED,
                  Status.WARN,
                  "Outbound port 25 is probably blocked from where mailcheck runs")
              .detail(
                  "Every MX address ("
                      + results.size()
                      + ") timed out on port 25. That is what a network that blocks outgoing SMTP looks like (common on residential and cloud networks), so this says nothing about the domain. SMTP/TLS is not scored.")
              .remedy(
                  "Run mailcheck from a host that may connect to port 25 (a mail server), or use --no-smtp.")
              .build());
    }
    if (mx.facts().nullMx() && mx.facts().records().size() == 1)
      nullMxSpf(o.domain(), spf, findings);
    findings.addAll(spf.findings());
    findings.addAll(dkim.findings());
    findings.addAll(dmarc.findings());
    strictSpfAlignment(o.domain(), spf, dmarc).ifPresent(findings::add);
    List<Section> sections = new ArrayList<>();
    sections.add(mx.section());
    sections.add(new PtrSection(ptrEntries));
    sections.add(
        new DomainSmtpSection(
            probes, !o.smtp() || mx.facts().nullMx() && probes.isEmpty(), blocked));
    sections.add(spf.section());
    sections.add(dkim.section());
    sections.add(dmarc.section());
    Score score = Scoring.score(findings, blocked || !o.smtp() ? Set.of("smtp") : Set.of());
    return new Result(findings, sections, transcript, score);
  }

  /**
   * Whether a PTR name is the name the server gives in its greeting or EHLO reply: receivers
   * compare them, and a mismatch is a common spam signal (info, as the issue asks).
   */
  static Optional<Finding> bannerMatch(AddressResult a, ProbeResult r) {
    List<String> names = a.ptr().facts().names();
    if (names.isEmpty()) return Optional.empty();
    List<String> announced = new ArrayList<>();
    r.banner()
        .filter(b -> b.code() == 220)
        .map(b -> b.lines().isEmpty() ? "" : b.lines().get(0))
        .map(DomainCheck::firstWord)
        .ifPresent(announced::add);
    r.ehlo()
        .map(e -> firstWord(e.greeting()))
        .filter(w -> !announced.contains(w))
        .ifPresent(announced::add);
    announced.removeIf(String::isEmpty);
    if (announced.isEmpty()) return Optional.empty();
    boolean match =
        names.stream().anyMatch(n -> announced.stream().anyMatch(w -> w.equalsIgnoreCase(n)));
    return Optional.of(
        Finding.of(
                FindingId.PTR_MATCHES_BANNER,
                Status.INFO,
                match
                    ? "Reverse name matches the SMTP greeting"
                    : "Reverse name differs from the name in the SMTP greeting")
            .subject(InetAddresses.format(a.address()))
            .detail(
                "PTR: "
                    + String.join(", ", names)
                    + "; greeting/EHLO: "
                    + String.join(", ", announced)
                    + "."
                    + (match
                        ? ""
                        : " Some receivers compare them; make the server announce its PTR name (e.g. Postfix myhostname)."))
            .build());
  }

  private static String firstWord(String text) {
    String t = text.strip();
    int sp = t.indexOf(' ');
    String w = sp < 0 ? t : t.substring(0, sp);
    return (w.endsWith(".") ? w.substring(0, w.length() - 1) : w)
        .toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * RFC 9989 §4.4: under aspf=s, SPF aligns only when the MAIL FROM domain is exactly the From
   * domain. Senders included from other organizations (mail services) bounce to their own domain,
   * so their SPF pass can never align: such mail depends on DKIM alone.
   */
  static Optional<Finding> strictSpfAlignment(
      String domain, SpfReport spf, DmarcCheck.Result dmarc) {
    var record = dmarc.section().record();
    if (record.isEmpty() || !record.get().valid() || !record.get().aspf().equals("s"))
      return Optional.empty();
    List<String> foreign = new ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?i)(?:^|\\s)[+?~-]?include:(\\S+)")
            .matcher(spf.section().record().orElse(""));
    while (m.find()) {
      String target = m.group(1).toLowerCase(java.util.Locale.ROOT);
      if (!target.contains("%")
          && !dev.mailcheck.checks.dmarc.PublicSuffixes.sameOrganization(target, domain))
        foreign.add(target);
    }
    if (foreign.isEmpty()) return Optional.empty();
    return Optional.of(
        Finding.of(
                FindingId.DMARC_ALIGNMENT,
                Status.INFO,
                "Strict SPF alignment: mail sent through "
                    + String.join(", ", foreign)
                    + " cannot align by SPF")
            .subject("spf")
            .detail(
                "aspf=s requires the envelope sender (MAIL FROM) domain to be exactly "
                    + domain
                    + "; services included in SPF usually send with their own bounce domain, so for their mail only an aligned DKIM signature (d="
                    + domain
                    + ") can pass DMARC.")
            .remedy(
                "Use aspf=r, or have each service sign with d="
                    + domain
                    + " (and use a custom bounce domain under "
                    + domain
                    + ").")
            .build());
  }

  /**
   * RFC 7505 §4.2: a domain that accepts no mail usually sends none either; SPF "v=spf1 -all" says
   * so.
   */
  private static void nullMxSpf(String domain, SpfReport spf, List<Finding> findings) {
    Optional<String> record = spf.section().record();
    boolean denyAll =
        record
            .map(r -> r.strip().toLowerCase(java.util.Locale.ROOT).matches("v=spf1\\s+-all"))
            .orElse(false);
    findings.add(
        Finding.of(
                FindingId.DOMAIN_NULL_MX_SPF,
                denyAll ? Status.PASS : Status.INFO,
                denyAll
                    ? "Null MX and SPF -all: the domain neither receives nor sends mail"
                    : "Null MX, but SPF does not say the domain sends no mail")
            .detail(
                denyAll
                    ? ""
                    : "A domain that accepts no mail (null MX, RFC 7505) usually sends none either; then SPF \"v=spf1 -all\" lets receivers reject forgeries at once."
                        + record
                            .map(r -> " Published: \"" + r + "\".")
                            .orElse(" No SPF record is published."))
            .remedy(
                denyAll ? null : "If the domain sends no mail: " + domain + ". TXT \"v=spf1 -all\"")
            .build());
  }

  /** Every probe failed to connect for lack of an answer (not refused, not unreachable). */
  static boolean port25Blocked(List<ProbeResult> results) {
    return !results.isEmpty()
        && results.stream()
            .allMatch(
                r ->
                    r.failure()
                        .map(f -> f.phase() == Phase.CONNECT && f.kind() == Failure.Kind.TIMEOUT)
                        .orElse(false));
  }

  private <T> CompletableFuture<T> async(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, executor);
  }

  private static <T> CompletableFuture<List<T>> allOf(List<CompletableFuture<T>> futures) {
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .thenApply(v -> futures.stream().map(CompletableFuture::join).toList());
  }
}
