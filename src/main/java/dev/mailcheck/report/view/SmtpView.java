package dev.mailcheck.report.view;

import java.util.List;

/**
 * The {@code smtp} view: one probe's facts as plain values (docs/report.schema.json {@code
 * smtpSection}). Absent facts are null here and left out of the JSON, never written as null.
 */
public record SmtpView(
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
    implements View {

  public record Attempt(String address, long ms, String result, String detail) {}

  public record PhaseView(String name, long ms, boolean ok) {}

  /** A reply: code, enhanced status code when present, the text lines, and the meaning in words. */
  public record ReplyView(int code, String enhancedCode, List<String> lines, String meaning) {}

  public record ExtensionsView(
      String greeting, boolean helo, List<String> keywords, Long size, List<String> auth) {}

  public record Tls(
      String protocol,
      String cipher,
      List<Cert> certificates,
      boolean trusted,
      String trustProblem,
      String checkedName,
      boolean nameMatches,
      long daysToExpiry,
      Legacy legacy) {}

  public record Cert(
      String subject,
      String issuer,
      List<String> sans,
      String notBefore,
      String notAfter,
      String keyAlgorithm,
      int keyBits,
      String signatureAlgorithm,
      String sha256) {}

  public record Legacy(boolean accepted, String protocol, String detail, boolean conclusive) {}

  public record Auth(
      List<String> offered, String attempted, String result, ReplyView reply, String detail) {}

  public record Relay(
      String result, String from, String to, ReplyView mailReply, ReplyView rcptReply) {}

  public record FailureView(
      String phase, String kind, String detail, boolean temporary, ReplyView reply) {}
}
