package dev.mailcheck.report.render;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.Score;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.DomainSmtpView;
import dev.mailcheck.report.view.MxView;
import dev.mailcheck.report.view.SmtpView;
import dev.mailcheck.report.view.SpfView;
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code --format html}: one self-contained HTML page (inline CSS, no script, no external asset, a
 * Content-Security-Policy that forbids loading any): the verdict and score, the score of each
 * category, every finding worst first with its detail, remedy and evidence, the MX and TLS table,
 * and the SPF tree. Readable on a phone (one column, wrapping, a viewport). Every value is escaped
 * (it comes from DNS and SMTP servers anyone runs).
 */
public final class HtmlRenderer implements Renderer {
  private static final String CSS =
      """
      body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1b1b1b;background:#fff}
      h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #ddd}
      .grade{font-size:2.4rem;font-weight:700;margin-right:.6rem}
      table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border:1px solid #ddd;padding:.25rem .4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
      .f{border-left:4px solid #999;padding:.3rem .6rem;margin:.5rem 0;background:#fafafa}
      .fail,.error{border-color:#c62828}.warn{border-color:#ef8f00}.info{border-color:#1565c0}.pass{border-color:#2e7d32}
      .s{font-weight:700;text-transform:uppercase;font-size:.8rem;margin-right:.4rem}
      code,pre{font:13px/1.35 ui-monospace,monospace;white-space:pre-wrap;overflow-wrap:anywhere}
      pre{background:#f2f2f2;padding:.4rem;margin:.3rem 0}
      ul.tree{padding-left:1.1rem}ul.tree li{margin:.15rem 0}
      .muted{color:#666;font-size:.85rem}
      """;

  private final String toolVersion;

