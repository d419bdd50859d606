package dev.mailcheck.checks.dane;

import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.dns.Validation;
import dev.mailcheck.smtp.ProbeResult;
import java.util.List;
import java.util.Objects;

/**
 * What the DANE check fetched: per SMTP host, the validated TLSA and address answers and the probes
 * of its addresses (the chains they presented).
 *
 * @param domain the domain whose MX hosts these are, or empty for one host
 */
public record DaneFacts(String domain, List<Host> hosts) {
  public DaneFacts {
    Objects.requireNonNull(domain);
    hosts = List.copyOf(hosts);
  }

  /**
   * @param address the validated A answer of the host (RFC 7672 §2.2.2: TLSA counts only when the
   *     addresses are secure too)
   * @param tlsa the validated TLSA answer at {@code tlsaName}
   * @param probes the SMTP probes of the host's addresses; empty when nothing needed matching
   * @param tlsaName where the TLSA records were asked: {@code _PORT._tcp.HOST}, or the same under
   *     the CNAME-expanded name of an aliased host (RFC 7672 §2.2.2)
   */
  public record Host(
      String host,
      int port,
      Validation address,
      Validation tlsa,
      List<ProbeResult> probes,
      String tlsaName) {
    public Host {
      probes = List.copyOf(probes);
      Objects.requireNonNull(tlsaName);
    }

    public Host(
        String host, int port, Validation address, Validation tlsa, List<ProbeResult> probes) {
      this(host, port, address, tlsa, probes, DaneCheck.tlsaName(host, port));
    }

    /** The TLSA records of the answer, in presentation form. */
    public List<String> tlsaData() {
      return tlsa.outcome() instanceof DnsResult.Records r
          ? r.records().stream()
              .filter(x -> x.type() == RecordType.TLSA)
              .map(DnsRecord::data)
              .toList()
          : List.of();
    }

    public Host withProbes(List<ProbeResult> p) {
      return new Host(host, port, address, tlsa, p, tlsaName);
    }
  }
}
