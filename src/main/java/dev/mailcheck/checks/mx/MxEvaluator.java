package dev.mailcheck.checks.mx;

import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.internal.SpecialAddresses;
import dev.mailcheck.internal.Switches;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * MX facts in, findings out. Pure and deterministic.
 *
 * <p>Over the ~300-line guide on purpose: each MX problem (null MX, implicit MX, CNAME and IP
 * literal targets, resolution, special-purpose addresses, duplicates, shared preference) is one
 * short rule with its own wording and remedy; they share the per-exchange walk.
 *
 * <p>Over the ~300-line guide on purpose: the MX rules of RFC 5321 §5, RFC 7505 and RFC 2181 over
 * one answer (null MX, implicit MX, CNAME and IP-literal exchanges, unresolvable and
 * special-purpose addresses), each with its remedy, sharing the per-exchange facts.
 */
public final class MxEvaluator {
  private final boolean allowPrivate;
  private final Switches switches;

  /**
   * @param allowPrivate addresses in special ranges are info, not warn
   * @param switches how the remedies name the switch that allows them
   */
  public MxEvaluator(boolean allowPrivate, Switches switches) {
    this.allowPrivate = allowPrivate;
    this.switches = switches;
  }

  public List<Finding> evaluate(MxFacts facts) {
    List<Finding> out = new ArrayList<>();
    String domain = facts.domain();
    List<String> evidence = facts.records().stream().map(r -> domain + ". MX " + r.data()).toList();
    switch (facts.mx()) {
      case DnsResult.Records r -> {
        if (facts.nullMx()) {
          nullMx(facts, evidence, out);
          if (facts.hosts().isEmpty()) return out;
        }
      }
      case DnsResult.NoData n -> {}
      case DnsResult.NxDomain n -> {
        out.add(
            Finding.of(FindingId.MX_PRESENT, Status.FAIL, "Domain does not exist")
                .detail(
                    domain + " does not exist in DNS (NXDOMAIN): no mail can be delivered to it.")
                .remedy("Check the spelling, or register the domain and publish MX records for it.")
                .build());
        return out;
      }
      case DnsResult.ServFail s -> {
        out.add(lookupError(domain, facts.mx()));
        return out;
      }
      case DnsResult.Refused s -> {
        out.add(lookupError(domain, facts.mx()));
        return out;
      }
      case DnsResult.Timeout s -> {
        out.add(lookupError(domain, facts.mx()));
        return out;
      }
    }

    List<MxHost> hosts = facts.hosts();
    long resolved =
        hosts.stream().filter(h -> h.resolution() == MxHost.Resolution.RESOLVED).count();
    boolean anyError = hosts.stream().anyMatch(h -> h.resolution() == MxHost.Resolution.ERROR);
    if (facts.implicit()) {
      MxHost self = hosts.get(0);
      if (resolved > 0) {
        out.add(
            Finding.of(
                    FindingId.MX_IMPLICIT,
                    Status.WARN,
                    "No MX record: mail goes to the domain's own address")
                .detail(
                    "RFC 5321 §5.1 falls back to the A/AAAA records of "
                        + domain
                        + " (the implicit MX). It works, but many senders and filters treat a domain without MX as suspicious, and the web server usually does not accept mail.")
                .remedy(
                    "Publish the host that accepts mail: "
                        + domain
                        + ". MX 10 mail."
                        + domain
                        + ".")
                .evidence(
                    self.addresses().stream()
                        .map(
                            a ->
                                domain
                                    + ". "
                                    + (a.getAddress().length == 4 ? "A " : "AAAA ")
                                    + InetAddresses.format(a))
                        .toList())
                .build());
        out.add(
            Finding.of(FindingId.MX_PRESENT, Status.PASS, "Mail is accepted at the implicit MX")
                .detail(domain + " has no MX records; its own addresses receive mail.")
                .build());
      } else if (self.resolution() == MxHost.Resolution.ERROR) {
        out.add(
            Finding.of(
                    FindingId.MX_PRESENT,
                    Status.ERROR,
                    "Could not determine where mail for the domain goes")
                .detail(
                    "No MX records, and the A/AAAA lookup of "
                        + domain
                        + " failed: "
                        + outcomes(self)
                        + ". This is a temporary DNS failure, not an absence.")
                .build());
      } else {
        out.add(
            Finding.of(
                    FindingId.MX_PRESENT,
                    Status.FAIL,
                    "No MX record and no address: the domain cannot receive mail")
                .detail(domain + " has neither MX nor A/AAAA records.")
                .remedy(
                    "Publish an MX record, e.g. "
                        + domain
                        + ". MX 10 mail."
                        + domain
                        + ". -- or, if the domain sends but never receives mail, a null MX: "
                        + domain
                        + ". MX 0 .")
                .build());
      }
      return out;
    }

    if (resolved > 0) {
      out.add(
          Finding.of(
                  FindingId.MX_PRESENT,
                  Status.PASS,
                  hosts.size() == 1 ? "1 mail exchange" : hosts.size() + " mail exchanges")
              .detail(resolved + " of " + hosts.size() + " resolve to an address.")
              .evidence(evidence)
              .build());
    } else if (anyError) {
      out.add(
          Finding.of(FindingId.MX_PRESENT, Status.ERROR, "Could not resolve any mail exchange")
              .detail(
                  "The address lookups of the exchanges failed temporarily; whether mail can be delivered is unknown.")
              .evidence(evidence)
              .build());
    } else {
      out.add(
          Finding.of(
                  FindingId.MX_PRESENT,
                  Status.FAIL,
                  "No mail exchange has an address: the domain cannot receive mail")
              .detail("Every MX target is missing from DNS or has no A/AAAA record.")
              .remedy(
                  "Give each MX target an A and/or AAAA record, or point the MX records at hosts that have them.")
              .evidence(evidence)
              .build());
    }
    hostFindings(facts, hosts, out);
    duplicates(facts, evidence, out);
    samePreference(facts, out);
    return out;
  }

