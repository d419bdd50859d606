package dev.mailcheck.checks.domain;

import dev.mailcheck.checks.dmarc.PublicSuffixes;
import dev.mailcheck.checks.mx.MxFacts;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.internal.SpecialAddresses;
import dev.mailcheck.internal.Switches;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.DmarcView;
import dev.mailcheck.report.view.SpfView;
import dev.mailcheck.smtp.Failure;
import dev.mailcheck.smtp.Phase;
import dev.mailcheck.smtp.ProbeResult;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The domain report's own findings: rules that need the facts of two checks at once (the PTR name
 * against the SMTP greeting, null MX against SPF, DMARC's strict alignment against SPF's includes,
 * every probe timing out). Pure functions of the checks' results, like every evaluator.
 */
final class CrossChecks {
  private static final Pattern INCLUDE = Pattern.compile("(?i)(?:^|\\s)[+?~-]?include:(\\S+)");

  private CrossChecks() {}

  /**
   * An MX host with IPv4 addresses and no IPv6 address at all (AAAA NODATA or NXDOMAIN): senders
   * that have only IPv6 cannot reach it (info; a lookup failure says nothing and gives none).
   */
  static List<Finding> noIpv6(MxFacts mx) {
    List<Finding> out = new ArrayList<>();
    for (var h : mx.hosts()) {
      if (h.ipLiteral() || !h.aaaa().isVoid() || h.addresses().isEmpty()) continue;
      out.add(
          Finding.of(FindingId.MX_IPV6, Status.INFO, "No IPv6 address: " + h.exchange())
              .subject(h.exchange())
              .detail(
                  h.exchange()
                      + " has no AAAA record ("
                      + h.aaaa().outcome()
                      + "); IPv6-only senders cannot deliver to it.")
              .remedy("Give the MX host an IPv6 address and publish it as AAAA.")
              .build());
    }
    return out;
  }

  /** Which exchanges and addresses the report probed, when it could not probe them all. */
  static Optional<Finding> truncated(MxFacts mx, int maxExchanges, int maxAddresses) {
    long exchanges = mx.hosts().size();
    boolean manyAddresses = mx.hosts().stream().anyMatch(h -> h.addresses().size() > maxAddresses);
    if (exchanges <= maxExchanges && !manyAddresses) return Optional.empty();
    return Optional.of(
        Finding.of(FindingId.DOMAIN_TRUNCATED, Status.INFO, "Not every MX address was checked")
            .detail(
                "PTR lookups and SMTP probes cover the "
                    + maxExchanges
                    + " most preferred exchanges (lowest preference) and the first "
                    + maxAddresses
                    + " addresses of each; this domain has "
                    + exchanges
                    + " exchanges"
                    + (manyAddresses ? ", some with more addresses" : "")
                    + ".")
            .build());
  }

