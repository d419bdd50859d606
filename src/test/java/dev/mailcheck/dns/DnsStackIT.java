package dev.mailcheck.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.internal.CouldNotRunException;
import dev.mailcheck.internal.InputException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real stack (dnsjava network client and decorators) against the in-process DNS server. */
class DnsStackIT {
  static final Duration SHORT = Duration.ofMillis(300);

  TestDnsServer server;
  List<DnsStack> stacks = new ArrayList<>();
  @TempDir Path tmp;

  @BeforeEach
  void startServer() {
    server =
        TestDnsServer.start(
            "zones/example.test.zone",
            "zones/other.test.zone",
            "zones/2.0.192.in-addr.arpa.zone",
            "zones/8.b.d.0.1.0.0.2.ip6.arpa.zone");
  }

  @AfterEach
  void stop() throws Exception {
    for (DnsStack s : stacks) s.close();
    server.close();
  }

  DnsStack stack(Duration timeout, TestDnsServer... servers) {
    List<InetSocketAddress> addresses =
        java.util.Arrays.stream(servers).map(TestDnsServer::socketAddress).toList();
    DnsStack s =
        DnsStack.open(new DnsSettings(addresses, timeout, 1, Optional.empty(), Optional.empty()));
    stacks.add(s);
    return s;
  }

  DnsStack stack() {
    return stack(Duration.ofSeconds(2), server);
  }

  DnsResult resolve(DnsStack s, String name, RecordType type) {
    return s.client().resolve(name, type);
  }

