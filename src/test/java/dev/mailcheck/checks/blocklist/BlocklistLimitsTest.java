package dev.mailcheck.checks.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.Limits;
import dev.mailcheck.dns.DnsClient;
import dev.mailcheck.dns.DnsQuestion;
import dev.mailcheck.dns.DnsResult;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.testing.TestChecks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The blocklist caps at cap−1, cap and cap+1 (issue 19): the size of a lists file ({@link
 * Limits#BLOCKLIST_CATALOG_BYTES}) and the queries outstanding at once ({@link
 * Limits#BLOCKLIST_QUERIES_IN_FLIGHT}).
 */
class BlocklistLimitsTest {

  @ParameterizedTest(name = "{0} bytes over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void listsFileSize(int delta) throws IOException {
    String json;
    try (InputStream in = BlocklistCatalog.class.getResourceAsStream("blocklists.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    int size = Limits.BLOCKLIST_CATALOG_BYTES + delta;
    String padded = json + " ".repeat(size - json.length());
    if (delta <= 0) {
      assertThat(BlocklistCatalog.parse(padded, "f.json"))
          .isEqualTo(BlocklistCatalog.parse(json, "f.json"))
          .isNotEmpty();
    } else {
      assertThatThrownBy(() -> BlocklistCatalog.parse(padded, "f.json"))
          .isInstanceOf(InputException.class)
          .hasMessage("f.json: larger than 1 MB");
    }
  }

  /**
   * Holds every query until {@code expected} are outstanding, then answers them all (and every
   * later one at once); remembers the most that were outstanding when a query arrived.
   */
  private static final class HoldingDns implements DnsClient {
    private final CountDownLatch reached;
    private final List<CompletableFuture<DnsResult>> held = new ArrayList<>();
    private final List<DnsQuestion> heldQuestions = new ArrayList<>();
    private int arrived, answered, mostOutstanding;
    private boolean answering;

    HoldingDns(int expected) {
      reached = new CountDownLatch(expected);
    }

    @Override
    public CompletableFuture<DnsResult> query(DnsQuestion q) {
      synchronized (this) {
        arrived++;
        mostOutstanding = Math.max(mostOutstanding, arrived - answered);
        if (answering) {
          answered++;
          return CompletableFuture.completedFuture(new DnsResult.NxDomain(q, List.of()));
        }
        CompletableFuture<DnsResult> f = new CompletableFuture<>();
        held.add(f);
        heldQuestions.add(q);
        reached.countDown();
        return f;
      }
    }

    void answerAll() throws InterruptedException {
      assertThat(reached.await(20, TimeUnit.SECONDS)).as("queries reached").isTrue();
      List<CompletableFuture<DnsResult>> now;
      List<DnsQuestion> questions;
      synchronized (this) {
        answering = true;
        answered += held.size();
        now = List.copyOf(held);
        questions = List.copyOf(heldQuestions);
      }
      for (int i = 0; i < now.size(); i++)
        now.get(i).complete(new DnsResult.NxDomain(questions.get(i), List.of()));
    }

    synchronized int mostOutstanding() {
      return mostOutstanding;
    }

    synchronized int arrived() {
      return arrived;
    }
  }

  @ParameterizedTest(name = "{0} lookups over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void queriesInFlight(int delta) throws Exception {
    int n = Limits.BLOCKLIST_QUERIES_IN_FLIGHT + delta;
    List<Blocklist> lists = new ArrayList<>();
    for (int i = 1; i <= n; i++) lists.add(Blocklist.custom("l" + i, "l" + i + ".test"));
    int cap = Math.min(n, Limits.BLOCKLIST_QUERIES_IN_FLIGHT);
    HoldingDns dns = new HoldingDns(cap);
    var run =
        CompletableFuture.supplyAsync(
            () ->
                TestChecks.run(
                    Checks.BLOCKLIST,
                    new BlocklistCheck.Query(List.of(BlocklistCheckTest.ip("192.0.2.1")), lists),
                    dns,
                    CheckSettings.defaults().withAllowPrivate(true)));
    dns.answerAll();
    var result = run.get(20, TimeUnit.SECONDS);
    assertThat(result.facts().lookups()).hasSize(n);
    assertThat(dns.arrived()).isEqualTo(n);
    assertThat(dns.mostOutstanding()).isEqualTo(cap);
  }
}
