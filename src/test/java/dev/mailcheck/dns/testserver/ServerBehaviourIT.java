package dev.mailcheck.dns.testserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcheck.dns.RecordType;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The test server itself, spoken to with plain dnsjava so that flags and sections are visible. */
class ServerBehaviourIT {
  TestDnsServer server = TestDnsServer.start("zones/example.test.zone");

  @AfterEach
  void stop() {
    server.close();
  }

  Message ask(String name, int type, boolean tcp) throws Exception {
    SimpleResolver r = new SimpleResolver(server.socketAddress());
    r.setTCP(tcp);
    r.setIgnoreTruncation(true);
    r.setTimeout(Duration.ofMillis(500));
    return r.send(Message.newQuery(Record.newRecord(Name.fromString(name + "."), type, DClass.IN)));
  }

  @Test
  void answersAuthoritativelyWithRecursionAvailable() throws Exception {
    Message m = ask("example.test", Type.MX, false);
    assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(m.getHeader().getFlag(Flags.RA)).isTrue();
    assertThat(m.getSection(Section.ANSWER)).hasSize(2);
  }

  @Test
  void nxdomainAndNodataBothCarryTheSoa() throws Exception {
    Message nx = ask("nope.example.test", Type.A, false);
    assertThat(nx.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(nx.getSection(Section.AUTHORITY))
        .extracting(Record::getType)
        .containsExactly(Type.SOA);
    Message nodata = ask("mx2.example.test", Type.AAAA, false);
    assertThat(nodata.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(nodata.getSection(Section.ANSWER)).isEmpty();
    assertThat(nodata.getSection(Section.AUTHORITY))
        .extracting(Record::getType)
        .containsExactly(Type.SOA);
    Message ent = ask("_domainkey.example.test", Type.TXT, false);
    assertThat(ent.getRcode()).as("empty non-terminal").isEqualTo(Rcode.NOERROR);
  }

  @Test
  void nameOutsideEveryZoneIsRefused() throws Exception {
    assertThat(ask("example.org", Type.A, false).getRcode()).isEqualTo(Rcode.REFUSED);
  }

  @Test
  void cnameChainInsideTheZoneIsInTheAnswer() throws Exception {
    Message m = ask("www.example.test", Type.A, false);
    assertThat(m.getSection(Section.ANSWER))
        .extracting(Record::getType)
        .containsExactly(Type.CNAME, Type.CNAME, Type.A);
  }

  @Test
  void truncateFaultSetsTcOverUdpOnlyAndLogsTransport() throws Exception {
    server.truncate("example.test", RecordType.MX);
    Message udp = ask("example.test", Type.MX, false);
    assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(udp.getSection(Section.ANSWER)).isEmpty();
    Message tcp = ask("example.test", Type.MX, true);
    assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(tcp.getSection(Section.ANSWER)).hasSize(2);
    assertThat(server.queries())
        .containsExactly(
            new TestDnsServer.Query("example.test", "MX", "UDP"),
            new TestDnsServer.Query("example.test", "MX", "TCP"));
  }

  @Test
  void rcodeFaultsApplyPerNameTypeAndWildcard() throws Exception {
    server.servfail("example.test", RecordType.MX).rcode("*", RecordType.TXT, Rcode.NOTIMP);
    assertThat(ask("example.test", Type.MX, false).getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(ask("example.test", Type.A, false).getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(ask("split.example.test", Type.TXT, false).getRcode()).isEqualTo(Rcode.NOTIMP);
    server.clearFaults();
    assertThat(ask("example.test", Type.MX, false).getRcode()).isEqualTo(Rcode.NOERROR);
  }

  @Test
  void droppedQueryGetsNoAnswer() {
    server.drop("example.test", RecordType.MX);
    assertThatThrownBy(() -> ask("example.test", Type.MX, false))
        .isInstanceOf(java.io.IOException.class);
    assertThat(server.count("example.test", RecordType.MX)).isEqualTo(1);
  }

  @Test
  void zonesAndRecordsCanBeBuiltInCode() throws Exception {
    server.zone("code.test", "@ MX 10 mx\nmx A 192.0.2.5\n");
    server
        .txt("_dmarc.fresh.test", "v=DMARC1; p=none")
        .ptr("5.2.0.192.in-addr.arpa", "mx.code.test");
    assertThat(ask("code.test", Type.MX, false).getSection(Section.ANSWER).get(0).rdataToString())
        .isEqualTo("10 mx.code.test.");
    assertThat(
            ask("_dmarc.fresh.test", Type.TXT, false)
                .getSection(Section.ANSWER)
                .get(0)
                .rdataToString())
        .isEqualTo("\"v=DMARC1; p=none\"");
    assertThat(ask("fresh.test", Type.A, false).getRcode())
        .as("auto zone exists")
        .isEqualTo(Rcode.NOERROR);
    assertThat(ask("5.2.0.192.in-addr.arpa", Type.PTR, false).getSection(Section.ANSWER))
        .hasSize(1);
  }

  @Test
  void addressIsLoopbackWithTheServersPort() {
    assertThat(server.address()).isEqualTo("127.0.0.1:" + server.port());
    assertThat(server.socketAddress().getAddress().isLoopbackAddress()).isTrue();
  }
}
