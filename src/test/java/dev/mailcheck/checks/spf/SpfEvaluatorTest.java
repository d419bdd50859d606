package dev.mailcheck.checks.spf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.dns.RecordType;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SpfEvaluatorTest {
  static SpfEvaluation eval(DnsClient dns, String ip, String domain) {
    try {
      return new SpfEvaluator(dns, SpfOptions.defaults())
          .checkHost(InetAddress.getByName(ip), domain, "postmaster@" + domain, domain);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void includedRangePassesAndOthersFail() {
    FakeDns dns =
        new FakeDns()
            .txt("example.com", "v=spf1 include:_spf.example.net -all")
            .txt("_spf.example.net", "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 ~all");
    assertThat(eval(dns, "192.0.2.77", "example.com").result()).isEqualTo(SpfResult.PASS);
    assertThat(eval(dns, "2001:db8::5", "example.com").result()).isEqualTo(SpfResult.PASS);
    SpfEvaluation fail = eval(dns, "198.51.100.1", "example.com");
    assertThat(fail.result()).isEqualTo(SpfResult.FAIL);
    assertThat(fail.matchedTerm()).contains("-all");
    assertThat(fail.lookups()).isEqualTo(1);
  }

  @Test
  void timeoutIsTemperrorNeverNone() {
    FakeDns dns = new FakeDns().timeout("example.com", RecordType.TXT);
    assertThat(eval(dns, "192.0.2.1", "example.com").result()).isEqualTo(SpfResult.TEMPERROR);
    FakeDns inner =
        new FakeDns()
            .txt("example.com", "v=spf1 include:broken.example -all")
            .servfail("broken.example", RecordType.TXT);
    assertThat(eval(inner, "192.0.2.1", "example.com").result()).isEqualTo(SpfResult.TEMPERROR);
    FakeDns a =
        new FakeDns()
            .txt("example.com", "v=spf1 a:h.example.com -all")
            .timeout("h.example.com", RecordType.A);
    assertThat(eval(a, "192.0.2.1", "example.com").result()).isEqualTo(SpfResult.TEMPERROR);
  }

  @Test
  void noRecordIsNoneAndIncludeOfNoRecordIsPermerror() {
    assertThat(eval(new FakeDns(), "192.0.2.1", "example.com").result()).isEqualTo(SpfResult.NONE);
    FakeDns dns = new FakeDns().txt("example.com", "v=spf1 include:gone.example -all");
    SpfEvaluation e = eval(dns, "192.0.2.1", "example.com");
    assertThat(e.result()).isEqualTo(SpfResult.PERMERROR);
    assertThat(e.reason()).contains("gone.example has no SPF record");
  }

  @Test
  void twoRecordsArePermerror() {
    FakeDns dns = new FakeDns().txt("example.com", "v=spf1 -all").txt("example.com", "v=spf1 +all");
    assertThat(eval(dns, "192.0.2.1", "example.com").result()).isEqualTo(SpfResult.PERMERROR);
  }

  @Test
  void tenLookupsAreAllowedTheEleventhIsPermerror() {
    FakeDns ten = new FakeDns().txt("example.com", "v=spf1 " + hosts(10) + " -all");
    FakeDns eleven = new FakeDns().txt("example.com", "v=spf1 " + hosts(11) + " -all");
    for (int i = 1; i <= 11; i++) {
      ten.a("h" + i + ".example.com", "198.51.100." + i);
      eleven.a("h" + i + ".example.com", "198.51.100." + i);
    }
    assertThat(eval(ten, "192.0.2.1", "example.com").result()).isEqualTo(SpfResult.FAIL);
    SpfEvaluation e = eval(eleven, "192.0.2.1", "example.com");
    assertThat(e.result()).isEqualTo(SpfResult.PERMERROR);
    assertThat(e.reason()).contains("a:h11.example.com").contains("more than 10");
  }

  @Test
  void mxCostsOneLookupHoweverManyHosts() {
    FakeDns dns = new FakeDns().txt("example.com", "v=spf1 mx " + hosts(9) + " -all");
    for (int i = 1; i <= 9; i++) {
      dns.mx("example.com", i, "mx" + i + ".example.com")
          .a("mx" + i + ".example.com", "198.51.100." + i)
          .a("h" + i + ".example.com", "198.51.100." + (100 + i));
    }
    SpfEvaluation e = eval(dns, "192.0.2.1", "example.com");
    assertThat(e.result()).isEqualTo(SpfResult.FAIL);
    assertThat(e.lookups()).isEqualTo(10);
    assertThat(eval(dns, "198.51.100.7", "example.com").result()).isEqualTo(SpfResult.PASS);
  }

  @Test
  void moreThanTenMxNamesIsPermerror() {
    FakeDns dns = new FakeDns().txt("example.com", "v=spf1 mx -all");
    for (int i = 1; i <= 11; i++) dns.mx("example.com", i, "mx" + i + ".example.com");
    assertThat(eval(dns, "192.0.2.1", "example.com").result()).isEqualTo(SpfResult.PERMERROR);
  }

  @Test
  void theThirdVoidLookupIsPermerror() {
    FakeDns two = new FakeDns().txt("example.com", "v=spf1 a:x1.example.com a:x2.example.com -all");
    FakeDns three =
        new FakeDns()
            .txt(
                "example.com",
                "v=spf1 a:x1.example.com a:x2.example.com exists:x3.example.com -all");
    assertThat(eval(two, "192.0.2.1", "example.com").result()).isEqualTo(SpfResult.FAIL);
    SpfEvaluation e = eval(three, "192.0.2.1", "example.com");
    assertThat(e.result()).isEqualTo(SpfResult.PERMERROR);
    assertThat(e.voidLookups()).isEqualTo(3);
  }

  @Test
  void explanationIsExpandedForFail() throws Exception {
    FakeDns dns =
        new FakeDns()
            .txt("example.com", "v=spf1 -all exp=why.example.com")
            .txt("why.example.com", "%{i} is not one of %{d}'s designated mail servers.");
    SpfEvaluation e = eval(dns, "192.0.2.1", "example.com");
    assertThat(e.explanation())
        .contains("192.0.2.1 is not one of example.com's designated mail servers.");
  }

  @Test
  void redirectTakesThePolicyAndItsExplanation() {
    FakeDns dns =
        new FakeDns()
            .txt("example.com", "v=spf1 ip4:192.0.2.1 redirect=_spf.example.net exp=no.example.com")
            .txt("_spf.example.net", "v=spf1 -all exp=why.example.net")
            .txt("why.example.net", "from the redirect target");
    assertThat(eval(dns, "192.0.2.1", "example.com").result()).isEqualTo(SpfResult.PASS);
    SpfEvaluation e = eval(dns, "192.0.2.9", "example.com");
    assertThat(e.result()).isEqualTo(SpfResult.FAIL);
    assertThat(e.explanation()).contains("from the redirect target");
  }

  @Test
  void redirectLoopEndsAtTheLookupLimit() {
    FakeDns dns =
        new FakeDns()
            .txt("a.example.com", "v=spf1 redirect=b.example.com")
            .txt("b.example.com", "v=spf1 redirect=a.example.com");
    assertThat(eval(dns, "192.0.2.1", "a.example.com").result()).isEqualTo(SpfResult.PERMERROR);
  }

  @Test
  void cidrOnAAndMx() {
    FakeDns dns =
        new FakeDns()
            .txt("example.com", "v=spf1 a:h.example.com/24 -all")
            .a("h.example.com", "192.0.2.200");
    assertThat(eval(dns, "192.0.2.1", "example.com").result()).isEqualTo(SpfResult.PASS);
    assertThat(eval(dns, "192.0.3.1", "example.com").result()).isEqualTo(SpfResult.FAIL);
  }

  /**
   * The evaluation asks for the records of every include of a record at once, and for the includes
   * inside those as soon as they arrive: one round trip per level of the tree. The prefetch and the
   * evaluation ask the same questions; the run's resolver coalesces them (here: {@link
   * #coalescing}), so each is sent once.
   */
  @Test
  void prefetchesEachLevelOfTheIncludeTreeAtOnce() throws Exception {
    HeldDns dns = new HeldDns();
    dns.zone
        .txt("example.com", "v=spf1 include:a.example include:b.example include:c.example -all")
        .txt("a.example", "v=spf1 include:a2.example -all")
        .txt("b.example", "v=spf1 include:b2.example -all")
        .txt("c.example", "v=spf1 include:c2.example -all")
        .txt("a2.example", "v=spf1 ip4:198.51.100.1 -all")
        .txt("b2.example", "v=spf1 ip4:198.51.100.2 -all")
        .txt("c2.example", "v=spf1 ip4:192.0.2.9 -all");
    DnsClient client = coalescing(dns);
    var result = CompletableFuture.supplyAsync(() -> eval(client, "192.0.2.9", "example.com"));
    dns.awaitAsked(1);
    dns.releaseAll(); // round trip 1: the root
    dns.awaitAsked(4);
    assertThat(dns.pendingNames()).containsExactlyInAnyOrder("a.example", "b.example", "c.example");
    dns.releaseAll(); // round trip 2: all three includes
    dns.awaitAsked(7);
    assertThat(dns.pendingNames())
        .containsExactlyInAnyOrder("a2.example", "b2.example", "c2.example");
    dns.releaseAll(); // round trip 3
    SpfEvaluation e = result.get(5, TimeUnit.SECONDS);
    assertThat(e.result()).isEqualTo(SpfResult.PASS);
    assertThat(e.lookups()).isEqualTo(6);
  }

  /** The in-flight coalescing of the run's resolver (DnsStack's cache); HeldDns has none. */
  static DnsClient coalescing(DnsClient inner) {
    Map<DnsQuestion, CompletableFuture<DnsResult>> sent = new ConcurrentHashMap<>();
    return q -> sent.computeIfAbsent(q, inner::query);
  }

  /** Holds every answer until the test releases it. */
  static final class HeldDns implements DnsClient {
    final FakeDns zone = new FakeDns();
    final List<DnsQuestion> asked = new CopyOnWriteArrayList<>();
    final Map<DnsQuestion, CompletableFuture<DnsResult>> pending = new ConcurrentHashMap<>();

    @Override
    public synchronized CompletableFuture<DnsResult> query(DnsQuestion q) {
      asked.add(q);
      CompletableFuture<DnsResult> f = new CompletableFuture<>();
      pending.put(q, f);
      notifyAll();
      return f;
    }

    synchronized void awaitAsked(int n) throws InterruptedException {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (asked.size() < n) {
        long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
        if (left <= 0) throw new AssertionError("only " + asked + " asked");
        wait(left);
      }
    }

    List<String> pendingNames() {
      return pending.keySet().stream().map(DnsQuestion::name).toList();
    }

    void releaseAll() {
      List<Map.Entry<DnsQuestion, CompletableFuture<DnsResult>>> now =
          List.copyOf(pending.entrySet());
      now.forEach(e -> pending.remove(e.getKey()));
      now.forEach(e -> e.getValue().complete(zone.query(e.getKey()).join()));
    }
  }

  private static String hosts(int n) {
    return String.join(
        " ", IntStream.rangeClosed(1, n).mapToObj(i -> "a:h" + i + ".example.com").toList());
  }
}
