package dev.mailcheck.dns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.Record;

/**
 * The DNSSEC trust anchors validation starts from: DS or DNSKEY records in zone-file syntax (RFC
 * 4034 §5.3, §2.2), as {@code --trust-anchor FILE} holds them or, built in, the DS records of the
 * IANA root key-signing keys (data.iana.org/root-anchors/root-anchors.xml): KSK-2017 (key tag
 * 20326) and KSK-2024 (key tag 38696), both RSA/SHA-256 with SHA-256 digests.
 *
 * @param records the anchors in presentation form, one record a line, absolute owner names
 * @param source where they came from ("built-in root anchors", a file name), for the report
 */
public record TrustAnchors(List<String> records, String source) {
  private static final List<String> ROOT =
      List.of(
          ". 172800 IN DS 20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D",
          ". 172800 IN DS 38696 8 2 683D2D0ACB8C9B712A1948B27F741219298D0A450D612C483AF444A4C0FB2B16");

  public TrustAnchors {
    records = List.copyOf(records);
    if (records.isEmpty()) throw new IllegalArgumentException("no trust anchor");
  }

  /** The IANA root anchors, built in. */
  public static TrustAnchors root() {
    return new TrustAnchors(ROOT, "built-in root anchors (KSK-2017 20326, KSK-2024 38696)");
  }

  /**
   * Reads DS and DNSKEY records from zone-file text (relative names are relative to the root; other
   * record types, comments and $TTL lines are allowed and ignored).
   *
   * @throws IllegalArgumentException with a one-line reason when the text does not parse or holds
   *     no DS or DNSKEY record
   */
  public static TrustAnchors parse(String text, String source) {
    List<String> out = new ArrayList<>();
    try (Master m =
        new Master(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            org.xbill.DNS.Name.root,
            3600)) {
      for (Record r; (r = m.nextRecord()) != null; ) {
        if (r instanceof DSRecord || r instanceof DNSKEYRecord) out.add(r.toString());
      }
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new IllegalArgumentException(
          "not a zone file of DS/DNSKEY records: " + why.lines().findFirst().orElse(why));
    }
    if (out.isEmpty())
      throw new IllegalArgumentException("holds no DS or DNSKEY record (zone-file syntax)");
    return new TrustAnchors(out, source);
  }

  /** The owner names of the anchors (lower case, no trailing dot; "" for the root). */
  public List<String> names() {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (String r : records) {
      String owner = r.split("\\s+", 2)[0];
      names.add(owner.equals(".") ? "" : DnsQuestion.normalize(owner));
    }
    return List.copyOf(names);
  }

  /** The closest anchor at or above {@code name}, if any. */
  public Optional<String> closestTo(String name) {
    String n = DnsQuestion.normalize(name);
    return names().stream()
        .filter(a -> a.isEmpty() || n.equals(a) || n.endsWith("." + a))
        .max(Comparator.comparingInt(String::length));
  }

  String zoneText() {
    return String.join("\n", records) + "\n";
  }
}
