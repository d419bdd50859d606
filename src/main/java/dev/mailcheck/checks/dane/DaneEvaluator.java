package dev.mailcheck.checks.dane;

import dev.mailcheck.dns.DnssecStatus;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.DaneView;
import dev.mailcheck.smtp.ProbeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The DANE findings of each host (subject {@code HOST:PORT}): {@code dane.tlsa-present}, {@code
 * dane.dnssec}, {@code dane.usage} and {@code dane.match}. Pure.
 *
 * <p>Matching follows the sender's rule (RFC 7672 §2.2, §3): an address passes when a usable record
 * of the set matches its chain; an address whose chain matches none (or that offers no TLS) fails,
 * because DANE senders defer mail to it. A record that matches no address while another does is
 * named in the detail but does not fail: publishing the next key beside the current one is how RFC
 * 7671 §8.1 says to roll keys.
 *
 * <p>Over the ~300-line guide on purpose: the four dane.* findings per host and the matching of
 * every TLSA record against every address's chain share one host's facts; the matching itself is
 * DaneMatcher.
 */
public final class DaneEvaluator {
  private DaneEvaluator() {}

  /** One address's chain against the host's usable records. */
  record AddressMatch(String address, boolean tls, List<Tlsa> matched, String detail) {}

  public static List<Finding> evaluate(DaneFacts facts) {
    List<Finding> out = new ArrayList<>();
    for (DaneFacts.Host h : facts.hosts()) out.addAll(host(h));
    return out;
  }

  static List<Finding> host(DaneFacts.Host h) {
    String subject = h.host() + ":" + h.port();
    List<Finding> out = new ArrayList<>();
    if (h.tlsa().outcome().isTemporaryFailure()) {
      out.add(
          Finding.of(FindingId.DANE_TLSA_PRESENT, Status.ERROR, "TLSA lookup failed")
              .subject(subject)
              .detail(h.tlsaName() + ": " + h.tlsa().reason())
              .build());
      return out;
    }
    List<String> data = h.tlsaData();
    if (data.isEmpty()) {
      out.add(
          Finding.of(FindingId.DANE_TLSA_PRESENT, Status.INFO, "No TLSA records (no DANE)")
              .subject(subject)
              .detail(
                  h.tlsaName()
                      + " has no TLSA records ("
                      + h.tlsa().outcome().outcome()
                      + "): senders that support DANE use opportunistic TLS for this host.")
              .remedy(
                  "With DNSSEC in place, publish e.g. "
                      + h.tlsaName()
                      + ". TLSA 3 1 1 <SHA-256 of the server's public key> (RFC 7672 §3.1.1).")
              .build());
      return out;
    }
    List<Tlsa> records = new ArrayList<>();
    List<String> unparsed = new ArrayList<>();
    for (String d : data) Tlsa.parse(d).ifPresentOrElse(records::add, () -> unparsed.add(d));
    out.add(
        Finding.of(
                FindingId.DANE_TLSA_PRESENT,
                Status.PASS,
                data.size() + " TLSA record" + (data.size() == 1 ? "" : "s") + " published")
            .subject(subject)
            .detail(h.tlsaName() + ": " + String.join("; ", data))
            .build());
    boolean usable = secure(h);
    out.add(dnssec(h, subject));
    out.add(usage(records, unparsed, subject));
    out.add(match(h, records, usable, subject));
    return out;
  }

  /** TLSA and address answers both secure: the records are usable (RFC 7672 §2.2). */
  static boolean secure(DaneFacts.Host h) {
    return h.tlsa().secure() && h.address().secure();
  }

  private static Finding dnssec(DaneFacts.Host h, String subject) {
    DnssecStatus t = h.tlsa().status();
    DnssecStatus a = h.address().status();
    if (t == DnssecStatus.BOGUS || a == DnssecStatus.BOGUS) {
      var bad = t == DnssecStatus.BOGUS ? h.tlsa() : h.address();
      return Finding.of(
              FindingId.DANE_DNSSEC, Status.FAIL, "The TLSA or address answer is DNSSEC-bogus")
          .subject(subject)
          .detail(
              bad.question()
                  + ": "
                  + bad.reason()
                  + " DANE senders cannot tell an attack from this, and defer mail to the host (RFC 7672 §2.2.1).")
          .remedy("Fix the zone's signatures (see the dnssec findings).")
          .build();
    }
    if (t == DnssecStatus.INDETERMINATE || a == DnssecStatus.INDETERMINATE) {
      var bad = t == DnssecStatus.INDETERMINATE ? h.tlsa() : h.address();
      return Finding.of(FindingId.DANE_DNSSEC, Status.ERROR, "DNSSEC could not be checked")
          .subject(subject)
          .detail(bad.question() + ": " + bad.reason())
          .build();
    }
    if (t != DnssecStatus.SECURE) {
      return Finding.of(
              FindingId.DANE_DNSSEC,
              Status.WARN,
              "TLSA records in an unsigned zone: senders ignore them")
          .subject(subject)
          .detail(
              h.tlsaName()
                  + " is not DNSSEC-signed ("
                  + h.tlsa().reason()
                  + "). RFC 7672 §2.2: only secure TLSA records are used.")
          .remedy("Sign the zone and publish its DS at the parent.")
          .build();
    }
    if (a != DnssecStatus.SECURE) {
      return Finding.of(
              FindingId.DANE_DNSSEC,
              Status.WARN,
              "The host's addresses are not signed: senders do not look up its TLSA records")
          .subject(subject)
          .detail(
              h.address().question()
                  + " is "
                  + a.name().toLowerCase(Locale.ROOT)
                  + " ("
                  + h.address().reason()
                  + "). RFC 7672 §2.2.2: TLSA records are looked up only for hosts whose address records are secure.")
          .remedy("Sign the zone of " + h.host() + ".")
          .build();
    }
    return Finding.of(FindingId.DANE_DNSSEC, Status.PASS, "TLSA and address answers are secure")
        .subject(subject)
        .detail(
            "Both validate"
                + h.tlsa().zone().map(z -> " (TLSA signed by " + z + ")").orElse("")
                + ".")
        .build();
  }