  public HtmlRenderer(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  @Override
  public void render(Report r, Writer out) throws IOException {
    String title = "mailcheck " + r.command() + " " + r.target();
    out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.write(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src"
            + " 'unsafe-inline'\">\n");
    out.write("<title>" + esc(title) + "</title>\n<style>" + CSS + "</style>\n</head>\n<body>\n");
    out.write("<header>\n");
    if (r.score().isPresent()) {
      Score s = r.score().get();
      out.write(
          "<p><span class=\"grade\">" + esc(s.grade()) + "</span>" + s.score() + "/100</p>\n");
    }
    out.write("<h1>" + esc(title) + "</h1>\n");
    out.write(
        "<p class=\"muted\">status "
            + esc(r.status().token())
            + (r.incomplete() ? " (incomplete)" : "")
            + " · "
            + r.duration().toMillis()
            + " ms · mailcheck "
            + esc(toolVersion)
            + "</p>\n</header>\n");
    r.score().ifPresent(s -> unchecked(() -> categories(s, out)));
    findings(r, out);
    r.view(MxView.class)
        .ifPresent(mx -> unchecked(() -> mxTable(mx, r.view(DomainSmtpView.class), out)));
    r.view(SpfView.class).flatMap(SpfView::tree).ifPresent(t -> unchecked(() -> spfTree(t, out)));
    out.write("</body>\n</html>\n");
    out.flush();
  }

  private interface IoWork {
    void run() throws IOException;
  }

  private static void unchecked(IoWork w) {
    try {
      w.run();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void categories(Score s, Writer out) throws IOException {
    out.write(
        "<h2>Score by category</h2>\n<table>\n<tr><th>category</th><th>score</th><th>status</th></tr>\n");
    for (Map.Entry<String, Score.CategoryScore> e :
        s.categories().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      out.write(
          "<tr><td>"
              + esc(e.getKey())
              + "</td><td>"
              + e.getValue().score()
              + "</td><td>"
              + esc(e.getValue().status().token())
              + "</td></tr>\n");
    }
    out.write("</table>\n");
    if (!s.deductions().isEmpty()) {
      out.write("<ul>\n");
      for (Score.Deduction d : s.deductions())
        out.write(
            "<li>-"
                + d.points()
                + ": "
                + esc(d.reason())
                + " <code>"
                + esc(d.findingId())
                + "</code></li>\n");
      out.write("</ul>\n");
    }
  }

  private static void findings(Report r, Writer out) throws IOException {
    out.write("<h2>Findings</h2>\n");
    List<Finding> sorted =
        r.findings().stream()
            .sorted(Comparator.comparing((Finding f) -> -f.status().ordinal()))
            .toList();
    for (Finding f : sorted) {
      String st = f.status().token();
      out.write("<div class=\"f " + st + "\"><span class=\"s\">" + st + "</span>");
      out.write("<strong>" + esc(f.title()) + "</strong> <code>" + esc(f.id()) + "</code>");
      if (f.subject().isPresent())
        out.write(" <span class=\"muted\">" + esc(f.subject().get()) + "</span>");
      if (!f.detail().isEmpty()) out.write("<p>" + esc(f.detail()) + "</p>");
      if (f.remedy().isPresent() && f.status() != Status.PASS)
        out.write("<p><em>Remedy:</em></p><pre>" + esc(f.remedy().get()) + "</pre>");
      if (!f.evidence().isEmpty())
        out.write("<pre>" + esc(String.join("\n", f.evidence())) + "</pre>");
      out.write("</div>\n");
    }
  }

  private static void mxTable(MxView mx, java.util.Optional<DomainSmtpView> smtp, Writer out)
      throws IOException {
    out.write("<h2>MX and TLS</h2>\n<table>\n");
    out.write(
        "<tr><th>pref</th><th>exchange</th><th>address</th><th>STARTTLS</th><th>TLS</th><th>certificate</th></tr>\n");
    List<SmtpView> probes = smtp.map(DomainSmtpView::probes).orElse(List.of());
    for (MxView.Host h : mx.hosts()) {
      List<String> addrs = h.addresses().isEmpty() ? List.of("") : h.addresses();
      for (String a : addrs) {
        SmtpView p =
            probes.stream()
                .filter(x -> x.host().equals(h.exchange()) && a.equals(x.address()))
                .findFirst()
                .orElse(null);
        String starttls = p == null ? "not probed" : String.valueOf(p.startTls());
        String tls =
            p == null || p.tls() == null ? "" : p.tls().protocol() + " " + p.tls().cipher();
        String cert =
            p == null || p.tls() == null
                ? ""
                : (p.tls().trusted() ? "trusted" : "not trusted")
                    + (p.tls().nameMatches() ? ", name matches" : ", name does not match")
                    + ", "
                    + p.tls().daysToExpiry()
                    + " days left";
        out.write(
            "<tr><td>"
                + h.preference()
                + "</td><td>"
                + esc(h.exchange())
                + "</td><td>"
                + esc(a.isEmpty() ? h.resolution() : a)
                + "</td><td>"
                + esc(starttls)
                + "</td><td>"
                + esc(tls)
                + "</td><td>"
                + esc(cert)
                + "</td></tr>\n");
      }
    }
    out.write("</table>\n");
  }

  private static void spfTree(SpfView.Node root, Writer out) throws IOException {
    out.write("<h2>SPF tree</h2>\n<ul class=\"tree\">\n");
    node(root, out);
    out.write("</ul>\n");
  }

  private static void node(SpfView.Node n, Writer out) throws IOException {
    out.write("<li><code>" + esc(n.term().orElse(n.domain())) + "</code>");
    out.write(" <span class=\"muted\">[" + n.ownCost() + " lookups]</span>");
    if (n.record().isPresent()) out.write("<br><code>" + esc(n.record().get()) + "</code>");
    if (n.error().isPresent()) out.write("<br><strong>" + esc(n.error().get()) + "</strong>");
    if (!n.children().isEmpty()) {
      out.write("\n<ul>\n");
      for (SpfView.Node c : n.children()) node(c, out);
      out.write("</ul>");
    }
    out.write("</li>\n");
  }

  private static String esc(String s) {
    return XmlText.escape(s == null ? "" : s);
  }
}
