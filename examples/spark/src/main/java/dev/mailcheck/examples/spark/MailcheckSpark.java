package dev.mailcheck.examples.spark;

import dev.mailcheck.dns.DnsSettings;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.render.JsonRenderer;
import dev.mailcheck.scan.BatchRun;
import dev.mailcheck.scan.DomainScanner;
import java.io.BufferedWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Checks a domain list on Spark: one {@link DomainScanner} (resolver, caches, SMTP sessions) per
 * partition, at most {@code qps} queries a second from each partition to each resolver, and one
 * NDJSON report line per domain written to the output folder.
 *
 * <pre>
 *   spark-submit --master 'local[4]' mailcheck-spark-example.jar domains.txt out/ 127.0.0.1:53 100
 * </pre>
 *
 * The global rate against a resolver is partitions running at once × qps: choose qps as the
 * resolver's budget divided by the executors' cores (docs/scale.md).
 */
public final class MailcheckSpark {
  public static void main(String[] args) throws Exception {
    String input = args[0];
    String output = args[1];
    String[] hp = args[2].split(":");
    InetSocketAddress resolver = new InetSocketAddress(hp[0], Integer.parseInt(hp[1]));
    int qps = Integer.parseInt(args[3]);
    try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setAppName("mailcheck"))) {
      boolean distributed = input.contains("://");
      JavaRDD<String> domains =
          (distributed
                  ? sc.textFile(input)
                  : sc.parallelize(Files.readAllLines(Path.of(input)), sc.defaultParallelism()))
              .filter(l -> !l.isBlank() && !l.startsWith("#"));
      JavaRDD<String> lines = domains.mapPartitions(part -> check(part, resolver, qps));
      if (distributed) {
        lines.saveAsTextFile(output);
      } else {
        // A local list (local mode, one machine): read and written by the driver without Hadoop's
        // file system, which needs Subject.getSubject (gone in Java 23+) on this Spark's Hadoop.
        try (BufferedWriter w = Files.newBufferedWriter(Path.of(output))) {
          Iterator<String> it = lines.toLocalIterator();
          while (it.hasNext()) {
            w.write(it.next());
            w.newLine();
          }
        }
      }
    }
  }

  /** One partition: its own scanner, its domains in order, 64 at a time. */
  static Iterator<String> check(Iterator<String> part, InetSocketAddress resolver, int qps)
      throws Exception {
    DomainScanner.Settings settings =
        DomainScanner.Settings.dnsOnly(DnsSettings.of(List.of(resolver), Duration.ofSeconds(5)), qps);
    JsonRenderer json = new JsonRenderer("spark-example", false);
    List<String> out = new ArrayList<>();
    try (DomainScanner scanner = DomainScanner.open(settings)) {
      new BatchRun(scanner::check, BatchRun.Limits.of(64, true), BatchRun.Listener.NONE)
          .run(
              part,
              new BatchRun.Sink() {
                @Override
                public void report(Report r) throws java.io.IOException {
                  StringWriter w = new StringWriter();
                  json.renderLine(r, w);
                  out.add(w.toString().stripTrailing());
                }

                @Override
                public void end(dev.mailcheck.report.BatchSummary s) {}
              });
    }
    return out.iterator();
  }
}
