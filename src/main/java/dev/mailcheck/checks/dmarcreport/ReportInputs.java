package dev.mailcheck.checks.dmarcreport;

import dev.mailcheck.checks.Limits;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Opens every input the way it arrives: a directory (walked), an XML report, a gzip or zip of one,
 * or an e-mail message or mbox carrying them as attachments. What a file is comes from its first
 * bytes, not its name. Every decompression is bounded ({@link ReportLimits}); a zip with too many
 * entries, a bomb, or a file that is none of these is skipped with a one-line reason.
 */
final class ReportInputs {
  private final ReportLimits limits;
  private final ReportAggregator sink;
  private final List<DmarcReportFacts.InputNote> notes = new ArrayList<>();
  private int files;

  ReportInputs(ReportLimits limits, ReportAggregator sink) {
    this.limits = limits;
    this.sink = sink;
  }

  List<DmarcReportFacts.InputNote> notes() {
    return List.copyOf(notes);
  }

  /** A file or a directory (walked in name order, hidden files skipped). */
  void readPath(Path p) {
    if (Files.isDirectory(p)) {
      List<Path> all;
      try (Stream<Path> walk = Files.walk(p, 8)) {
        all =
            walk.filter(Files::isRegularFile)
                .filter(f -> !f.getFileName().toString().startsWith("."))
                .sorted()
                .limit(limits.maxFiles() + 1L)
                .toList();
      } catch (IOException | java.io.UncheckedIOException e) {
        skip(p.toString(), "could not list the directory: " + e.getMessage());
        return;
      }
      for (Path f : all) readFile(f);
      return;
    }
    readFile(p);
  }

  private void readFile(Path f) {
    if (++files > limits.maxFiles()) {
      if (files == limits.maxFiles() + 1)
        skip(f.toString(), "more than " + limits.maxFiles() + " files; the rest were not read");
      return;
    }
    try (InputStream in = Files.newInputStream(f)) {
      read(f.toString(), in, 0);
    } catch (IOException e) {
      skip(f.toString(), "could not be read: " + reason(e));
    }
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
    if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
    return String.valueOf(e.getMessage());
  }

  /** One input, whatever it is, judged by its first bytes. */
  void read(String origin, InputStream raw, int depth) throws IOException {
    if (depth > Limits.REPORT_CONTAINER_NESTING) {
      skip(
          origin,
          "refused: containers nested more than " + Limits.REPORT_CONTAINER_NESTING + " deep");
      return;
    }
    BufferedInputStream in = new BufferedInputStream(raw, 8192);
    in.mark(512);
    byte[] head = in.readNBytes(512);
    in.reset();
    switch (kind(head)) {
      case EMPTY -> skip(origin, "empty");
      case GZIP -> gzip(origin, in, depth);
      case ZIP -> zip(origin, in, depth);
      case XML -> xml(origin, in);
      case MBOX -> mail(origin, in, true, depth);
      case MAIL -> mail(origin, in, false, depth);
      case OTHER -> skip(origin, "not a report: neither XML, gzip, zip nor an e-mail message");
    }
  }

  enum Kind {
    EMPTY,
    GZIP,
    ZIP,
    XML,
    MBOX,
    MAIL,
    OTHER
  }

