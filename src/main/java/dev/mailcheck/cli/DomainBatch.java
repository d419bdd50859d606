package dev.mailcheck.cli;

import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.domain.DomainCheck;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.BatchSummary;
import dev.mailcheck.report.ExitCode;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.render.BatchRenderer;
import dev.mailcheck.report.render.BatchSummaryText;
import dev.mailcheck.report.render.CsvBatchRenderer;
import dev.mailcheck.report.render.JsonBatchRenderer;
import dev.mailcheck.report.render.JsonRenderer;
import dev.mailcheck.report.render.NdjsonBatchRenderer;
import dev.mailcheck.report.render.TextBatchRenderer;
import dev.mailcheck.scan.BatchRun;
import dev.mailcheck.scan.DomainScanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A many-domain {@code mailcheck domain} run: the domains through a {@link DomainScanner} with
 * bounded work ({@link BatchRun}), each report written as it finishes in the chosen format, the
 * summary at the end (on stderr for NDJSON and CSV, unless {@code --quiet}), a progress bar on
 * stderr when it is a terminal, and Ctrl-C writing what is done.
 *
 * <p>Exit codes: 0 when no domain has a finding at or above {@code --fail-on}; 1 when one has, or a
 * domain could not be checked; 3 when no resolver answered a single query.
 */
final class DomainBatch {
  /** How long Ctrl-C waits for the finished reports and the summary to be written. */
  static final Duration INTERRUPT_GRACE = Duration.ofSeconds(5);

  record Options(
      int concurrency,
      int qps,
      boolean ordered,
      boolean quiet,
      boolean progress,
      OptionalLong total,
      int connectionsPerAddress) {}

  private final RunContext ctx;
  private final PrintWriter out;
  private final PrintWriter err;

  /** {@code --expect}, or null. */
  private final ExpectOption expect;

  DomainBatch(RunContext ctx, PrintWriter out, PrintWriter err, ExpectOption expect) {
    this.expect = expect;
    this.ctx = ctx;
    this.out = out;
    this.err = err;
  }

  int run(Iterator<String> domains, CheckSettings settings, DomainCheck.Options template, Options o)
      throws Exception {
    BatchRenderer renderer = renderer();
    DomainScanner.Settings s =
        new DomainScanner.Settings(
            ctx.dns(), o.qps(), settings, template, o.connectionsPerAddress());
    AtomicLong failing = new AtomicLong();
    try (DomainScanner scanner = DomainScanner.open(s);
        ProgressBar bar = o.progress() ? ProgressBar.start(err, o.total()) : null) {
      BatchRun run =
          new BatchRun(
              expect == null ? scanner::check : d -> scanner.check(d).thenApply(expect::apply),
              BatchRun.Limits.of(o.concurrency(), o.ordered()),
              bar == null ? BatchRun.Listener.NONE : bar);
      BatchRun.Sink sink =
          new BatchRun.Sink() {
            @Override
            public void report(Report r) throws IOException {
              boolean fails =
                  expect == null
                      ? r.incomplete() || r.status().atLeast(ctx.failOn())
                      : expect.fails(r, ctx.failOn());
              if (fails) failing.incrementAndGet();
              renderer.report(r, out);
              out.flush();
              if (out.checkError()) throw new IOException("cannot write the output");
            }

            @Override
            public void end(BatchSummary summary) throws IOException {
              if (bar != null) bar.close();
              renderer.end(summary, out);
              out.flush();
              if (!renderer.carriesSummary() && !o.quiet()) {
                for (String l : BatchSummaryText.lines(summary)) err.println(l);
                err.flush();
              }
            }
          };
      Thread hook =
          new Thread(
              () -> {
                run.interrupt();
                try {
                  run.awaitFinished(INTERRUPT_GRACE);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "mailcheck-interrupt");
      boolean hooked = addHook(hook);
      renderer.begin(out);
      BatchSummary summary;
      try {
        summary = run.run(domains, sink);
      } catch (IOException e) {
        throw new dev.mailcheck.internal.CouldNotRunException(e.getMessage());
      } finally {
        if (hooked) removeHook(hook);
      }
      if (summary.read() > 0 && scanner.resolverUnreachable()) {
        err.println(
            "mailcheck: no DNS server answered (asked "
                + String.join(", ", scanner.resolvers())
                + "); check --resolver and the network");
        err.flush();
        return ExitCode.COULD_NOT_RUN;
      }
    }
    return failing.get() > 0 ? ExitCode.FINDINGS : ExitCode.OK;
  }

  private BatchRenderer renderer() {
    JsonRenderer json = new JsonRenderer(BuildVersion.current(), false);
    return switch (ctx.format()) {
      case ndjson -> new NdjsonBatchRenderer(json);
      case json -> new JsonBatchRenderer(json);
      case csv -> new CsvBatchRenderer();
      case text -> new TextBatchRenderer();
      case junit ->
          expect == null
              ? new dev.mailcheck.report.render.JunitRenderer(ctx.failOn())
              : expect.junit(ctx.failOn());
      case sarif -> new dev.mailcheck.report.render.SarifRenderer(BuildVersion.current());
      case html ->
          throw new dev.mailcheck.internal.InputException(
              "--format html writes one report; give one DOMAIN (or use --format json)");
    };
  }

  private static boolean addHook(Thread hook) {
    try {
      Runtime.getRuntime().addShutdownHook(hook);
      return true;
    } catch (IllegalStateException | SecurityException e) {
      return false;
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException | SecurityException e) {
      // shutting down: the hook is running
    }
  }

  static void requirePositive(String option, int value) {
    if (value < 1) throw new InputException(option + " must be at least 1, not " + value);
  }
}
