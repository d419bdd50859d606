package dev.mailcheck.report.view;

import java.util.List;

/** The {@code dane} view: per SMTP host, its TLSA records and how they match what it presents. */
public record DaneView(List<Host> hosts) implements View {
  public DaneView {
    hosts = List.copyOf(hosts);
  }

  /**
   * @param tlsaName the name asked, e.g. {@code _25._tcp.mx.example.com}
   * @param tlsaOutcome the TLSA lookup's outcome (NOERROR, NODATA, NXDOMAIN, SERVFAIL...)
   * @param tlsaDnssec the TLSA answer's validation: secure, insecure, bogus, indeterminate
   * @param addressDnssec the host's A answer's validation (RFC 7672 §2.2.2 needs it secure too)
   * @param reason why the TLSA answer is not secure, or empty
   */
  public record Host(
      String host,
      int port,
      String tlsaName,
      String tlsaOutcome,
      String tlsaDnssec,
      String addressDnssec,
      String reason,
      List<Tlsa> records,
      List<Endpoint> endpoints) {
    public Host {
      records = List.copyOf(records);
      endpoints = List.copyOf(endpoints);
    }
  }

  /**
   * One TLSA record.
   *
   * @param usage 0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE (RFC 7218 names in {@code usageName})
   * @param selector 0 full certificate, 1 SubjectPublicKeyInfo
   * @param matchingType 0 exact, 1 SHA-256, 2 SHA-512
   * @param usable SMTP senders use it (DANE-EE or DANE-TA with known selector and matching type)
   * @param matchedAt the addresses whose presented chain it matches
   */
  public record Tlsa(
      int usage,
      String usageName,
      int selector,
      int matchingType,
      String data,
      boolean usable,
      List<String> matchedAt) {
    public Tlsa {
      matchedAt = List.copyOf(matchedAt);
    }
  }

  /**
   * One probed address.
   *
   * @param tls whether a TLS session was established (and a chain seen)
   * @param matched whether a usable TLSA record matched the chain (and, for DANE-TA, the chain and
   *     name checked out)
   * @param detail what happened, in words
   */
  public record Endpoint(String address, boolean tls, boolean matched, String detail) {}
}