  private static Finding usage(List<Tlsa> records, List<String> unparsed, String subject) {
    List<String> problems = new ArrayList<>();
    for (String u : unparsed) problems.add("'" + u + "' does not parse");
    for (Tlsa t : records) {
      if (t.usage() == Tlsa.PKIX_TA || t.usage() == Tlsa.PKIX_EE) {
        problems.add(
            t.usageName()
                + " ("
                + t.usage()
                + " "
                + t.selector()
                + " "
                + t.matchingType()
                + ") is unusable for SMTP (RFC 7672 §3.1.3): use DANE-EE(3) or DANE-TA(2)");
      } else if (!t.usableForSmtp()) {
        problems.add(
            t.usage()
                + " "
                + t.selector()
                + " "
                + t.matchingType()
                + " has an unknown usage, selector or matching type (RFC 6698 §4.1: unusable)");
      }
    }
    boolean anyUsable = records.stream().anyMatch(Tlsa::usableForSmtp);
    if (problems.isEmpty()) {
      return Finding.of(FindingId.DANE_USAGE, Status.PASS, "Every TLSA record is usable for SMTP")
          .subject(subject)
          .detail(
              String.join(
                      ", ",
                      records.stream()
                          .map(
                              t ->
                                  t.usageName()
                                      + "("
                                      + t.usage()
                                      + ") selector "
                                      + t.selector()
                                      + ", matching type "
                                      + t.matchingType())
                          .distinct()
                          .toList())
                  + ".")
          .build();
    }
    return Finding.of(
            FindingId.DANE_USAGE,
            Status.WARN,
            anyUsable
                ? "Some TLSA records are unusable for SMTP"
                : "No TLSA record is usable for SMTP")
        .subject(subject)
        .detail(
            String.join("; ", problems)
                + "."
                + (anyUsable
                    ? ""
                    : " With no usable record, DANE senders still require TLS but authenticate nothing (RFC 7672 §2.2)."))
        .remedy("Publish TLSA 3 1 1 (DANE-EE, SPKI, SHA-256) or 2 1 1 records instead.")
        .build();
  }

  static List<AddressMatch> matches(DaneFacts.Host h, List<Tlsa> records) {
    List<AddressMatch> out = new ArrayList<>();
    List<Tlsa> usable = records.stream().filter(Tlsa::usableForSmtp).toList();
    List<String> alsoNames = DaneCheck.expandedName(h.host(), h.address()).stream().toList();
    for (ProbeResult p : h.probes()) {
      String address =
          p.address().orElse(p.attempts().isEmpty() ? "?" : p.attempts().get(0).address());
      if (p.tls().isEmpty() || p.tls().get().chain().isEmpty()) {
        String why =
            p.failure()
                .map(f -> f.phase().name().toLowerCase(Locale.ROOT) + ": " + f.detail())
                .orElse(
                    "no TLS session (STARTTLS "
                        + p.startTls().name().toLowerCase(Locale.ROOT)
                        + ")");
        out.add(new AddressMatch(address, false, List.of(), why));
        continue;
      }
      List<Tlsa> matched = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      for (Tlsa t : usable) {
        DaneMatcher.Outcome o = DaneMatcher.match(t, p.tls().get(), alsoNames);
        if (o.matched()) matched.add(t);
        else notes.add(o.detail());
      }
      String detail =
          matched.isEmpty()
              ? String.join("; ", notes.stream().distinct().toList())
              : "matched by "
                  + String.join(", ", matched.stream().map(DaneEvaluator::shortForm).toList());
      out.add(new AddressMatch(address, true, matched, detail));
    }
    return out;
  }