  /**
   * Whether a PTR name is the name the server gives in its greeting or EHLO reply: receivers
   * compare them, and a mismatch is a common spam signal (info).
   */
  static Optional<Finding> bannerMatch(InetAddress address, List<String> ptrNames, ProbeResult r) {
    if (ptrNames.isEmpty()) return Optional.empty();
    List<String> announced = new ArrayList<>();
    r.banner()
        .filter(b -> b.code() == 220)
        .map(b -> b.lines().isEmpty() ? "" : b.lines().get(0))
        .map(CrossChecks::firstWord)
        .ifPresent(announced::add);
    r.ehlo()
        .map(e -> firstWord(e.greeting()))
        .filter(w -> !announced.contains(w))
        .ifPresent(announced::add);
    announced.removeIf(String::isEmpty);
    if (announced.isEmpty()) return Optional.empty();
    boolean match =
        ptrNames.stream().anyMatch(n -> announced.stream().anyMatch(w -> w.equalsIgnoreCase(n)));
    return Optional.of(
        Finding.of(
                FindingId.PTR_MATCHES_BANNER,
                Status.INFO,
                match
                    ? "Reverse name matches the SMTP greeting"
                    : "Reverse name differs from the name in the SMTP greeting")
            .subject(InetAddresses.format(address))
            .detail(
                "PTR: "
                    + String.join(", ", ptrNames)
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
    return (w.endsWith(".") ? w.substring(0, w.length() - 1) : w).toLowerCase(Locale.ROOT);
  }

  /**
   * An MX address in a special-purpose range that the report did not probe, because the run does
   * not allow private addresses (issue: a hostile zone must not make mailcheck connect to internal
   * hosts). Info: SMTP/TLS is not scored for an address that was not contacted.
   */
  static Optional<Finding> notProbed(String host, InetAddress address, Switches sw) {
    return SpecialAddresses.classify(address)
        .map(
            range ->
                Finding.of(
                        FindingId.SMTP_CONNECT,
                        Status.INFO,
                        "Not probed: " + InetAddresses.format(address) + " is not a public address")
                    .subject(host + " " + InetAddresses.format(address))
                    .detail(
                        host
                            + " has the address "
                            + InetAddresses.format(address)
                            + " ("
                            + range
                            + "). A DNS answer alone must not make mailcheck connect to internal hosts, so its SMTP service was not contacted and is not scored.")
                    .remedy(
                        "If this is a lab or internal mail and you mean to probe it, run again with "
                            + sw.allowPrivate()
                            + ".")
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

  static Finding port25BlockedFinding(int probes, Switches sw) {
    return Finding.of(
            FindingId.DOMAIN_PORT25_BLOCKED,
            Status.WARN,
            "Outbound port 25 is probably blocked from where mailcheck runs")
        .detail(
            "Every MX address ("
                + probes
                + ") timed out on port 25. That is what a network that blocks outgoing SMTP looks like (common on residential and cloud networks), so this says nothing about the domain. SMTP/TLS is not scored.")
        .remedy(
            "Run mailcheck from a host that may connect to port 25 (a mail server), or skip the SMTP probes ("
                + sw.noSmtp()
                + ").")
        .build();
  }

  /**
   * RFC 7505 §4.2: a domain that accepts no mail usually sends none either; SPF "v=spf1 -all" says
   * so. Only for a domain whose one MX record is the null MX.
   */
  static Optional<Finding> nullMxSpf(String domain, MxFacts mx, SpfView spf) {
    if (!mx.nullMx() || mx.records().size() != 1) return Optional.empty();
    Optional<String> record = spf.record();
    boolean denyAll =
        record.map(r -> r.strip().toLowerCase(Locale.ROOT).matches("v=spf1\\s+-all")).orElse(false);
    return Optional.of(
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

  /**
   * RFC 9989 §4.4: under aspf=s, SPF aligns only when the MAIL FROM domain is exactly the From
   * domain. Senders included from other organizations (mail services) bounce to their own domain,
   * so their SPF pass can never align: such mail depends on DKIM alone.
   */
  static Optional<Finding> strictSpfAlignment(String domain, SpfView spf, DmarcView dmarc) {
    var record = dmarc.record();
    if (record.isEmpty()
        || record.get().usability().equals("unusable")
        || !record.get().aspf().equals("s")) return Optional.empty();
    List<String> foreign = new ArrayList<>();
    Matcher m = INCLUDE.matcher(spf.record().orElse(""));
    while (m.find()) {
      String target = m.group(1).toLowerCase(Locale.ROOT);
      if (!target.contains("%") && !PublicSuffixes.sameOrganization(target, domain))
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
   * Where DANE authenticates every MX host (each has a {@code dane.match} pass and nothing of
   * {@code dane.*} below pass), a missing MTA-STS record costs nothing: senders that validate
   * DNSSEC already refuse a forged or stripped TLS session (RFC 7672 §2.2), and MTA-STS is the
   * other way to the same end (RFC 8461 §2). The "no MTA-STS policy" warning becomes information;
   * every other finding is returned as it is.
   *
   * @param exchanges the MX hosts the report looked at (as probed, in order)
   * @param noStsRecord no {@code v=STSv1} record was published (not a failed lookup)
   */
  static List<Finding> daneInsteadOfMtaSts(
      List<Finding> findings, List<String> exchanges, boolean noStsRecord) {
    if (!noStsRecord || exchanges.isEmpty()) return findings;
    for (String host : exchanges) {
      String subject = host + ":25";
      boolean matched = false;
      for (Finding f : findings) {
        if (!f.subject().filter(subject::equals).isPresent()
            || !f.kind().name().startsWith("DANE_")) continue;
        if (f.kind() == FindingId.DANE_TLSA_PRESENT) continue; // pass when present, info when not
        if (f.status() != Status.PASS) return findings;
        if (f.kind() == FindingId.DANE_MATCH) matched = true;
      }
      if (!matched) return findings;
    }
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      if (f.kind() == FindingId.MTA_STS_RECORD && f.status() == Status.WARN) {
        out.add(
            new Finding(
                f.kind(),
                Status.INFO,
                "No MTA-STS policy; DANE authenticates every MX host",
                f.detail()
                    + " Here DANE does: every MX host has TLSA records on validated DNSSEC that"
                    + " match what it presents, so senders that validate DNSSEC cannot be"
                    + " downgraded. MTA-STS would add the senders that do not validate DNSSEC.",
                Optional.of(
                    "Optional: also publish MTA-STS for senders without DANE (some large"
                        + " providers check only MTA-STS)."),
                f.subject(),
                f.evidence()));
      } else {
        out.add(f);
      }
    }
    return out;
  }
}