  private void nullMx(MxFacts facts, List<String> evidence, List<Finding> out) {
    String domain = facts.domain();
    List<DnsRecord.Mx> records = facts.records();
    if (records.size() > 1) {
      out.add(
          Finding.of(
                  FindingId.MX_NULL,
                  Status.FAIL,
                  "Null MX published together with other MX records")
              .detail(
                  "RFC 7505 §3: a domain that publishes a null MX (\"MX 0 .\") must not publish any other MX record. Senders may treat the domain as accepting no mail, or try the other hosts.")
              .remedy(
                  "Either remove the null MX record ("
                      + domain
                      + ". MX 0 .) or remove the other MX records.")
              .evidence(evidence)
              .build());
      return;
    }
    DnsRecord.Mx only = records.get(0);
    var f =
        Finding.of(FindingId.MX_NULL, Status.INFO, "Null MX: the domain accepts no mail")
            .detail(
                "RFC 7505: senders fail messages to this domain at once instead of queueing them. Expect an SPF record ending in -all and a DMARC policy of reject for a domain that sends no mail either.")
            .evidence(evidence);
    if (only.preference() != 0) {
      f =
          Finding.of(FindingId.MX_NULL, Status.WARN, "Null MX with a preference other than 0")
              .detail(
                  "RFC 7505 §3 says a null MX has preference 0; this one has "
                      + only.preference()
                      + ". Senders still recognize it by the \".\" target.")
              .remedy("Publish it as: " + domain + ". MX 0 .")
              .evidence(evidence);
    }
    out.add(f.build());
  }

