package dev.mailcheck.checks.postfix.log;

import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.view.PostfixLogView;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Streams every source through a {@link LogAggregator}: files in time order (by their first
 * timestamp, so {@code mail.log.2.gz mail.log.1 mail.log} in any order on the command line is read
 * oldest first), gzip recognised by its magic bytes, lines capped in length. Memory does not grow
 * with the input. A file that breaks off (a truncated .gz) is reported and the rest still counted.
 */
final class LogReader {
  private LogReader() {}

  static PostfixLogView read(PostfixLogCheck.Query q, LogAggregator.Limits limits, Clock clock) {
    LogAggregator agg = new LogAggregator(limits, q.since(), q.until(), q.domain());
    List<String> problems = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (LogSource s : ordered(q.sources(), q.zone(), clock)) {
      names.add(s.name());
      SyslogLine line = syslogLine(s, q.zone(), clock);
      try (InputStream in = open(s);
          BoundedLineReader r = new BoundedLineReader(in)) {
        try {
          String text;
          while ((text = r.next()) != null) {
            agg.lines++;
            if (r.overlong()) agg.overlong++;
            if (r.binary()) {
              agg.binary++;
              continue;
            }
            if (line.parse(text)) agg.accept(line);
            else agg.unparsed++;
          }
        } catch (IOException e) {
          problems.add(s.name() + ": stopped after " + r.bytesRead() + " bytes: " + message(e));
        } finally {
          agg.bytes += r.bytesRead();
        }
      } catch (NoSuchFileException e) {
        throw new InputException(s.name() + ": no such file");
      } catch (IOException e) {
        throw new InputException(s.name() + ": cannot read: " + message(e));
      }
    }
    return agg.snapshot(names, problems);
  }

  private static String message(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  static InputStream open(LogSource s) throws IOException {
    InputStream raw =
        switch (s) {
          case LogSource.File f -> Files.newInputStream(f.path());
          case LogSource.Stream st -> st.open().get();
        };
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) return new GZIPInputStream(in, 1 << 16);
    return in;
  }

  /**
   * The parser for a source: RFC 3164 lines have no year, so the year is taken from the file's
   * modification date (the newest line it can hold), or today for a stream.
   */
  private static SyslogLine syslogLine(LogSource s, ZoneId zone, Clock clock) {
    LocalDate ref = LocalDate.now(clock.withZone(zone));
    if (s instanceof LogSource.File f) {
      try {
        ref = LocalDate.ofInstant(Files.getLastModifiedTime(f.path()).toInstant(), zone);
      } catch (IOException e) {
        // keep today: the read below reports the file
      }
    }
    return new SyslogLine(zone, ref.getYear(), ref.getMonthValue());
  }

  /** Files by their first timestamp (unreadable or timeless ones keep their place at the end). */
  static List<LogSource> ordered(List<LogSource> sources, ZoneId zone, Clock clock) {
    record Keyed(LogSource source, long first, int index) {}
    List<Keyed> keyed = new ArrayList<>();
    List<LogSource> streams = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      LogSource s = sources.get(i);
      if (s instanceof LogSource.Stream) streams.add(s);
      else keyed.add(new Keyed(s, firstTime(s, zone, clock), i));
    }
    keyed.sort(Comparator.comparingLong(Keyed::first).thenComparingInt(Keyed::index));
    List<LogSource> out = new ArrayList<>();
    keyed.forEach(k -> out.add(k.source()));
    out.addAll(streams);
    return out;
  }

  private static long firstTime(LogSource s, ZoneId zone, Clock clock) {
    SyslogLine line = syslogLine(s, zone, clock);
    try (InputStream in = open(s);
        BoundedLineReader r = new BoundedLineReader(in)) {
      String text;
      for (int i = 0; i < 1000 && (text = r.next()) != null; i++) {
        if (line.parse(text)) return line.epochSecond;
      }
    } catch (IOException | RuntimeException e) {
      // unreadable here: the read reports it
    }
    return Long.MAX_VALUE;
  }
}