  @Test
  void mxAnswerBecomesRecordsWithLowerCaseNamesWithoutTrailingDot() {
    DnsResult r = resolve(stack(), "Example.TEST.", RecordType.MX);
    assertThat(r).isInstanceOf(DnsResult.Records.class);
    assertThat(((DnsResult.Records) r).of(DnsRecord.Mx.class))
        .extracting(DnsRecord.Mx::preference, DnsRecord.Mx::exchange, DnsRecord.Mx::name)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(10, "mx1.example.test", "example.test"),
            org.assertj.core.groups.Tuple.tuple(20, "mx2.example.test", "example.test"));
  }

  @Test
  void addressesTxtStringsAndNullMxConvert() {
    DnsStack s = stack();
    assertThat(resolve(s, "example.test", RecordType.A).recordsOrEmpty())
        .extracting(DnsRecord::data)
        .containsExactly("192.0.2.1");
    assertThat(resolve(s, "example.test", RecordType.AAAA).recordsOrEmpty())
        .extracting(DnsRecord::data)
        .containsExactly("2001:db8::1");
    DnsRecord.Txt txt =
        (DnsRecord.Txt) resolve(s, "split.example.test", RecordType.TXT).recordsOrEmpty().get(0);
    assertThat(txt.stringsAsText()).containsExactly("v=spf1 ", "ip4:192.0.2.0/24 ", "-all");
    assertThat(txt.text()).isEqualTo("v=spf1 ip4:192.0.2.0/24 -all");
    DnsRecord.Mx nullMx =
        (DnsRecord.Mx) resolve(s, "nullmx.example.test", RecordType.MX).recordsOrEmpty().get(0);
    assertThat(nullMx.exchange()).isEmpty();
    assertThat(nullMx.preference()).isZero();
    assertThat(resolve(s, "10.2.0.192.in-addr.arpa", RecordType.PTR).recordsOrEmpty())
        .extracting(DnsRecord::data)
        .containsExactly("mx1.example.test.");
  }

  @Test
  void txtKeepsRawOctets() {
    server.record("bin.example.test. 300 IN TXT \"\\255\\000a\\\"\"");
    DnsRecord.Txt txt =
        (DnsRecord.Txt)
            resolve(stack(), "bin.example.test", RecordType.TXT).recordsOrEmpty().get(0);
    assertThat(txt.strings().get(0)).containsExactly(0xff, 0x00, 'a', '"');
  }

  @Test
  void existingNameWithoutTheTypeIsNoDataAndEmptyNonTerminalToo() {
    DnsStack s = stack();
    assertThat(resolve(s, "mx2.example.test", RecordType.AAAA))
        .isInstanceOf(DnsResult.NoData.class);
    assertThat(resolve(s, "_domainkey.example.test", RecordType.TXT))
        .isInstanceOf(DnsResult.NoData.class);
  }

  @Test
  void unknownNameIsNxDomain() {
    DnsResult r = resolve(stack(), "nope.example.test", RecordType.A);
    assertThat(r).isInstanceOf(DnsResult.NxDomain.class);
    assertThat(r.isVoid()).isTrue();
  }

  @Test
  void servfailIsATemporaryFailureNotAbsence() {
    server.servfail("example.test", RecordType.MX);
    DnsResult r = resolve(stack(), "example.test", RecordType.MX);
    assertThat(r).isInstanceOf(DnsResult.ServFail.class);
    assertThat(r.isTemporaryFailure()).isTrue();
    assertThat(r.isVoid()).isFalse();
    assertThat(((DnsResult.ServFail) r).detail()).contains(server.address()).contains("SERVFAIL");
  }

  @Test
  void refusedAndOtherRcodesAreRefusedWithTheirCode() {
    server.refused("example.test", RecordType.MX).rcode("example.test", RecordType.TXT, 4);
    DnsStack s = stack();
    DnsResult refused = resolve(s, "example.test", RecordType.MX);
    assertThat(refused)
        .isInstanceOfSatisfying(DnsResult.Refused.class, r -> assertThat(r.rcode()).isEqualTo(5));
    assertThat(refused.outcome()).isEqualTo("REFUSED");
    DnsResult notimp = resolve(s, "example.test", RecordType.TXT);
    assertThat(notimp)
        .isInstanceOfSatisfying(DnsResult.Refused.class, r -> assertThat(r.rcode()).isEqualTo(4));
    assertThat(notimp.outcome()).isEqualTo("RCODE4");
  }

  @Test
  void referralFromANonRecursiveServerIsAFailureNotNoData() {
    DnsResult r = resolve(stack(), "host.delegated.example.test", RecordType.A);
    assertThat(r)
        .isInstanceOfSatisfying(
            DnsResult.ServFail.class, f -> assertThat(f.detail()).contains("referral"));
    assertThat(r.isVoid()).isFalse();
  }

  @Test
  void silenceIsATimeoutBoundedByTimeoutTimesTries() {
    server.drop("example.test", RecordType.MX);
    long start = System.nanoTime();
    DnsResult r = resolve(stack(SHORT, server), "example.test", RecordType.MX);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(r).isInstanceOf(DnsResult.Timeout.class);
    assertThat(r.isTemporaryFailure()).isTrue();
    // 1 + retries(1) attempts of 300 ms each, plus scheduling slack; never dnsjava's 1 s timer.
    assertThat(millis).isBetween(2 * SHORT.toMillis() - 20, 2 * SHORT.toMillis() + 700);
    assertThat(server.count("example.test", RecordType.MX)).isEqualTo(2);
    assertThat(((DnsResult.Timeout) r).detail())
        .contains("no answer within 300 ms")
        .contains("2 tries");
  }

  @Test
  void servfailFromFirstServerFailsOverToSecond() {
    try (TestDnsServer second = TestDnsServer.start("zones/example.test.zone")) {
      server.servfail("*");
      DnsStack s = stack(SHORT, server, second);
      DnsResult r = resolve(s, "example.test", RecordType.MX);
      assertThat(r).isInstanceOf(DnsResult.Records.class);
      assertThat(server.count("example.test", RecordType.MX)).isEqualTo(1);
      assertThat(second.count("example.test", RecordType.MX)).isEqualTo(1);
      assertThat(s.trace())
          .extracting(TraceEntry::server, TraceEntry::outcome)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(server.address(), "SERVFAIL"),
              org.assertj.core.groups.Tuple.tuple(second.address(), "NOERROR"));
    }
  }

  @Test
  void servfailFromEveryServerIsServFailNamingEach() {
    try (TestDnsServer second = TestDnsServer.start("zones/example.test.zone")) {
      server.servfail("*");
      second.refused("*");
      DnsResult r = resolve(stack(SHORT, server, second), "example.test", RecordType.MX);
      assertThat(r)
          .isInstanceOfSatisfying(
              DnsResult.ServFail.class,
              f ->
                  assertThat(f.detail())
                      .contains(server.address() + ": SERVFAIL")
                      .contains(second.address() + ": REFUSED"));
    }
  }

  @Test
  void serverThatTimesOutTwiceIsSkippedForTheRestOfTheRun() {
    try (TestDnsServer second = TestDnsServer.start("zones/example.test.zone")) {
      server.drop("*");
      DnsStack s = stack(Duration.ofMillis(150), server, second);
      assertThat(resolve(s, "example.test", RecordType.MX)).isInstanceOf(DnsResult.Records.class);
      assertThat(server.count("example.test", RecordType.MX)).isEqualTo(2);
      assertThat(resolve(s, "example.test", RecordType.A)).isInstanceOf(DnsResult.Records.class);
      assertThat(resolve(s, "mx1.example.test", RecordType.A))
          .isInstanceOf(DnsResult.Records.class);
      assertThat(server.count("example.test", RecordType.A)).isZero();
      assertThat(server.count("mx1.example.test", RecordType.A)).isZero();
      assertThat(s.allFailed()).isFalse();
    }
  }

  @Test
  void lastServerIsNeverSkipped() {
    server.drop("example.test", RecordType.MX);
    DnsStack s = stack(Duration.ofMillis(150), server);
    assertThat(resolve(s, "mx1.example.test", RecordType.A)).isInstanceOf(DnsResult.Records.class);
    assertThat(resolve(s, "example.test", RecordType.MX)).isInstanceOf(DnsResult.Timeout.class);
    assertThat(resolve(s, "example.test", RecordType.A)).isInstanceOf(DnsResult.Records.class);
    assertThat(server.count("example.test", RecordType.A)).isEqualTo(1);
  }

  @Test
  void truncatedUdpAnswerIsAskedAgainOverTcp() {
    server.truncate("example.test", RecordType.MX);
    DnsStack s = stack();
    assertThat(resolve(s, "example.test", RecordType.MX).recordsOrEmpty()).hasSize(2);
    assertThat(server.queries())
        .filteredOn(q -> q.name().equals("example.test"))
        .extracting(TestDnsServer.Query::transport)
        .containsExactly("UDP", "TCP");
    assertThat(s.trace())
        .extracting(TraceEntry::outcome, TraceEntry::transport)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("TRUNCATED", "UDP"),
            org.assertj.core.groups.Tuple.tuple("NOERROR", "TCP"));
  }

  @Test
  void answerLargerThanTheEdnsPayloadComesOverTcp() {
    String chunk = "x".repeat(250);
    server.txt("big.example.test", chunk, chunk, chunk, chunk, chunk, chunk);
    DnsResult r = resolve(stack(), "big.example.test", RecordType.TXT);
    assertThat(((DnsRecord.Txt) r.recordsOrEmpty().get(0)).text()).hasSize(1500);
    assertThat(server.queries())
        .extracting(TestDnsServer.Query::transport)
        .containsExactly("UDP", "TCP");
  }

  @Test
  void cnameChainIsFollowedAndRecorded() {
    DnsResult r = resolve(stack(), "www.example.test", RecordType.A);
    assertThat(r)
        .isInstanceOfSatisfying(
            DnsResult.Records.class,
            rec -> {
              assertThat(rec.cnameChain()).containsExactly("www.example.test", "web.example.test");
              assertThat(rec.records())
                  .extracting(DnsRecord::name, DnsRecord::data)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple("host.example.test", "192.0.2.80"));
            });
  }

  @Test
  void cnameToAMissingNameIsNxDomainWithTheChain() {
    DnsResult r = resolve(stack(), "alias.example.test", RecordType.A);
    assertThat(r)
        .isInstanceOfSatisfying(
            DnsResult.NxDomain.class,
            n -> assertThat(n.cnameChain()).containsExactly("alias.example.test"));
  }

  @Test
  void cnameChainEndingElsewhereIsAskedAgainForItsTarget() {
    DnsStack s = stack();
    DnsResult r = resolve(s, "outside.example.test", RecordType.A);
    assertThat(r)
        .isInstanceOfSatisfying(
            DnsResult.Records.class,
            rec -> {
              assertThat(rec.cnameChain()).containsExactly("outside.example.test");
              assertThat(rec.records()).extracting(DnsRecord::data).containsExactly("192.0.2.77");
            });
    assertThat(server.count("target.other.test", RecordType.A)).isEqualTo(1);
  }

  @Test
  void cnameLoopIsAServFailWithDetail() {
    DnsResult r = resolve(stack(), "loop1.example.test", RecordType.A);
    assertThat(r)
        .isInstanceOfSatisfying(
            DnsResult.ServFail.class,
            f ->
                assertThat(f.detail())
                    .startsWith("CNAME loop: loop1.example.test -> loop2.example.test"));
  }

  /**
   * {@link Limits#CNAME_HOPS} (8) CNAMEs are followed for one question; a ninth is a SERVFAIL, not
   * an endless walk (issue 19: cap−1, cap, cap+1).
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0} hops")
  @org.junit.jupiter.params.provider.ValueSource(ints = {7, 8, 9})
  void cnameChainsAreFollowedUpToTheCap(int hops) {
    for (int i = 0; i < hops; i++)
      server.cname("hop" + i + ".example.test", "hop" + (i + 1) + ".example.test");
    server.a("hop" + hops + ".example.test", "192.0.2.99");
    DnsResult r = resolve(stack(), "hop0.example.test", RecordType.A);
    assertThat(Limits.CNAME_HOPS).isEqualTo(8);
    if (hops <= Limits.CNAME_HOPS) {
      assertThat(r)
          .isInstanceOfSatisfying(
              DnsResult.Records.class,
              rec -> {
                assertThat(rec.cnameChain()).hasSize(hops).startsWith("hop0.example.test");
                assertThat(rec.records()).extracting(DnsRecord::data).containsExactly("192.0.2.99");
              });
    } else {
      assertThat(r)
          .isInstanceOfSatisfying(
              DnsResult.ServFail.class,
              f -> assertThat(f.detail()).isEqualTo("CNAME chain longer than 8 hops"));
    }
  }

  @Test
  void askingForTheCnameItselfDoesNotFollowIt() {
    DnsResult r = resolve(stack(), "www.example.test", RecordType.CNAME);
    assertThat(r.recordsOrEmpty()).extracting(DnsRecord::data).containsExactly("web.example.test.");
  }

  @Test
  void concurrentIdenticalQuestionsShareOneNetworkQuery() {
    server.latency(Duration.ofMillis(100));
    DnsStack s = stack();
    List<CompletableFuture<DnsResult>> futures =
        IntStream.range(0, 25)
            .mapToObj(i -> s.client().query("EXAMPLE.test.", RecordType.MX))
            .toList();
    List<DnsResult> results = futures.stream().map(CompletableFuture::join).toList();
    assertThat(results).allSatisfy(r -> assertThat(r.recordsOrEmpty()).hasSize(2));
    assertThat(server.count("example.test", RecordType.MX)).isEqualTo(1);
    assertThat(s.trace()).filteredOn(TraceEntry::cached).hasSize(24);
  }

  @Test
  void distinctQuestionsRunInParallel() {
    server.latency(Duration.ofMillis(200));
    DnsStack s = stack();
    long start = System.nanoTime();
    List<DnsResult> results =
        s.client()
            .resolveAll(
                IntStream.range(0, 10)
                    .mapToObj(i -> DnsQuestion.of("n" + i + ".example.test", RecordType.A))
                    .toList());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(DnsResult.NxDomain.class));
    assertThat(millis).isLessThan(10 * 200 / 2);
  }

  @Test
  void secondAskIsAnsweredFromTheCacheAndTraced() {
    DnsStack s = stack();
    DnsResult first = resolve(s, "example.test", RecordType.MX);
    DnsResult second = resolve(s, "example.test", RecordType.MX);
    assertThat(second).isEqualTo(first);
    assertThat(server.count("example.test", RecordType.MX)).isEqualTo(1);
    assertThat(s.trace()).hasSize(2);
    TraceEntry hit = s.trace().get(1);
    assertThat(hit.cached()).isTrue();
    assertThat(hit.server()).isEqualTo("cache");
    assertThat(hit.outcome()).isEqualTo("NOERROR");
  }

  @Test
  void traceRecordsServerOutcomeAnswersAndTransport() {
    DnsStack s = stack();
    resolve(s, "example.test", RecordType.MX);
    resolve(s, "nope.example.test", RecordType.A);
    assertThat(s.trace()).hasSize(2);
    TraceEntry e = s.trace().get(0);
    assertThat(e.question()).isEqualTo(DnsQuestion.of("example.test", RecordType.MX));
    assertThat(e.server()).isEqualTo(server.address());
    assertThat(e.outcome()).isEqualTo("NOERROR");
    assertThat(e.answers())
        .containsExactlyInAnyOrder(
            "example.test. 300 MX 10 mx1.example.test.",
            "example.test. 300 MX 20 mx2.example.test.");
    assertThat(e.transport()).isEqualTo("UDP");
    assertThat(e.cached()).isFalse();
    assertThat(e.millis()).isBetween(0L, 2000L);
    assertThat(s.trace().get(1).outcome()).isEqualTo("NXDOMAIN");
  }

  @Test
  void noServerAnsweringAtAllIsReportedAsCouldNotRun() {
    server.drop("*");
    DnsStack s = stack(Duration.ofMillis(100), server);
    assertThat(resolve(s, "example.test", RecordType.MX)).isInstanceOf(DnsResult.Timeout.class);
    assertThat(s.allFailed()).isTrue();
    assertThatThrownBy(s::requireReachable)
        .isInstanceOf(CouldNotRunException.class)
        .hasMessageContaining("no DNS server answered")
        .hasMessageContaining(server.address());
  }

  @Test
  void unreachableResolverFailsFurtherQuestionsAtOnce() {
    server.drop("*");
    DnsStack s = stack(Duration.ofMillis(100), server);
    assertThat(resolve(s, "example.test", RecordType.MX)).isInstanceOf(DnsResult.Timeout.class);
    DnsResult second = resolve(s, "example.test", RecordType.TXT);
    assertThat(second)
        .isInstanceOfSatisfying(
            DnsResult.Timeout.class,
            t -> assertThat(t.detail()).contains("no DNS server has answered this run"));
    assertThat(server.count("example.test", RecordType.TXT)).isZero();
  }

  @Test
  void aResolverThatAnsweredOnceIsStillAskedAfterTimeouts() {
    DnsStack s = stack(Duration.ofMillis(100), server);
    assertThat(resolve(s, "example.test", RecordType.A)).isInstanceOf(DnsResult.Records.class);
    server.drop("*");
    assertThat(resolve(s, "example.test", RecordType.MX)).isInstanceOf(DnsResult.Timeout.class);
    server.clearFaults();
    assertThat(resolve(s, "example.test", RecordType.TXT)).isInstanceOf(DnsResult.Records.class);
  }

  @Test
  void withoutServersTheSystemConfigurationIsUsed() throws Exception {
    try (DnsStack s = DnsStack.open(DnsSettings.of(List.of(), SHORT))) {
      assertThat(s.servers()).isNotEmpty();
    } catch (CouldNotRunException e) {
      assertThat(e).hasMessageContaining("--resolver");
    }
  }

  @Test
  void closedPortIsANetworkErrorAndCountsAsUnreachable() throws Exception {
    int port;
    try (var probe = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    DnsStack s =
        DnsStack.open(
            DnsSettings.of(
                List.of(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port)),
                SHORT));
    stacks.add(s);
    DnsResult r = s.client().resolve("example.test", RecordType.A);
    assertThat(r)
        .isInstanceOfSatisfying(
            DnsResult.Timeout.class,
            t -> assertThat(t.detail()).contains("127.0.0.1:" + port + ": network error"));
    assertThat(s.allFailed()).isTrue();
    assertThat(s.trace()).extracting(TraceEntry::outcome).containsOnly("ERROR");
  }

  @Test
  void aServerThatAnswersEvenWithServfailIsReachable() {
    server.servfail("*");
    DnsStack s = stack();
    resolve(s, "example.test", RecordType.MX);
    assertThat(s.allFailed()).isFalse();
    s.requireReachable();
  }

  @Test
  void recordingReplaysTheSameAnswersWithoutNetwork() throws Exception {
    Path file = tmp.resolve("sub/run.json");
    server.record("bin.example.test. 300 IN TXT \"\\255\\000a\\\"\\\\\" \"two\"");
    server.servfail("broken.example.test", RecordType.TXT);
    List<DnsQuestion> questions =
        List.of(
            DnsQuestion.of("example.test", RecordType.MX),
            DnsQuestion.of("www.example.test", RecordType.A),
            DnsQuestion.of("example.test", RecordType.AAAA),
            DnsQuestion.of("bin.example.test", RecordType.TXT),
            DnsQuestion.of("nullmx.example.test", RecordType.MX),
            DnsQuestion.of("alias.example.test", RecordType.A),
            DnsQuestion.of("mx2.example.test", RecordType.AAAA),
            DnsQuestion.of("broken.example.test", RecordType.TXT),
            DnsQuestion.of("10.2.0.192.in-addr.arpa", RecordType.PTR));
    List<DnsResult> live;
    try (DnsStack rec =
        DnsStack.open(
            new DnsSettings(
                List.of(server.socketAddress()), SHORT, 1, Optional.of(file), Optional.empty()))) {
      live = rec.client().resolveAll(questions);
    }
    assertThat(file).exists();
    server.close();
    List<DnsResult> replayed;
    try (DnsStack replay =
        DnsStack.open(new DnsSettings(List.of(), SHORT, 1, Optional.empty(), Optional.of(file)))) {
      replayed = replay.client().resolveAll(questions);
      assertThat(replay.trace()).allSatisfy(e -> assertThat(e.server()).isIn("replay", "cache"));
    }
    for (int i = 0; i < questions.size(); i++) {
      assertThat(DnsRecording.toJson(replayed.get(i)))
          .as(questions.get(i).toString())
          .isEqualTo(DnsRecording.toJson(live.get(i)));
      assertThat(replayed.get(i).getClass()).isEqualTo(live.get(i).getClass());
    }
    DnsRecord.Txt txt = (DnsRecord.Txt) replayed.get(3).recordsOrEmpty().get(0);
    assertThat(txt.strings().get(0)).containsExactly(0xff, 0, 'a', '"', '\\');
    assertThat(new String(txt.strings().get(1), StandardCharsets.US_ASCII)).isEqualTo("two");
    assertThat(((DnsRecord.Mx) replayed.get(4).recordsOrEmpty().get(0)).exchange()).isEmpty();
    assertThat(((DnsResult.Records) replayed.get(1)).cnameChain())
        .containsExactly("www.example.test", "web.example.test");
  }

  /**
   * Only a stack that answers from a replay file says it answers at once (SPF then skips its
   * prefetch), through its cache, its session caches and a re-recording; a network stack never.
   */
  @Test
  void onlyAReplayStackAnswersAtOnce() throws Exception {
    Path file = tmp.resolve("answers.json");
    Files.writeString(file, "[]");
    try (DnsStack replay =
        DnsStack.open(new DnsSettings(List.of(), SHORT, 1, Optional.empty(), Optional.of(file)))) {
      assertThat(replay.client().answersAtOnce()).isTrue();
      assertThat(replay.session().answersAtOnce()).isTrue();
    }
    try (DnsStack rerecorded =
        DnsStack.open(
            new DnsSettings(
                List.of(), SHORT, 1, Optional.of(tmp.resolve("again.json")), Optional.of(file)))) {
      assertThat(rerecorded.client().answersAtOnce()).isTrue();
    }
    try (DnsStack network =
        DnsStack.open(
            new DnsSettings(
                List.of(server.socketAddress()), SHORT, 1, Optional.empty(), Optional.empty()))) {
      assertThat(network.client().answersAtOnce()).isFalse();
      assertThat(network.session().answersAtOnce()).isFalse();
    }
  }

  @Test
  void replayAnswersAnUnknownQuestionWithATimeout() throws Exception {
    Path file = tmp.resolve("empty.json");
    Files.writeString(file, "[]");
    try (DnsStack replay =
        DnsStack.open(new DnsSettings(List.of(), SHORT, 1, Optional.empty(), Optional.of(file)))) {
      DnsResult r = replay.client().resolve("example.test", RecordType.MX);
      assertThat(r)
          .isInstanceOfSatisfying(
              DnsResult.Timeout.class, t -> assertThat(t.detail()).isEqualTo("not in replay file"));
      assertThat(replay.allFailed()).isFalse();
      assertThat(replay.servers()).isEmpty();
    }
    assertThat(server.queries()).isEmpty();
  }

  @Test
  void malformedOrMissingReplayFileIsAOneLineInputError() throws Exception {
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\"not\": \"a list\"");
    Path wrongType = tmp.resolve("type.json");
    Files.writeString(
        wrongType, "[{\"name\":\"a.test\",\"type\":\"BOGUS\",\"outcome\":\"NXDOMAIN\"}]");
    Path badTxt = tmp.resolve("txt.json");
    Files.writeString(
        badTxt,
        "[{\"name\":\"a.test\",\"type\":\"TXT\",\"outcome\":\"NOERROR\",\"records\":[{\"name\":\"a.test\",\"type\":\"TXT\",\"ttl\":1,\"data\":\"unquoted\"}]}]");
    for (Path p : List.of(bad, wrongType, badTxt, tmp.resolve("missing.json"))) {
      assertThatThrownBy(
              () ->
                  DnsStack.open(
                      new DnsSettings(List.of(), SHORT, 1, Optional.empty(), Optional.of(p))))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("cannot use DNS replay file " + p + ": ")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }
}
