package dev.mailcheck.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.Score;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.DomainSmtpView;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlRendererTest {
  static String html(Report r) throws Exception {
    StringWriter out = new StringWriter();
    new HtmlRenderer("1.2.3").render(r, out);
    return out.toString();
  }

  static Report domain() {
    Score score =
        new Score(
            72,
            "C",
            Map.of(
                "spf", new Score.CategoryScore(100, Status.PASS),
                "dmarc", new Score.CategoryScore(40, Status.FAIL)),
            List.of(new Score.Deduction(9, "dmarc.policy", "DMARC policy is none")),
            List.of());
    return new Report(
            "domain",
            "example.com",
            List.of(
                Finding.of(FindingId.DMARC_POLICY, Status.FAIL, "DMARC policy is none")
                    .remedy("Publish \"v=DMARC1; p=quarantine\" at _dmarc.example.com")
                    .build(),
                Finding.of(FindingId.SMTP_BANNER, Status.WARN, "Banner <script>alert(1)</script>")
                    .subject("mx1.example.com\u202egpj.exe")
                    .evidence("220 \u001b[31mhi")
                    .build(),
                Finding.of(FindingId.MX_PRESENT, Status.PASS, "1 mail exchange").build()),
            List.of(
                ViewFixtures.mx(),
                new DomainSmtpView(List.of(ViewFixtures.smtp()), false, false),
                ViewFixtures.spfAudit()))
        .withScore(score);
  }

  @Test
  void isOneSelfContainedPageWithNothingToLoad() throws Exception {
    String h = html(domain());
    assertThat(h).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    assertThat(h).contains("<meta name=\"viewport\"", "default-src 'none'");
    assertThat(h).doesNotContainPattern("(?i)<script|<link|<img|<iframe|src=|href=|url\\(");
  }

  @Test
  void showsTheScoreCategoriesFindingsWithRemediesMxTlsAndTheSpfTree() throws Exception {
    String h = html(domain());
    assertThat(h).contains("<span class=\"grade\">C</span>72/100");
    assertThat(h).contains("<td>dmarc</td><td>40</td><td>fail</td>");
    assertThat(h).contains("-9: DMARC policy is none");
    assertThat(h).contains("Publish &quot;v=DMARC1; p=quarantine&quot; at _dmarc.example.com");
    // worst first: the failure before the warning before the pass
    assertThat(h.indexOf("dmarc.policy</code>")).isLessThan(h.indexOf("smtp.banner</code>"));
    assertThat(h.indexOf("smtp.banner</code>")).isLessThan(h.indexOf("mx.present</code>"));
    assertThat(h).contains("<td>mx1.example.com</td><td>192.0.2.10</td>");
    assertThat(h).contains("<h2>SPF tree</h2>", "v=spf1 mx include:_spf.example.net");
    assertThat(
            Pattern.compile("<tr><td>30</td><td>gone.example.com</td><td>nxdomain</td>")
                .matcher(h)
                .find())
        .isTrue();
  }

  @Test
  void escapesWhatServersWrite() throws Exception {
    String h = html(domain());
    assertThat(h).contains("Banner &lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(h).contains("mx1.example.com\\u202egpj.exe", "220 \\x1b[31mhi");
    assertThat(h).doesNotContain("\u202e", "\u001b");
  }
}