  private static Finding match(
      DaneFacts.Host h, List<Tlsa> records, boolean usable, String subject) {
    List<AddressMatch> m = matches(h, records);
    List<Tlsa> usableRecords = records.stream().filter(Tlsa::usableForSmtp).toList();
    String qualifier =
        usable ? "" : " (not used by senders: the answers are not secure; shown for reference)";
    if (m.isEmpty()) {
      return Finding.of(
              FindingId.DANE_MATCH,
              usable ? Status.ERROR : Status.INFO,
              "No address of the host could be probed")
          .subject(subject)
          .detail("The chain the server presents is needed to match the TLSA records." + qualifier)
          .build();
    }
    List<String> failed = new ArrayList<>();
    List<String> unreachable = new ArrayList<>();
    for (AddressMatch a : m) {
      if (!a.tls() && a.detail().startsWith("connect"))
        unreachable.add(a.address() + " (" + a.detail() + ")");
      else if (a.matched().isEmpty()) failed.add(a.address() + ": " + a.detail());
    }
    List<String> unmatched =
        usableRecords.stream()
            .filter(t -> m.stream().noneMatch(a -> a.matched().contains(t)))
            .map(DaneEvaluator::shortForm)
            .toList();
    if (!failed.isEmpty()) {
      return Finding.of(
              FindingId.DANE_MATCH,
              usable ? Status.FAIL : Status.INFO,
              "The TLSA records match nothing the server presents")
          .subject(subject)
          .detail(
              String.join("; ", failed)
                  + ". DANE senders defer mail to such an address (RFC 7672 §2.2)."
                  + qualifier)
          .remedy(
              "Publish a TLSA record for the certificate the server uses now (e.g. 3 1 1 with the SHA-256 of its public key), keep the old one until it is unused, and update TLSA before every key change.")
          .build();
    }
    if (!unreachable.isEmpty() && m.stream().noneMatch(a -> a.tls())) {
      return Finding.of(
              FindingId.DANE_MATCH,
              usable ? Status.ERROR : Status.INFO,
              "No address of the host could be probed")
          .subject(subject)
          .detail(String.join("; ", unreachable) + "." + qualifier)
          .build();
    }
    return Finding.of(
            FindingId.DANE_MATCH,
            usable ? Status.PASS : Status.INFO,
            "The TLSA records match the presented chain"
                + (m.size() > 1 ? " on every address" : ""))
        .subject(subject)
        .detail(
            String.join(
                    "; ",
                    m.stream()
                        .filter(AddressMatch::tls)
                        .map(a -> a.address() + ": " + a.detail())
                        .toList())
                + "."
                + (unmatched.isEmpty()
                    ? ""
                    : " Matching no address: "
                        + String.join(", ", unmatched)
                        + " (fine for a key published ahead of a rollover, RFC 7671 §8.1).")
                + (unreachable.isEmpty()
                    ? ""
                    : " Not probed: " + String.join("; ", unreachable) + ".")
                + qualifier)
        .build();
  }

  static String shortForm(Tlsa t) {
    String d = t.data().length() > 16 ? t.data().substring(0, 16) + "..." : t.data();
    return t.usage() + " " + t.selector() + " " + t.matchingType() + " " + d;
  }

  public static DaneView view(DaneFacts facts) {
    List<DaneView.Host> hosts = new ArrayList<>();
    for (DaneFacts.Host h : facts.hosts()) {
      List<Tlsa> records = new ArrayList<>();
      for (String d : h.tlsaData()) Tlsa.parse(d).ifPresent(records::add);
      List<AddressMatch> m = matches(h, records);
      List<DaneView.Tlsa> tv = new ArrayList<>();
      for (Tlsa t : records) {
        tv.add(
            new DaneView.Tlsa(
                t.usage(),
                t.usageName(),
                t.selector(),
                t.matchingType(),
                t.data(),
                t.usableForSmtp(),
                m.stream()
                    .filter(a -> a.matched().contains(t))
                    .map(AddressMatch::address)
                    .toList()));
      }
      List<DaneView.Endpoint> endpoints =
          (records.isEmpty() ? List.<AddressMatch>of() : m)
              .stream()
                  .map(
                      a ->
                          new DaneView.Endpoint(
                              a.address(), a.tls(), !a.matched().isEmpty(), a.detail()))
                  .toList();
      hosts.add(
          new DaneView.Host(
              h.host(),
              h.port(),
              h.tlsaName(),
              h.tlsa().outcome().outcome(),
              h.tlsa().status().name().toLowerCase(Locale.ROOT),
              h.address().status().name().toLowerCase(Locale.ROOT),
              h.tlsa().secure() ? "" : h.tlsa().reason(),
              tv,
              endpoints));
    }
    return new DaneView(hosts);
  }

  static Optional<String> none() {
    return Optional.empty();
  }
}
