package dev.mailcheck.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.DnsSettings;
import dev.mailcheck.dns.DnsStack;
import dev.mailcheck.dns.RecordType;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The interop zones as Knot serves them: first asked with plain dnsjava (the environment is what
 * the zone files say), then through mailcheck's own resolver stack, which must give the same truth
 * with the outcomes kept apart (NXDOMAIN vs NODATA vs REFUSED).
 */
class DnsInteropIT {
  static InteropEnv env;

  @BeforeAll
  static void env() {
    env = InteropEnv.load();
  }

  /** name, type, expected outcome, expected data (presentation form, as DnsRecord.data()). */
  record Case(String name, RecordType type, String outcome, Set<String> data) {
    static Case of(String name, RecordType type, String outcome, String... data) {
      return new Case(name, type, outcome, new TreeSet<>(List.of(data)));
    }

    @Override
    public String toString() {
      return name + "/" + type + " -> " + outcome + " " + data;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        Case.of("good.test", RecordType.MX, "NOERROR", "10 mx1.good.test.", "20 mx2.good.test."),
        Case.of("mx1.good.test", RecordType.A, "NOERROR", "127.25.0.10"),
        Case.of("mx2.good.test", RecordType.A, "NOERROR", "127.25.0.11"),
        Case.of("10.0.25.127.in-addr.arpa", RecordType.PTR, "NOERROR", "mx1.good.test."),
        Case.of("11.0.25.127.in-addr.arpa", RecordType.PTR, "NOERROR", "mx2.good.test."),
        Case.of(
            "good.test", RecordType.TXT, "NOERROR", "\"v=spf1 mx include:_spf.good.test -all\""),
        Case.of("weak.test", RecordType.MX, "NOERROR", "10 mx.weak.test."),
        Case.of("mx.weak.test", RecordType.A, "NOERROR", "127.25.0.20"),
        Case.of("20.0.25.127.in-addr.arpa", RecordType.PTR, "NXDOMAIN"),
        Case.of("_dmarc.weak.test", RecordType.TXT, "NOERROR", "\"v=DMARC1; p=none\""),
        Case.of(
            "broken.test",
            RecordType.MX,
            "NOERROR",
            "10 alias.broken.test.",
            "20 nowhere.broken.test.",
            "30 mx.broken.test."),
        Case.of(
            "broken.test",
            RecordType.TXT,
            "NOERROR",
            "\"v=spf1 ip4:192.0.2.1 -all\"",
            "\"v=spf1 ip4:192.0.2.2 ~all\""),
        Case.of("alias.broken.test", RecordType.CNAME, "NOERROR", "mx.broken.test."),
        Case.of("nowhere.broken.test", RecordType.A, "NXDOMAIN"),
        Case.of("30.0.25.127.in-addr.arpa", RecordType.PTR, "NOERROR", "mismatch.broken.test."),
        Case.of("mismatch.broken.test", RecordType.A, "NXDOMAIN"),
        Case.of("nullmx.test", RecordType.MX, "NOERROR", "0 ."),
        Case.of("nomx.test", RecordType.MX, "NODATA"),
        Case.of("nomx.test", RecordType.A, "NOERROR", "127.25.0.10"),
        Case.of("good.test._report._dmarc.reports.test", RecordType.TXT, "NOERROR", "\"v=DMARC1\""),
        Case.of("ruaext.test._report._dmarc.reports.test", RecordType.TXT, "NXDOMAIN"),
        Case.of("nosuch.good.test", RecordType.TXT, "NXDOMAIN"),
        Case.of("n1.void.spflimit.test", RecordType.A, "NXDOMAIN"),
        Case.of("void.spflimit.test", RecordType.A, "NODATA"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void knotServesTheZones(Case c) throws Exception {
    SimpleResolver r = new SimpleResolver(env.dnsAddress());
    r.setTimeout(Duration.ofSeconds(3));
    Record q =
        Record.newRecord(Name.fromString(c.name() + "."), c.type().code(), org.xbill.DNS.DClass.IN);
    Message answer = r.send(Message.newQuery(q));
    List<Record> records =
        answer.getSection(Section.ANSWER).stream()
            .filter(rr -> rr.getType() == c.type().code())
            .toList();
    String outcome =
        switch (answer.getRcode()) {
          case Rcode.NOERROR -> records.isEmpty() ? "NODATA" : "NOERROR";
          case Rcode.NXDOMAIN -> "NXDOMAIN";
          default -> Rcode.string(answer.getRcode());
        };
    assertThat(outcome).as(c.toString()).isEqualTo(c.outcome());
    Set<String> data =
        records.stream().map(Record::rdataToString).collect(Collectors.toCollection(TreeSet::new));
    assertThat(data).as(c.toString()).isEqualTo(c.data());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void mailcheckResolverGivesTheZonesTruth(Case c) throws Exception {
    try (DnsStack stack = openStack()) {
      DnsResult result = stack.client().resolve(c.name(), c.type());
      assertThat(result.outcome()).as(c.toString()).isEqualTo(c.outcome());
      Set<String> data =
          result.recordsOrEmpty().stream()
              .filter(rr -> rr.type() == c.type())
              .map(DnsRecord::data)
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(data).as(c.toString()).isEqualTo(c.data());
    }
  }

  @Test
  void cnameIsFollowedToTheAddress() throws Exception {
    try (DnsStack stack = openStack()) {
      DnsResult result = stack.client().resolve("alias.broken.test", RecordType.A);
      assertThat(result).isInstanceOf(DnsResult.Records.class);
      var records = (DnsResult.Records) result;
      assertThat(records.of(DnsRecord.Address.class))
          .extracting(DnsRecord::data)
          .containsExactly("127.25.0.30");
      assertThat(records.cnameChain()).isNotEmpty();
    }
  }

  @Test
  void nameOutsideTheServedZonesIsRefusedNotAbsent() throws Exception {
    try (DnsStack stack = openStack()) {
      DnsResult result = stack.client().resolve("example.com", RecordType.A);
      assertThat(result).isInstanceOf(DnsResult.Refused.class);
      assertThat(result.isTemporaryFailure()).isTrue();
      assertThat(result.isVoid()).isFalse();
    }
  }

  /**
   * The 2048-bit DKIM key does not fit one 255-octet TXT string: the record must come back joined
   * and equal to the public half of the key run.sh generated.
   */
  @Test
  void multiStringDkimKeyIsJoinedAndMatchesTheGeneratedKey() throws Exception {
    String expected = publicKeyBase64(Path.of(env.get("dir"), "dkim", "good-rsa2048.key"));
    try (DnsStack stack = openStack()) {
      DnsResult result = stack.client().resolve("rsa2048._domainkey.good.test", RecordType.TXT);
      var txt = ((DnsResult.Records) result).of(DnsRecord.Txt.class);
      assertThat(txt).hasSize(1);
      assertThat(txt.get(0).strings()).hasSizeGreaterThan(1);
      assertThat(txt.get(0).text()).isEqualTo("v=DKIM1; k=rsa; p=" + expected);
    }
  }

  @Test
  void dnsjavaLookupSeesTheSameKey() throws Exception {
    // The same check with dnsjava's own high-level lookup, as a cross-check of the environment.
    String expected = publicKeyBase64(Path.of(env.get("dir"), "dkim", "good-rsa2048.key"));
    Lookup lookup = new Lookup("rsa2048._domainkey.good.test.", Type.TXT);
    lookup.setResolver(new SimpleResolver(env.dnsAddress()));
    lookup.setCache(null);
    Record[] rr = lookup.run();
    assertThat(rr).hasSize(1);
    String joined = String.join("", ((org.xbill.DNS.TXTRecord) rr[0]).getStrings());
    assertThat(joined).isEqualTo("v=DKIM1; k=rsa; p=" + expected);
  }

  static DnsStack openStack() {
    try {
      return DnsStack.open(DnsSettings.of(List.of(env.dnsAddress()), Duration.ofSeconds(3)));
    } catch (UnsupportedOperationException e) {
      Assumptions.abort("DnsStack.open is not built on this branch yet: " + e.getMessage());
      throw e;
    }
  }

  static String publicKeyBase64(Path pkcs8Pem) throws Exception {
    String pem = Files.readString(pkcs8Pem);
    String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    var key =
        (RSAPrivateCrtKey)
            KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
    BigInteger n = key.getModulus();
    var pub =
        KeyFactory.getInstance("RSA")
            .generatePublic(new RSAPublicKeySpec(n, key.getPublicExponent()));
    return Base64.getEncoder().encodeToString(pub.getEncoded());
  }
}
