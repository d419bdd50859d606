package dev.mailcheck.checks.message;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.smtp.ReplyExplanations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A delivery status notification (RFC 3464): the per-message fields and one {@link Recipient} per
 * per-recipient block of the {@code message/delivery-status} part, each explained from the one code
 * table ({@link ReplyExplanations}).
 *
 * @param plainText a bounce that is not multipart/report (old qmail/Exchange text bounces): the
 *     recipients were found by their codes in the text, with less certainty
 */
public record Dsn(
    String reportingMta, String arrivalDate, List<Recipient> recipients, boolean plainText) {
  public Dsn {
    recipients = List.copyOf(recipients);
  }

  /**
   * One recipient.
   *
   * @param action failed, delayed, delivered, relayed or expanded (RFC 3464 §2.3.3)
   * @param status the RFC 3463 status, e.g. {@code 5.1.1}
   * @param smtpCode the reply code in the diagnostic ({@code smtp; 550 ...}), 0 when none
   */
  public record Recipient(
      String finalRecipient,
      String originalRecipient,
      String action,
      String status,
      String remoteMta,
      String diagnostic,
      int smtpCode,
      ReplyExplanations.Explanation explanation) {
    public boolean failed() {
      return action.equals("failed") || status.startsWith("5");
    }
  }

  private static final Pattern CODE = Pattern.compile("(?<![0-9])([245][0-9]{2})(?![0-9])");

  /** Parses the text of a message/delivery-status part (CRLF or LF line ends). */
  static Dsn parse(String text) {
    List<Map<String, String>> blocks = new ArrayList<>();
    Map<String, String> cur = new LinkedHashMap<>();
    String last = null;
    for (String line : text.split("\r?\n", -1)) {
      if (line.isBlank()) {
        if (!cur.isEmpty()) blocks.add(cur);
        cur = new LinkedHashMap<>();
        last = null;
        if (blocks.size() > Limits.DSN_RECIPIENTS) break;
        continue;
      }
      if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
        cur.put(last, cur.get(last) + " " + line.strip());
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) continue;
      last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      cur.putIfAbsent(last, line.substring(colon + 1).strip());
    }
    if (!cur.isEmpty()) blocks.add(cur);
    Map<String, String> perMessage = blocks.isEmpty() ? Map.of() : blocks.get(0);
    List<Recipient> recipients = new ArrayList<>();
    for (Map<String, String> b : blocks) {
      if (!b.containsKey("final-recipient") && !b.containsKey("action")) continue;
      recipients.add(recipient(b));
    }
    return new Dsn(
        typed(perMessage.getOrDefault("reporting-mta", "")),
        perMessage.getOrDefault("arrival-date", ""),
        recipients,
        false);
  }

  private static Recipient recipient(Map<String, String> b) {
    String diagnostic = typed(b.getOrDefault("diagnostic-code", ""));
    String status = b.getOrDefault("status", "").split("\\s+")[0];
    Matcher m = CODE.matcher(diagnostic);
    int code = m.find() ? Integer.parseInt(m.group(1)) : 0;
    Optional<String> enhanced =
        status.matches("[245]\\.[0-9]{1,3}\\.[0-9]{1,3}")
            ? Optional.of(status)
            : ReplyExplanations.enhancedCodeIn(diagnostic);
    // Without a reply code in the diagnostic, the status class stands in for the table (5.x.x
    // explains like a 5yz reply); the recipient keeps 0: the server did not say one.
    int explainCode = code != 0 ? code : enhanced.map(e -> (e.charAt(0) - '0') * 100).orElse(0);
    return new Recipient(
        typed(b.getOrDefault("final-recipient", "")),
        typed(b.getOrDefault("original-recipient", "")),
        b.getOrDefault("action", "").toLowerCase(Locale.ROOT),
        status,
        typed(b.getOrDefault("remote-mta", "")),
        diagnostic,
        code,
        ReplyExplanations.explain(explainCode, enhanced, diagnostic));
  }

  /** {@code rfc822; a@b} → {@code a@b}; {@code smtp; 550 ...} → {@code 550 ...}. */
  private static String typed(String v) {
    int semi = v.indexOf(';');
    return (semi >= 0 && semi < 12 ? v.substring(semi + 1) : v).strip();
  }

  private static final Pattern TEXT_FAILURE =
      Pattern.compile(
          "(?:<?([^\\s<>@]+@[^\\s<>:]+)>?:?[^\\n]{0,200}?)?\\b([45][0-9]{2})[ -]([245]\\.[0-9]{1,3}\\.[0-9]{1,3})?\\s*([^\\r\\n]{0,300})");

  /** A text bounce: the first SMTP replies quoted in it, with the address before them if any. */
  static Optional<Dsn> parsePlain(String text) {
    Matcher m = TEXT_FAILURE.matcher(text);
    List<Recipient> out = new ArrayList<>();
    while (m.find() && out.size() < 10) {
      int code = Integer.parseInt(m.group(2));
      Optional<String> enh = Optional.ofNullable(m.group(3));
      String diag =
          (m.group(2) + " " + (m.group(3) == null ? "" : m.group(3) + " ") + m.group(4)).strip();
      out.add(
          new Recipient(
              m.group(1) == null ? "" : m.group(1),
              "",
              code >= 500 ? "failed" : "delayed",
              enh.orElse(""),
              "",
              diag,
              code,
              ReplyExplanations.explain(code, enh, diag)));
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(new Dsn("", "", out, true));
  }
}
