package dev.mailcheck.report.render;

import dev.mailcheck.report.Report;
import java.io.IOException;
import java.io.Writer;

/** Writes a report. Renderers only read the report; they never call checks. */
public interface Renderer {
  void render(Report report, Writer out) throws IOException;
}
