package dev.mailcheck.checks.ptr;

import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** PTR facts in, findings out; each finding's subject is the address. Pure. */
public final class PtrEvaluator {
  /**
   * @param expectedHost in the domain report, the MX name the address belongs to: whether a PTR
   *     name matches it is noted (info)
   */
  public List<Finding> evaluate(PtrFacts facts, Optional<String> expectedHost) {
    List<Finding> out = new ArrayList<>();
    String ip = InetAddresses.format(facts.address());
    String reverse = facts.reverseName();
    List<String> names = facts.names();
    switch (facts.ptr()) {
      case DnsResult.Records r -> {
        if (names.isEmpty()) {
          out.add(absent(ip, reverse, expectedHost, "the PTR answer held no PTR record"));
          return out;
        }
        out.add(
            Finding.of(
                    FindingId.PTR_PRESENT,
                    Status.PASS,
                    names.size() == 1
                        ? "Reverse DNS: " + names.get(0)
                        : "Reverse DNS: " + names.size() + " names")
                .subject(ip)
                .evidence(names.stream().map(n -> reverse + ". PTR " + n + ".").toList())
                .build());
        if (names.size() > 1) {
          out.add(
              Finding.of(FindingId.PTR_MULTIPLE, Status.INFO, "Several PTR names for one address")
                  .subject(ip)
                  .detail(
                      "Receivers may pick any of them; keep one PTR per address so that FCrDNS and HELO checks see the same name.")
                  .build());
        }
      }
      case DnsResult.NxDomain n -> {
        out.add(absent(ip, reverse, expectedHost, reverse + " does not exist (NXDOMAIN)"));
        return out;
      }
      case DnsResult.NoData n -> {
        out.add(absent(ip, reverse, expectedHost, reverse + " has no PTR record"));
        return out;
      }
      default -> {
        out.add(
            Finding.of(FindingId.PTR_PRESENT, Status.ERROR, "Could not look up the reverse DNS")
                .subject(ip)
                .detail(
                    "The PTR lookup of "
                        + reverse
                        + " failed ("
                        + facts.ptr().outcome()
                        + "); a temporary failure, not an absence.")
                .build());
        return out;
      }
    }
    fcrdns(facts, ip, out);
    for (String name : names) {
      GenericNames.reason(name, facts.address())
          .ifPresent(
              why ->
                  out.add(
                      Finding.of(
                              FindingId.PTR_GENERIC,
                              Status.WARN,
                              "Reverse name looks generic: " + name)
                          .subject(ip)
                          .detail(
                              "Receivers treat mail from ISP pool names as coming from end-user machines: "
                                  + why
                                  + ".")
                          .remedy(
                              "Ask the provider of "
                                  + ip
                                  + " for a PTR record naming the mail server, e.g. "
                                  + expectedHost.orElse("mail.<your domain>")
                                  + ".")
                          .build()));
    }
    expectedHost.ifPresent(
        host -> {
          boolean match = names.stream().anyMatch(n -> n.equalsIgnoreCase(host));
          out.add(
              Finding.of(
                      FindingId.PTR_MATCHES_MX,
                      Status.INFO,
                      match
                          ? "Reverse name matches the MX name"
                          : "Reverse name differs from the MX name")
                  .subject(ip)
                  .detail(
                      match
                          ? ip + " (an address of " + host + ") reverses to " + host + "."
                          : ip
                              + " (an address of "
                              + host
                              + ") reverses to "
                              + String.join(", ", names)
                              + ", not to "
                              + host
                              + "; fine if that name is the one the server uses in its banner and EHLO.")
                  .build());
        });
    return out;
  }

  private static void fcrdns(PtrFacts facts, String ip, List<Finding> out) {
    List<String> confirmed = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    boolean tempFailure = false;
    for (PtrFacts.Forward f : facts.forwards()) {
      if (f.confirms(facts.address())) confirmed.add(f.name());
      if (f.result().isTemporaryFailure()) tempFailure = true;
      String addrs =
          f.addresses().stream()
              .map(a -> InetAddresses.format(a))
              .reduce((a, b) -> a + ", " + b)
              .orElse(f.result().outcome());
      evidence.add(f.name() + " -> " + addrs);
    }
    if (!confirmed.isEmpty()) {
      out.add(
          Finding.of(
                  FindingId.PTR_FCRDNS,
                  Status.PASS,
                  "Forward-confirmed: " + String.join(", ", confirmed) + " resolves back to " + ip)
              .subject(ip)
              .evidence(evidence)
              .build());
    } else if (tempFailure) {
      out.add(
          Finding.of(
                  FindingId.PTR_FCRDNS, Status.ERROR, "Could not forward-confirm the reverse name")
              .subject(ip)
              .detail("A forward lookup of the PTR name failed temporarily.")
              .evidence(evidence)
              .build());
    } else {
      out.add(
          Finding.of(
                  FindingId.PTR_FCRDNS, Status.FAIL, "Reverse name does not resolve back to " + ip)
              .subject(ip)
              .detail(
                  "Forward-confirmed reverse DNS fails: receivers (iprev, RFC 8601 §2.7.3) treat the sender as having no valid reverse DNS.")
              .remedy(
                  "Give "
                      + String.join(", ", facts.names())
                      + " an "
                      + (facts.address().getAddress().length == 4 ? "A" : "AAAA")
                      + " record for "
                      + ip
                      + ", or change the PTR to a name that has one.")
              .evidence(evidence)
              .build());
    }
  }

  /**
   * @param host the MX name the address serves (domain report): the name the PTR should hold
   */
  private static Finding absent(String ip, String reverse, Optional<String> host, String why) {
    return Finding.of(FindingId.PTR_PRESENT, Status.FAIL, "No reverse DNS for " + ip)
        .subject(ip)
        .detail(
            why + ". Many receivers reject or penalize mail from addresses without a PTR record.")
        .remedy(
            "Ask whoever runs the address block (your hosting or network provider) to publish "
                + reverse
                + host.map(h -> ". PTR " + h + ".")
                    .orElse(
                        " with a PTR record naming the mail server (the name its A/AAAA record and SMTP greeting use)."))
        .build();
  }
}