  static Kind kind(byte[] h) {
    if (h.length == 0) return Kind.EMPTY;
    if (h.length >= 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b) return Kind.GZIP;
    if (h.length >= 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4) return Kind.ZIP;
    if (h.length >= 2
        && ((h[0] & 0xff) == 0xfe && (h[1] & 0xff) == 0xff
            || (h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xfe)) return Kind.XML; // UTF-16 BOM
    int i = 0;
    if (h.length >= 3 && (h[0] & 0xff) == 0xef && (h[1] & 0xff) == 0xbb && (h[2] & 0xff) == 0xbf)
      i = 3;
    while (i < h.length && (h[i] == ' ' || h[i] == '\t' || h[i] == '\r' || h[i] == '\n')) i++;
    if (i == h.length) return Kind.EMPTY;
    if (h[i] == '<') return Kind.XML;
    if (startsWith(h, i, "From ")) return Kind.MBOX;
    // An RFC 5322 header field: printable ASCII but ':' up to a ':'.
    int j = i;
    while (j < h.length && h[j] > 32 && h[j] < 127 && h[j] != ':') j++;
    if (j > i && j < h.length && h[j] == ':') return Kind.MAIL;
    return Kind.OTHER;
  }

  private static boolean startsWith(byte[] h, int at, String s) {
    if (h.length - at < s.length()) return false;
    for (int k = 0; k < s.length(); k++) if (h[at + k] != s.charAt(k)) return false;
    return true;
  }

  private void gzip(String origin, InputStream in, int depth) throws IOException {
    try {
      InputStream z =
          new LimitedInputStream(
              new GZIPInputStream(in, 8192), limits.maxXmlBytes(), "the gzip data");
      read(origin, z, depth + 1);
    } catch (ZipException | java.io.EOFException e) {
      skip(origin, "a broken gzip file: " + e.getMessage());
    } catch (LimitedInputStream.LimitExceeded e) {
      skip(origin, "refused: " + e.getMessage());
    }
  }

  private void zip(String origin, InputStream in, int depth) throws IOException {
    long budget = limits.maxXmlBytes();
    int entries = 0;
    try (ZipInputStream z = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        if (++entries > limits.maxZipEntries()) {
          skip(
              origin,
              "refused: more than " + limits.maxZipEntries() + " entries (the rest not read)");
          return;
        }
        if (e.isDirectory()) continue;
        String name = origin + "!" + e.getName().replaceAll("\\p{Cntrl}", "?");
        CountingLimited entry = new CountingLimited(z, budget, "the zip archive");
        try {
          read(name, entry, depth + 1);
        } catch (LimitedInputStream.LimitExceeded x) {
          skip(name, "refused: " + x.getMessage());
          return;
        }
        budget -= entry.count;
        if (budget <= 0) {
          skip(
              origin,
              "refused: the archive grows past " + LimitedInputStream.human(limits.maxXmlBytes()));
          return;
        }
      }
      if (entries == 0) skip(origin, "an empty zip archive");
    } catch (ZipException e) {
      skip(origin, "a broken zip archive: " + e.getMessage());
    }
  }

  private void xml(String origin, InputStream in) {
    ParseOutcome o = AggregateReportParser.parse(in, sink);
    switch (o) {
      case ParseOutcome.Skipped s -> skip(origin, s.reason());
      case ParseOutcome.Read r ->
          notes.add(
              new DmarcReportFacts.InputNote(
                  origin, true, r.duplicate() ? "duplicate" : "", r.problems()));
    }
  }

  private void mail(String origin, InputStream in, boolean mbox, int depth) throws IOException {
    int[] failures = {0};
    int found =
        MimeWalker.walk(
            in,
            mbox,
            limits.maxAttachmentBytes(),
            new MimeWalker.Sink() {
              @Override
              public void attachment(String name, byte[] decoded) {
                try {
                  read(origin + "#" + name, new ByteArrayInputStream(decoded), depth + 1);
                } catch (IOException e) {
                  failures[0]++;
                  skip(origin + "#" + name, "could not be read: " + e.getMessage());
                }
              }

              @Override
              public void skipped(String name, String reason) {
                skip(origin + "#" + name, reason);
              }
            });
    if (found == 0)
      skip(origin, "an e-mail message without a report attachment (gzip, zip or XML)");
  }

  private void skip(String origin, String reason) {
    notes.add(new DmarcReportFacts.InputNote(origin, false, reason, List.of()));
  }

  /**
   * A zip entry's stream, bounded by what is left of the archive's budget; never closes the zip.
   */
  private static final class CountingLimited extends FilterInputStream {
    private final long max;
    private final String what;
    long count;

    CountingLimited(InputStream in, long max, String what) {
      super(in);
      this.max = max;
      this.what = what;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) add(1);
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) add(n);
      return n;
    }

    private void add(int n) throws IOException {
      count += n;
      if (count > max)
        throw new LimitedInputStream.LimitExceeded(
            what + " grows past its bound (a decompression bomb?)");
    }

    @Override
    public void close() {
      // the next entry follows in the same stream
    }
  }
}
