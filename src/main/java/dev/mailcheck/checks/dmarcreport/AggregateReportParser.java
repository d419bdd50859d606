package dev.mailcheck.checks.dmarcreport;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.internal.InetAddresses;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams one aggregate report (RFC 7489 Appendix C, RFC 9990) with StAX: records go to the sink
 * one by one, so a report of a million records needs no more memory than one of ten.
 *
 * <p>Hostile input: DTDs are not supported and a DOCTYPE is refused outright (no entity expansion,
 * so no billion laughs; no external entities, so no XXE). Tolerant of what reporters send: a byte
 * order mark or blank lines before the XML declaration, any or no namespace, element names in any
 * case, whitespace around values, missing optional elements, dates as epoch seconds or ISO 8601.
 * What it cannot read is named in {@link ParseOutcome.Read#problems}; a malformed tail after some
 * records keeps the records read before it.
 *
 * <p>Over the ~300-line guide on purpose: one streaming state machine over the report's elements
 * (metadata, policy, records with their rows, identifiers and auth results), whose states share the
 * record being built.
 */
final class AggregateReportParser {
  private static final XMLInputFactory FACTORY = factory();

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  private final List<String> problems = new ArrayList<>();
  private int moreProblems;

  static ParseOutcome parse(InputStream in, ReportSink sink) {
    return new AggregateReportParser().run(in, sink);
  }

  private ParseOutcome run(InputStream raw, ReportSink sink) {
    Builder b = new Builder(sink);
    XMLStreamReader r = null;
    try {
      r = FACTORY.createXMLStreamReader(skipLeadingWhitespace(raw));
      List<String> path = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      while (r.hasNext()) {
        int event = r.next();
        switch (event) {
          case XMLStreamConstants.DTD ->
              throw new Refused(
                  "refused: the XML has a DOCTYPE (DTDs and entities are not allowed)");
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw new Refused(
                  "refused: the XML uses an entity reference (&" + r.getLocalName() + ";)");
          case XMLStreamConstants.START_ELEMENT -> {
            String name = name(r.getLocalName());
            if (path.isEmpty() && !name.equals("feedback"))
              return new ParseOutcome.Skipped(
                  "not a DMARC aggregate report (the root element is <" + r.getLocalName() + ">)");
            path.add(name);
            text.setLength(0);
            b.start(path);
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (text.length() < Limits.REPORT_ELEMENT_TEXT)
              text.append(
                  r.getText(),
                  0,
                  Math.min(r.getTextLength(), Limits.REPORT_ELEMENT_TEXT - text.length()));
          }
          case XMLStreamConstants.END_ELEMENT -> {
            b.end(path, text.toString().strip());
            path.remove(path.size() - 1);
            text.setLength(0);
          }
          default -> {}
        }
      }
    } catch (Refused e) {
      return new ParseOutcome.Skipped(e.getMessage());
    } catch (XMLStreamException e) {
      LimitedInputStream.LimitExceeded bomb = bound(e);
      if (bomb != null) {
        if (b.records == 0 && !b.begun)
          return new ParseOutcome.Skipped("refused: " + bomb.getMessage());
        problem("refused the rest: " + bomb.getMessage());
        return finish(b);
      }
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
      if (b.records == 0 && !b.begun)
        return new ParseOutcome.Skipped("not readable XML" + where + ": " + firstLine(e));
      problem("the XML breaks off" + where + " (" + firstLine(e) + "); later records not read");
    } catch (LimitedInputStream.LimitExceeded e) {
      if (b.records == 0 && !b.begun) return new ParseOutcome.Skipped("refused: " + e.getMessage());
      problem("refused the rest: " + e.getMessage());
    } catch (IOException e) {
      return new ParseOutcome.Skipped("could not be read: " + e.getMessage());
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // closing a reader over a broken stream says nothing new
        }
      }
    }
    return finish(b);
  }

  /** The size bound that broke the stream, if that is what the XML reader reports. */
  private static LimitedInputStream.LimitExceeded bound(Throwable e) {
    for (Throwable t = e; t != null; ) {
      if (t instanceof LimitedInputStream.LimitExceeded l) return l;
      Throwable next =
          t instanceof XMLStreamException x && x.getNestedException() != null
              ? x.getNestedException()
              : t.getCause();
      if (next == t) break;
      t = next;
    }
    return null;
  }

  private ParseOutcome finish(Builder b) {
    if (!b.begun) {
      if (b.domain.isEmpty() && b.orgName.isEmpty() && b.records == 0)
        return new ParseOutcome.Skipped(
            "not a DMARC aggregate report (no report_metadata, policy_published or record)");
      b.begin();
    }
    if (b.orgName.isEmpty()) problem("report_metadata/org_name is missing");
    if (b.reportId.isEmpty()) problem("report_metadata/report_id is missing");
    if (b.domain.isEmpty()) problem("policy_published/domain is missing");
    if (moreProblems > 0) problems.add("... and " + moreProblems + " more problems");
    return new ParseOutcome.Read(b.meta(), b.records, b.duplicate, problems);
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int i = m.indexOf("Message: ");
    if (i >= 0) m = m.substring(i + 9);
    return m.lines().findFirst().orElse("").strip();
  }

  private void problem(String p) {
    if (problems.size() < Limits.REPORT_PROBLEMS) problems.add(p);
    else moreProblems++;
  }

  /** {@code Report_Metadata}, {@code report-metadata} → {@code report_metadata}. */
  static String name(String local) {
    return local.toLowerCase(Locale.ROOT).replace('-', '_');
  }

  /** A UTF-8 BOM and blank lines before the XML declaration would make it a syntax error. */
  static InputStream skipLeadingWhitespace(InputStream in) throws IOException {
    PushbackInputStream p = new PushbackInputStream(in, 3);
    byte[] bom = new byte[3];
    int n = p.readNBytes(bom, 0, 3);
    boolean utf8Bom =
        n == 3 && (bom[0] & 0xff) == 0xef && (bom[1] & 0xff) == 0xbb && (bom[2] & 0xff) == 0xbf;
    if (!utf8Bom && n > 0) p.unread(bom, 0, n);
    int c;
    do {
      c = p.read();
    } while (c == ' ' || c == '\t' || c == '\r' || c == '\n');
    if (c >= 0) p.unread(c);
    return p;
  }

  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String m) {
      super(m, null, false, false);
    }
  }

  /** Collects metadata and the record being read, keyed by the element path under feedback. */
  private final class Builder {
    final ReportSink sink;
    String orgName = "",
        email = "",
        reportId = "",
        domain = "",
        p = "",
        sp = "",
        adkim = "",
        aspf = "";
    long begin, end;
    final List<String> errors = new ArrayList<>();
    boolean begun, duplicate;
    long records;
    // the record being read
    String ip, disposition, dkim, spf, headerFrom, envelopeFrom;
    long count;
    boolean countSeen;
    List<String> overrides;
    List<ReportRow.AuthResult> dkimResults, spfResults;
    String authDomain, authSelector, authResult;

    Builder(ReportSink sink) {
      this.sink = sink;
    }

    ReportMeta meta() {
      return new ReportMeta(
          orgName, email, reportId, begin, end, domain, p, sp, adkim, aspf, errors);
    }

    void begin() {
      begun = true;
      duplicate = !sink.begin(meta());
    }

    void start(List<String> path) {
      String key = key(path);
      switch (key) {
        case "record" -> {
          if (!begun) begin();
          ip = disposition = dkim = spf = headerFrom = envelopeFrom = "";
          count = 1;
          countSeen = false;
          overrides = new ArrayList<>();
          dkimResults = new ArrayList<>();
          spfResults = new ArrayList<>();
        }
        case "record/auth_results/dkim", "record/auth_results/spf" ->
            authDomain = authSelector = authResult = "";
        default -> {}
      }
    }

    void end(List<String> path, String t) {
      String key = key(path);
      switch (key) {
        case "report_metadata/org_name" -> orgName = t;
        case "report_metadata/email" -> email = t;
        case "report_metadata/report_id" -> reportId = t;
        case "report_metadata/date_range/begin" -> begin = time(t, "begin");
        case "report_metadata/date_range/end" -> end = time(t, "end");
        case "report_metadata/error" -> {
          if (errors.size() < Limits.REPORT_PROBLEMS && !t.isEmpty()) errors.add(t);
        }
        case "policy_published/domain" -> domain = lower(t);
        case "policy_published/p" -> p = lower(t);
        case "policy_published/sp" -> sp = lower(t);
        case "policy_published/adkim" -> adkim = lower(t);
        case "policy_published/aspf" -> aspf = lower(t);
        case "record/row/source_ip" -> ip = t;
        case "record/row/count" -> {
          countSeen = true;
          try {
            count = Long.parseLong(t);
            if (count < 0) throw new NumberFormatException();
          } catch (NumberFormatException e) {
            problem(
                "record " + (records + 1) + ": count '" + t + "' is not a number; counted as 1");
            count = 1;
          }
        }
        case "record/row/policy_evaluated/disposition" -> disposition = lower(t);
        case "record/row/policy_evaluated/dkim" -> dkim = lower(t);
        case "record/row/policy_evaluated/spf" -> spf = lower(t);
        case "record/row/policy_evaluated/reason/type" -> {
          if (!t.isEmpty() && overrides.size() < Limits.REPORT_RECORD_ENTRIES)
            overrides.add(lower(t));
        }
        case "record/identifiers/header_from" -> headerFrom = lower(t);
        case "record/identifiers/envelope_from" -> envelopeFrom = lower(t);
        case "record/auth_results/dkim/domain", "record/auth_results/spf/domain" ->
            authDomain = lower(t);
        case "record/auth_results/dkim/selector", "record/auth_results/spf/scope" ->
            authSelector = lower(t);
        case "record/auth_results/dkim/result", "record/auth_results/spf/result" ->
            authResult = lower(t);
        case "record/auth_results/dkim" -> {
          if (dkimResults.size() < Limits.REPORT_RECORD_ENTRIES)
            dkimResults.add(new ReportRow.AuthResult(authDomain, authSelector, authResult));
        }
        case "record/auth_results/spf" -> {
          if (spfResults.size() < Limits.REPORT_RECORD_ENTRIES)
            spfResults.add(new ReportRow.AuthResult(authDomain, authSelector, authResult));
        }
        case "record" -> record();
        default -> {}
      }
    }

    private void record() {
      records++;
      var address = InetAddresses.parse(ip);
      if (address.isEmpty()) {
        problem(
            "record "
                + records
                + ": source_ip '"
                + printable(ip)
                + "' is not an IP address; skipped");
        return;
      }
      if (!countSeen) problem("record " + records + ": no count; counted as 1");
      if (!disposition.matches("none|quarantine|reject"))
        disposition = disposition.isEmpty() ? "none" : disposition;
      String from = headerFrom.isEmpty() ? domain : headerFrom;
      if (!duplicate)
        sink.row(
            new ReportRow(
                InetAddresses.format(address.get()),
                count,
                disposition,
                dkim.equals("pass") ? "pass" : "fail",
                spf.equals("pass") ? "pass" : "fail",
                overrides,
                from,
                envelopeFrom,
                dkimResults,
                spfResults));
    }

    private long time(String t, String which) {
      if (t.isEmpty()) return 0;
      try {
        return Long.parseLong(t);
      } catch (NumberFormatException e) {
        try {
          return OffsetDateTime.parse(t).toEpochSecond();
        } catch (DateTimeParseException e2) {
          try {
            return Instant.parse(t).getEpochSecond();
          } catch (DateTimeParseException e3) {
            problem("date_range/" + which + " '" + printable(t) + "' is not a time");
            return 0;
          }
        }
      }
    }
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static String printable(String s) {
    String t = s.length() > 60 ? s.substring(0, 60) + "..." : s;
    return t.replaceAll("\\p{Cntrl}", "?");
  }

  /** The path below {@code feedback}, e.g. {@code record/row/source_ip}. */
  private static String key(List<String> path) {
    if (path.size() <= 1) return "";
    return String.join("/", path.subList(1, path.size()));
  }
}
