package dev.mailcheck.report.render.text;

import dev.mailcheck.report.view.SmtpView;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link SmtpView} for people: phases, greeting, extensions, TLS, AUTH, relay, where it stopped.
 */
final class SmtpText {
  private SmtpText() {}

  static List<String> lines(SmtpView v) {
    var out = new ArrayList<String>();
    out.add(
        "SMTP "
            + v.host()
            + ":"
            + v.port()
            + (v.address() != null && !v.address().equals(v.host()) ? " (" + v.address() + ")" : "")
            + ", "
            + tlsInWords(v));
    var phaseLine = new StringBuilder("  phases:");
    for (SmtpView.PhaseView p : v.phases())
      phaseLine
          .append(' ')
          .append(p.name())
          .append(' ')
          .append(p.ms())
          .append("ms")
          .append(p.ok() ? "" : "(failed)");
    out.add(phaseLine.toString());
    if (v.banner() != null)
      out.add("  banner: " + v.banner().code() + " " + String.join(" / ", v.banner().lines()));
    if (v.extensionsBeforeTls() != null)
      out.add(
          "  EHLO: "
              + String.join(", ", v.extensionsBeforeTls().keywords())
              + (v.extensionsBeforeTls().helo() ? " (HELO only)" : ""));
    if (v.extensionsAfterTls() != null)
      out.add("  EHLO after TLS: " + String.join(", ", v.extensionsAfterTls().keywords()));
    SmtpView.Tls tls = v.tls();
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
      for (SmtpView.Cert c : tls.certificates())
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
    if (v.auth() != null) out.add("  AUTH: " + authWords(v.auth(), tls != null));
    if (v.relay() != null) out.add("  relay test: " + v.relay().result());
    if (v.failure() != null)
      out.add("  stopped at " + v.failure().phase() + ": " + v.failure().detail());
    return out;
  }

  /**
   * What TLS the session really had, not only what was asked for: on 587 without {@code --starttls}
   * the probe's mode is opportunistic, but what matters is whether STARTTLS was used.
   */
  static String tlsInWords(SmtpView v) {
    String protocol = v.tls() == null ? "" : ", " + v.tls().protocol();
    return switch (v.tlsMode()) {
      case "implicit" -> "implicit TLS" + (v.tls() == null ? " (no TLS session)" : protocol);
      case "none" -> "no TLS (not attempted)";
      default -> {
        if (v.tls() != null)
          yield "STARTTLS"
              + (v.tlsMode().equals("starttls") ? " (required)" : " (opportunistic)")
              + protocol;
        yield switch (v.startTls()) {
          case "not-offered" -> "no TLS: STARTTLS not offered";
          case "not-attempted" -> "no TLS (the session ended before STARTTLS)";
          default -> "no TLS: STARTTLS " + v.startTls();
        };
      }
    };
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

  /**
   * The AUTH line for people: the JSON token ({@code skipped-plaintext}, ...) in words, e.g. "PLAIN
   * succeeded; offered PLAIN LOGIN" or "not sent: the connection is not encrypted; offered PLAIN".
   */
  static String authWords(SmtpView.Auth auth, boolean encrypted) {
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
}
