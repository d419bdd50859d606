package dev.mailcheck.report.render;

import dev.mailcheck.report.BatchSummary;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.Status;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * {@code --format junit}: JUnit XML as GitHub Actions, GitLab and Jenkins read it. One {@code
 * <testsuite>} per report (per domain in a many-domain run) and one {@code <testcase>} per finding
 * id: {@code fail} is a {@code <failure>}, {@code error} (could not be determined) an {@code
 * <error>}, {@code warn} a {@code <failure>} under {@code --fail-on warn} and a pass otherwise,
 * {@code info} {@code <skipped>}. Findings that share an id (one per MX address, say) make one test
 * case with the worst status and every subject in its message.
 */
public final class JunitRenderer implements Renderer, BatchRenderer {
  private final Status failOn;
  private final BiPredicate<Report, Finding> excused;

  /**
   * @param failOn {@code --fail-on}: warn turns warnings into failures
   */
  public JunitRenderer(Status failOn) {
    this(failOn, (r, f) -> false);
  }

  /**
   * @param excused warnings that stay passes under {@code --fail-on warn} (the {@code allow-warn}
   *     ids of {@code --expect})
   */
  public JunitRenderer(Status failOn, BiPredicate<Report, Finding> excused) {
    this.failOn = failOn;
    this.excused = excused;
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    begin(out);
    report(report, out);
    end(null, out);
    out.flush();
  }

  @Override
  public void begin(Writer out) throws IOException {
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"mailcheck\">\n");
  }

  @Override
  public void end(BatchSummary summary, Writer out) throws IOException {
    out.write("</testsuites>\n");
  }

  @Override
  public void report(Report r, Writer out) throws IOException {
    Map<String, List<Finding>> byId = new LinkedHashMap<>();
    for (Finding f : r.findings()) byId.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(f);
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    for (List<Finding> fs : byId.values()) {
      switch (outcome(r, fs)) {
        case FAILURE -> failures++;
        case ERROR -> errors++;
        case SKIPPED -> skipped++;
        case PASSED -> {}
      }
    }
    String suite = r.command() + " " + r.target();
    out.write(
        "  <testsuite name=\""
            + XmlText.escape(suite)
            + "\" tests=\""
            + byId.size()
            + "\" failures=\""
            + failures
            + "\" errors=\""
            + errors
            + "\" skipped=\""
            + skipped
            + "\" time=\""
            + seconds(r.duration().toMillis())
            + "\">\n");
    if (r.score().isPresent()) {
      out.write("    <properties>\n");
      property(out, "grade", r.score().get().grade());
      property(out, "score", Integer.toString(r.score().get().score()));
      out.write("    </properties>\n");
    }
    for (Map.Entry<String, List<Finding>> e : byId.entrySet())
      testcase(r, e.getKey(), e.getValue(), out);
    out.write("  </testsuite>\n");
  }

  private enum Outcome {
    PASSED,
    FAILURE,
    ERROR,
    SKIPPED
  }

  private Outcome outcome(Report r, List<Finding> fs) {
    return switch (worst(fs)) {
      case PASS -> Outcome.PASSED;
      case INFO -> Outcome.SKIPPED;
      case WARN ->
          Status.WARN.atLeast(failOn)
                  && fs.stream().anyMatch(f -> f.status() == Status.WARN && !excused.test(r, f))
              ? Outcome.FAILURE
              : Outcome.PASSED;
      case FAIL -> Outcome.FAILURE;
      case ERROR -> Outcome.ERROR;
    };
  }

  private static Status worst(List<Finding> fs) {
    return fs.stream().map(Finding::status).reduce(Status.PASS, Status::worst);
  }

  private void testcase(Report r, String id, List<Finding> fs, Writer out) throws IOException {
    Status worst = worst(fs);
    String classname = "mailcheck." + r.command() + "." + fs.get(0).category();
    out.write(
        "    <testcase classname=\""
            + XmlText.escape(classname + " " + r.target())
            + "\" name=\""
            + XmlText.escape(id)
            + "\"");
    Outcome o = outcome(r, fs);
    if (o == Outcome.PASSED && worst != Status.WARN) {
      out.write("/>\n");
      return;
    }
    out.write(">\n");
    String message = fs.stream().filter(f -> f.status() == worst).findFirst().orElseThrow().title();
    String body = body(fs);
    switch (o) {
      case FAILURE -> element(out, "failure", worst.token(), message, body);
      case ERROR -> element(out, "error", worst.token(), message, body);
      case SKIPPED -> out.write("      <skipped message=\"" + XmlText.escape(message) + "\"/>\n");
      case PASSED -> out.write("      <system-out>" + XmlText.escape(body) + "</system-out>\n");
    }
    out.write("    </testcase>\n");
  }

  private static void element(Writer out, String name, String type, String message, String body)
      throws IOException {
    out.write(
        "      <"
            + name
            + " type=\""
            + type
            + "\" message=\""
            + XmlText.escape(message)
            + "\">"
            + XmlText.escape(body)
            + "</"
            + name
            + ">\n");
  }

  /** Each finding of the id: status, subject, title, detail, remedy. */
  private static String body(List<Finding> fs) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : fs) {
      sb.append('[').append(f.status().token().toUpperCase(Locale.ROOT)).append("] ");
      f.subject().ifPresent(s -> sb.append(s).append(": "));
      sb.append(f.title()).append('\n');
      if (!f.detail().isEmpty()) sb.append(f.detail()).append('\n');
      f.remedy().ifPresent(m -> sb.append("Remedy: ").append(m).append('\n'));
    }
    return sb.toString();
  }

  private static void property(Writer out, String name, String value) throws IOException {
    out.write(
        "      <property name=\""
            + XmlText.escape(name)
            + "\" value=\""
            + XmlText.escape(value)
            + "\"/>\n");
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