  private void hostFindings(MxFacts facts, List<MxHost> hosts, List<Finding> out) {
    boolean unresolved = false;
    boolean special = false;
    boolean anyPublic =
        hosts.stream()
            .flatMap(h -> h.addresses().stream())
            .anyMatch(x -> SpecialAddresses.classify(x).isEmpty());
    for (MxHost h : hosts) {
      String name = h.exchange();
      if (h.ipLiteral()) {
        unresolved = true;
        out.add(
            Finding.of(
                    FindingId.MX_IP_LITERAL,
                    Status.FAIL,
                    "MX target is an IP address, not a host name")
                .subject(name)
                .detail(
                    "RFC 5321 §5.1 and RFC 7505 require a host name as MX target; senders look \""
                        + name
                        + "\" up as a name and find nothing.")
                .remedy(
                    "Give the server a name with an A/AAAA record and point the MX record at it, e.g. mx1."
                        + facts.domain()
                        + ". A "
                        + name
                        + " and "
                        + facts.domain()
                        + ". MX "
                        + h.preference()
                        + " mx1."
                        + facts.domain()
                        + ".")
                .build());
        continue;
      }
      List<String> chain = h.cnameChain();
      if (!chain.isEmpty()) {
        out.add(
            Finding.of(FindingId.MX_CNAME, Status.WARN, "MX target is a CNAME")
                .subject(name)
                .detail(
                    "RFC 2181 §10.3 and RFC 5321 §5.1: an MX target must be the canonical name, not an alias. Most senders follow the alias, some refuse it, and the TLS name checks get harder.")
                .remedy(
                    h.canonicalName()
                        .map(
                            c ->
                                "Point the MX record at the canonical name the alias leads to: "
                                    + c
                                    + ".")
                        .orElse("Point the MX record at the canonical name the alias leads to."))
                .evidence(h.cnameRecords())
                .build());
      }
      switch (h.resolution()) {
        case NXDOMAIN -> {
          unresolved = true;
          out.add(
              Finding.of(FindingId.MX_RESOLVABLE, Status.FAIL, "MX target does not exist")
                  .subject(name)
                  .detail(name + " does not exist in DNS (NXDOMAIN); senders skip it.")
                  .remedy(
                      "Create "
                          + name
                          + " with an A/AAAA record, or remove the MX record that names it.")
                  .build());
        }
        case NO_ADDRESS -> {
          unresolved = true;
          out.add(
              Finding.of(FindingId.MX_RESOLVABLE, Status.FAIL, "MX target has no address")
                  .subject(name)
                  .detail(name + " exists but has no A or AAAA record; senders skip it.")
                  .remedy("Add an A and/or AAAA record for " + name + ".")
                  .build());
        }
        case ERROR -> {
          unresolved = true;
          out.add(
              Finding.of(FindingId.MX_RESOLVABLE, Status.ERROR, "Could not resolve the MX target")
                  .subject(name)
                  .detail(
                      "The address lookups failed temporarily ("
                          + outcomes(h)
                          + "); this says nothing about whether the records exist.")
                  .build());
        }
        case RESOLVED, IP_LITERAL -> {}
      }
      for (InetAddress a : h.addresses()) {
        Optional<String> range = SpecialAddresses.classify(a);
        if (range.isEmpty()) continue;
        special = true;
        // No public address at all: no mail from the internet can arrive (issue 11 #2).
        boolean none = !allowPrivate && !anyPublic;
        out.add(
            Finding.of(
                    FindingId.MX_PRIVATE_ADDRESS,
                    allowPrivate ? Status.INFO : none ? Status.FAIL : Status.WARN,
                    none
                        ? "No MX address is reachable from the internet"
                        : "MX address is not reachable from the internet")
                .subject(name + " " + InetAddresses.format(a))
                .detail(
                    InetAddresses.format(a)
                        + " is in a special-purpose range: "
                        + range.get()
                        + "."
                        + (allowPrivate
                            ? " Accepted because of " + switches.allowPrivate() + "."
                            : none
                                ? " Every MX address of the domain is in such a range, so no mail from the internet can be delivered (fine for labs and internal mail: use "
                                    + switches.allowPrivate()
                                    + ")."
                                : " Mail from the internet cannot reach it (fine for labs and internal mail: use "
                                    + switches.allowPrivate()
                                    + ")."))
                .remedy(allowPrivate ? null : "Publish the public address of " + name + ".")
                .build());
      }
    }
    if (!unresolved && !hosts.isEmpty()) {
      out.add(
          Finding.of(FindingId.MX_RESOLVABLE, Status.PASS, "Every MX target resolves to an address")
              .build());
    }
    if (!special && hosts.stream().anyMatch(h -> !h.addresses().isEmpty())) {
      out.add(
          Finding.of(
                  FindingId.MX_PRIVATE_ADDRESS, Status.PASS, "Every MX address is a public address")
              .build());
    }
  }

  private static void duplicates(MxFacts facts, List<String> evidence, List<Finding> out) {
    Map<String, Long> counts =
        facts.records().stream()
            .filter(r -> !r.exchange().isEmpty())
            .collect(
                Collectors.groupingBy(
                    DnsRecord.Mx::exchange, LinkedHashMap::new, Collectors.counting()));
    counts.forEach(
        (host, n) -> {
          if (n > 1) {
            out.add(
                Finding.of(
                        FindingId.MX_DUPLICATE,
                        Status.WARN,
                        "The same MX target is listed " + n + " times")
                    .subject(host)
                    .detail(
                        "Repeating a target adds no redundancy; senders try the same host again.")
                    .remedy("Keep one MX record for " + host + ".")
                    .evidence(evidence)
                    .build());
          }
        });
  }

  private static void samePreference(MxFacts facts, List<Finding> out) {
    List<MxHost> hosts = facts.hosts();
    if (hosts.size() < 2) return;
    if (hosts.stream().map(MxHost::preference).distinct().count() == 1) {
      out.add(
          Finding.of(
                  FindingId.MX_SAME_PREFERENCE,
                  Status.INFO,
                  "All MX targets have the same preference")
              .detail(
                  "Senders spread mail across them at random (RFC 5321 §5.1); that is load sharing, with no primary/backup order.")
              .build());
    }
  }

  private static Finding lookupError(String domain, DnsResult r) {
    return Finding.of(FindingId.MX_PRESENT, Status.ERROR, "Could not look up the MX records")
        .detail(
            "The MX lookup of "
                + domain
                + " failed ("
                + r.outcome()
                + "); this is a temporary DNS failure, not a missing record.")
        .build();
  }

  private static String outcomes(MxHost h) {
    return "A " + h.a().outcome() + ", AAAA " + h.aaaa().outcome();
  }
}
