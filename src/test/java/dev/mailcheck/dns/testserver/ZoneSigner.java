package dev.mailcheck.dns.testserver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * Signs zones for tests with dnsjava's signing API and keys made in the test: one ECDSA P-256
 * (algorithm 13) key per zone that signs everything (a "combined signing key", flags 257), an NSEC
 * chain (RFC 4034 §4), RRSIGs over every authoritative RRset. Delegations get their NS unsigned and
 * their DS (if any) signed, as RFC 4035 §2.2 wants; glue is neither signed nor chained.
 *
 * <pre>{@code
 * ZoneSigner.Key parent = ZoneSigner.newKey("example.test");
 * String signed = ZoneSigner.sign("example.test", text, parent, from, until);
 * dns.zone("example.test", signed);
 * String anchor = parent.dnskey().toString();  // trust anchor for the validator
 * }</pre>
 */
public final class ZoneSigner {
  private ZoneSigner() {}

  /** A zone's key pair and its DNSKEY record. */
  public record Key(Name zone, KeyPair pair, DNSKEYRecord dnskey) {
    /** The DS record (SHA-256) the parent publishes for this key. */
    public DSRecord ds() {
      return new DSRecord(zone, DClass.IN, 300, DNSSEC.Digest.SHA256, dnskey);
    }
  }

  public static Key newKey(String zone) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = g.generateKeyPair();
      Name origin = name(zone);
      DNSKEYRecord dnskey =
          new DNSKEYRecord(
              origin,
              DClass.IN,
              300,
              DNSKEYRecord.Flags.ZONE_KEY | DNSKEYRecord.Flags.SEP_KEY,
              DNSKEYRecord.Protocol.DNSSEC,
              DNSSEC.Algorithm.ECDSAP256SHA256,
              pair.getPublic());
      return new Key(origin, pair, dnskey);
    } catch (GeneralSecurityException | DNSSEC.DNSSECException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signs valid from an hour ago for 30 days. */
  public static String sign(String origin, String masterText, Key key) {
    Instant now = Instant.now();
    return sign(origin, masterText, key, now.minusSeconds(3600), now.plusSeconds(30L * 86400));
  }

  /**
   * The zone text with the DNSKEY, the NSEC chain and every signature added (an SOA is added when
   * the text has none, as {@link TestDnsServer#zone} would).
   */
  public static String sign(
      String origin, String masterText, Key key, Instant inception, Instant expiration) {
    try {
      Name o = name(origin);
      List<Record> records = new ArrayList<>();
      try (Master m =
          new Master(
              new ByteArrayInputStream(masterText.getBytes(StandardCharsets.UTF_8)), o, 300)) {
        for (Record r; (r = m.nextRecord()) != null; ) records.add(r);
      }
      if (records.stream().noneMatch(r -> r.getType() == Type.SOA && r.getName().equals(o))) {
        records.add(
            0,
            new SOARecord(
                o,
                DClass.IN,
                300,
                Name.fromString("ns.invalid."),
                Name.fromString("hostmaster.invalid."),
                1,
                3600,
                600,
                86400,
                300));
      }
      if (records.stream().noneMatch(r -> r.getType() == Type.NS && r.getName().equals(o))) {
        records.add(new org.xbill.DNS.NSRecord(o, DClass.IN, 300, Name.fromString("ns.invalid.")));
      }
      records.add(key.dnskey());
      // Delegation points below the apex: names with NS.
      TreeSet<Name> cuts = new TreeSet<>();
      for (Record r : records)
        if (r.getType() == Type.NS && !r.getName().equals(o)) cuts.add(r.getName());
      // RRsets by owner (canonical order) and type, glue left out.
      TreeMap<Name, Map<Integer, RRset>> byName = new TreeMap<>();
      for (Record r : records) {
        Name n = r.getName();
        if (isGlue(n, cuts)) continue;
        byName
            .computeIfAbsent(n, k -> new LinkedHashMap<>())
            .computeIfAbsent(r.getType(), t -> new RRset())
            .addRR(r);
      }
      List<Name> names = new ArrayList<>(byName.keySet());
      StringBuilder out = new StringBuilder();
      for (Record r : records) out.append(r).append('\n');
      for (int i = 0; i < names.size(); i++) {
        Name n = names.get(i);
        Name next = names.get((i + 1) % names.size());
        TreeSet<Integer> types = new TreeSet<>(byName.get(n).keySet());
        types.add(Type.RRSIG);
        types.add(Type.NSEC);
        NSECRecord nsec =
            new NSECRecord(n, DClass.IN, 300, next, types.stream().mapToInt(x -> x).toArray());
        out.append(nsec).append('\n');
        byName.get(n).put(Type.NSEC, new RRset(nsec));
      }
      for (var e : byName.entrySet()) {
        boolean cut = cuts.contains(e.getKey());
        for (var set : e.getValue().entrySet()) {
          int type = set.getKey();
          if (cut && type != Type.DS && type != Type.NSEC) continue;
          out.append(
                  DNSSEC.sign(
                      set.getValue(), key.dnskey(), key.pair().getPrivate(), inception, expiration))
              .append('\n');
        }
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (DNSSEC.DNSSECException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isGlue(Name n, TreeSet<Name> cuts) {
    for (Name c : cuts) if (!n.equals(c) && n.subdomain(c)) return true;
    return false;
  }

  static Name name(String s) {
    try {
      return Name.fromString(s.endsWith(".") ? s : s + ".");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
