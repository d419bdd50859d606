package dev.mailcheck.dns;

import java.net.InetAddress;
import java.util.List;

/**
 * The outcome of one question. The variants stay apart all the way to the report: an evaluator must
 * never read a timeout or a SERVFAIL as "no record" (RFC 7208 §4.4 temperror vs none; RFC 8020
 * NXDOMAIN means nothing below).
 */
public sealed interface DnsResult {
  DnsQuestion question();

  /** NOERROR with at least one record of the asked type (after following CNAMEs). */
  record Records(DnsQuestion question, List<DnsRecord> records, List<String> cnameChain)
      implements DnsResult {
    public Records {
      records = List.copyOf(records);
      cnameChain = List.copyOf(cnameChain);
    }

    public Records(DnsQuestion question, List<DnsRecord> records) {
      this(question, records, List.of());
    }

    /** The records of the asked type, in answer order. */
    public <T extends DnsRecord> List<T> of(Class<T> kind) {
      return records.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
  }

  /** NOERROR, the name exists, but it has no record of this type (RFC 2308 NODATA). */
  record NoData(DnsQuestion question, List<String> cnameChain) implements DnsResult {
    public NoData {
      cnameChain = List.copyOf(cnameChain);
    }

    public NoData(DnsQuestion question) {
      this(question, List.of());
    }
  }

  /** RCODE 3: the name does not exist. */
  record NxDomain(DnsQuestion question, List<String> cnameChain) implements DnsResult {
    public NxDomain {
      cnameChain = List.copyOf(cnameChain);
    }

    public NxDomain(DnsQuestion question) {
      this(question, List.of());
    }
  }

  /** RCODE 2 (SERVFAIL) from every server tried. Temporary. */
  record ServFail(DnsQuestion question, String detail) implements DnsResult {}

  /** RCODE 5 (REFUSED) or another unexpected RCODE (FORMERR, NOTIMP...) from every server tried. */
  record Refused(DnsQuestion question, int rcode, String detail) implements DnsResult {}

  /** No answer within the deadline from any server, or the network failed. Temporary. */
  record Timeout(DnsQuestion question, String detail) implements DnsResult {}

  /**
   * The CNAME chain followed from the asked name (Records, NoData and NxDomain carry one); empty
   * for a name that is no alias and for the failures.
   */
  default List<String> cnameChain() {
    return List.of();
  }

  /** True for the outcomes that say nothing about whether the record exists. */
  default boolean isTemporaryFailure() {
    return this instanceof ServFail || this instanceof Timeout || this instanceof Refused;
  }

  /** True for NXDOMAIN and NODATA: an answer that says the records are absent (a "void lookup"). */
  default boolean isVoid() {
    return this instanceof NxDomain || this instanceof NoData;
  }

  /** The records, or an empty list for every other outcome. */
  /** The addresses of the A or AAAA records of the answer; empty for anything else. */
  default List<InetAddress> addresses() {
    return recordsOrEmpty().stream()
        .filter(r -> r instanceof DnsRecord.Address)
        .map(r -> ((DnsRecord.Address) r).address())
        .toList();
  }

  default List<DnsRecord> recordsOrEmpty() {
    return this instanceof Records r ? r.records() : List.of();
  }

  /** A short word for the outcome, as the trace and JSON show it. */
  default String outcome() {
    return switch (this) {
      case Records r -> "NOERROR";
      case NoData n -> "NODATA";
      case NxDomain n -> "NXDOMAIN";
      case ServFail s -> "SERVFAIL";
      case Refused r -> r.rcode() == 5 ? "REFUSED" : "RCODE" + r.rcode();
      case Timeout t -> "TIMEOUT";
    };
  }
}
