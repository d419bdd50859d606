package dev.mailcheck.checks.smtp;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mailcheck.report.Section;
import dev.mailcheck.smtp.AddressAttempt;
import dev.mailcheck.smtp.CertificateFacts;
import dev.mailcheck.smtp.Extensions;
import dev.mailcheck.smtp.ProbeResult;
import dev.mailcheck.smtp.TlsFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code smtp} key of the report: the probe's facts as plain values (docs/report.schema.json
 * {@code smtpSection}). Absent facts are left out of the JSON, never null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SmtpSection(
    String host,
    int port,
    String tlsMode,
    String address,
    List<Attempt> attempts,
    List<PhaseView> phases,
    long totalMs,
    ReplyView banner,
    ExtensionsView extensionsBeforeTls,
    ExtensionsView extensionsAfterTls,
    String startTls,
    Tls tls,
    Auth auth,
    Relay relay,
    FailureView failure)
    implements Section {

  @Override
  public String key() {
    return "smtp";
  }

  public static SmtpSection of(ProbeResult r) {
    return new SmtpSection(
        r.host(),
        r.port(),
        r.tlsMode().name().toLowerCase(java.util.Locale.ROOT),
        r.address().orElse(null),
        r.attempts().stream().map(Attempt::of).toList(),
        r.phases().stream().map(p -> new PhaseView(p.phase().token(), p.millis(), p.ok())).toList(),
        r.totalMillis(),
        r.banner().map(ReplyView::of).orElse(null),
        r.ehlo().map(ExtensionsView::of).orElse(null),
        r.ehloTls().map(ExtensionsView::of).orElse(null),
        r.startTls().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
        r.tls().map(t -> Tls.of(t, r)).orElse(null),
        r.auth()
            .map(
                a ->
                    new Auth(
                        a.offered(),
                        a.attempted().orElse(null),
                        a.result().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        a.reply().map(ReplyView::of).orElse(null),
                        a.detail()))
            .orElse(null),
        r.relay()
            .map(
                x ->
                    new Relay(
                        x.result().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        x.from(),
                        x.to(),
                        x.mailReply().map(ReplyView::of).orElse(null),
                        x.rcptReply().map(ReplyView::of).orElse(null)))
            .orElse(null),
        r.failure()
            .map(
                f ->
                    new FailureView(
                        f.phase().token(),
                        f.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        f.detail(),
                        f.temporary(),
                        f.reply().map(ReplyView::of).orElse(null)))
            .orElse(null));
  }

  @Override
  public List<String> textLines() {
    var out = new ArrayList<String>();
    out.add(
        "SMTP "
            + host
            + ":"
            + port
            + (address != null && !address.equals(host) ? " (" + address + ")" : "")
            + ", TLS mode "
            + tlsMode);
    var phaseLine = new StringBuilder("  phases:");
    for (PhaseView p : phases)
      phaseLine
          .append(' ')
          .append(p.name())
          .append(' ')
          .append(p.ms())
          .append("ms")
          .append(p.ok() ? "" : "(failed)");
    out.add(phaseLine.toString());
    if (banner != null)
      out.add("  banner: " + banner.code() + " " + String.join(" / ", banner.lines()));
    if (extensionsBeforeTls != null)
      out.add(
          "  EHLO: "
              + String.join(", ", extensionsBeforeTls.keywords())
              + (extensionsBeforeTls.helo() ? " (HELO only)" : ""));
    if (extensionsAfterTls != null)
      out.add("  EHLO after TLS: " + String.join(", ", extensionsAfterTls.keywords()));
    if (tls != null) {
      out.add(
          "  TLS: "
              + tls.protocol()
              + " "
              + tls.cipher()
              + ", "
              + (tls.trusted() ? "trusted" : "NOT trusted")
              + ", name "
              + (tls.nameMatches() ? "matches " : "does not match ")
              + tls.checkedName()
              + ", "
              + expiry(tls.daysToExpiry()));
      for (Cert c : tls.certificates())
        out.add(
            "    cert: "
                + c.subject()
                + " <- "
                + c.issuer()
                + " ("
                + c.keyAlgorithm()
                + " "
                + c.keyBits()
                + ", "
                + c.signatureAlgorithm()
                + ")");
      if (tls.legacy() != null) out.add("  legacy TLS 1.0/1.1: " + tls.legacy().detail());
    }
    if (auth != null) out.add("  AUTH: " + authWords(auth, tls != null));
    if (relay != null) out.add("  relay test: " + relay.result());
    if (failure != null) out.add("  stopped at " + failure.phase() + ": " + failure.detail());
    return out;
  }

  public record Attempt(String address, long ms, String result, String detail) {
    static Attempt of(AddressAttempt a) {
      return new Attempt(
          a.address(),
          a.millis(),
          a.failure()
              .map(k -> k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
              .orElse("connected"),
          a.detail());
    }
  }

  public record PhaseView(String name, long ms, boolean ok) {}

  /** A reply: code, enhanced status code when present, the text lines, and the meaning in words. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReplyView(int code, String enhancedCode, List<String> lines, String meaning) {
    static ReplyView of(dev.mailcheck.smtp.Reply r) {
      return new ReplyView(r.code(), r.enhancedCode().orElse(null), r.lines(), r.explained());
    }
  }

  /**
   * The leaf certificate's expiry in words: "expires in 29 days", "expires today", "EXPIRED 2158
   * days ago".
   */
  static String expiry(long days) {
    if (days > 1) return "expires in " + days + " days";
    if (days == 1) return "expires in 1 day";
    if (days == 0) return "expires today";
    return "EXPIRED " + -days + (days == -1 ? " day" : " days") + " ago";
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ExtensionsView(
      String greeting, boolean helo, List<String> keywords, Long size, List<String> auth) {
    static ExtensionsView of(Extensions e) {
      return new ExtensionsView(
          e.greeting(),
          e.helo(),
          e.lines(),
          e.size().isPresent() ? e.size().getAsLong() : null,
          e.authMechanisms());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Tls(
      String protocol,
      String cipher,
      List<Cert> certificates,
      boolean trusted,
      String trustProblem,
      String checkedName,
      boolean nameMatches,
      long daysToExpiry,
      Legacy legacy) {
    static Tls of(TlsFacts t, ProbeResult r) {
      return new Tls(
          t.protocol(),
          t.cipherSuite(),
          t.chain().stream().map(Cert::of).toList(),
          t.trusted(),
          t.trustProblem().orElse(null),
          t.checkedName(),
          t.nameMatches(),
          t.daysToExpiry(),
          r.legacyTls()
              .map(
                  l ->
                      new Legacy(
                          l.accepted(), l.protocol().orElse(null), l.detail(), l.conclusive()))
              .orElse(null));
    }
  }

  public record Cert(
      String subject,
      String issuer,
      List<String> sans,
      String notBefore,
      String notAfter,
      String keyAlgorithm,
      int keyBits,
      String signatureAlgorithm,
      String sha256) {
    static Cert of(CertificateFacts c) {
      return new Cert(
          c.subject(),
          c.issuer(),
          c.sans(),
          c.notBefore().toString(),
          c.notAfter().toString(),
          c.keyAlgorithm(),
          c.keyBits(),
          c.signatureAlgorithm(),
          c.sha256());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Legacy(boolean accepted, String protocol, String detail, boolean conclusive) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Auth(
      List<String> offered, String attempted, String result, ReplyView reply, String detail) {}

  /**
   * The AUTH line for people: the JSON token ({@code skipped-plaintext}, ...) in words, e.g. "PLAIN
   * succeeded; offered PLAIN LOGIN" or "not sent: the connection is not encrypted; offered PLAIN".
   */
  static String authWords(Auth auth, boolean encrypted) {
    String mech = auth.attempted() == null ? "" : auth.attempted() + " ";
    String what =
        switch (auth.result()) {
          case "success" -> mech + "succeeded";
          case "failed" -> mech + "failed (credentials rejected)";
          case "mechanism-refused" ->
              auth.attempted() == null
                  ? "no usable mechanism"
                  : "mechanism " + auth.attempted() + " not usable";
          case "not-offered" -> "not offered by the server";
          case "skipped-plaintext" ->
              encrypted
                  ? "not sent: the certificate is not verified"
                  : "not sent: the connection is not encrypted";
          case "error" -> mech + "could not complete";
          default -> auth.result();
        };
    return what + (auth.offered().isEmpty() ? "" : "; offered " + String.join(" ", auth.offered()));
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Relay(
      String result, String from, String to, ReplyView mailReply, ReplyView rcptReply) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FailureView(
      String phase, String kind, String detail, boolean temporary, ReplyView reply) {}
}
