package dev.mailcheck.checks.message;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.dkim.DkimMessage.HeaderField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The header section of a message, read for the analysis (pure): the fields a receiver looks at,
 * the trace, the receivers' Authentication-Results, and the typed header problems of RFC 5322 and
 * RFC 5321.
 *
 * @param receivedTotal how many Received fields the message has ({@link #received} holds at most
 *     {@link Limits#RECEIVED_FIELDS})
 */
public record MessageHeaders(
    List<HeaderField> fields,
    List<String> fromAddresses,
    Optional<String> fromDomain,
    String subject,
    String date,
    String messageId,
    Optional<String> returnPath,
    String contentType,
    List<ReceivedField> received,
    int receivedTotal,
    List<AuthResults> authResults,
    List<HeaderIssue> issues) {

  /** Fields of which RFC 5322 §3.6 allows at most one. */
  static final List<String> SINGLE =
      List.of(
          "From",
          "Sender",
          "Reply-To",
          "To",
          "Cc",
          "Subject",
          "Date",
          "Message-ID",
          "In-Reply-To",
          "References");

  public MessageHeaders {
    fields = List.copyOf(fields);
    fromAddresses = List.copyOf(fromAddresses);
    received = List.copyOf(received);
    authResults = List.copyOf(authResults);
    issues = List.copyOf(issues);
  }

  /** A problem in the header section. */
  public record HeaderIssue(Kind kind, String field, String detail) {
    public enum Kind {
      MISSING,
      DUPLICATE,
      MALFORMED,
      EIGHT_BIT,
      LONG_LINE,
      NUL,
      NO_SEPARATOR
    }
  }

  public Optional<HeaderField> first(String name) {
    return fields.stream().filter(f -> f.is(name)).findFirst();
  }

  public List<HeaderField> all(String name) {
    return fields.stream().filter(f -> f.is(name)).toList();
  }

  /**
   * @param headerEnded whether an empty line ended the header section (RFC 5322 §2.1)
   */
  public static MessageHeaders read(List<HeaderField> fields, boolean headerEnded) {
    List<HeaderIssue> issues = new ArrayList<>();
    for (String name : SINGLE) {
      int n = (int) fields.stream().filter(f -> f.is(name)).count();
      if (n > 1)
        issues.add(
            new HeaderIssue(
                HeaderIssue.Kind.DUPLICATE,
                name,
                n + " " + name + " fields (RFC 5322 §3.6 allows one)"));
    }
    Optional<HeaderField> from = fields.stream().filter(f -> f.is("From")).findFirst();
    List<String> fromAddresses = from.map(f -> Addresses.mailboxes(f.value())).orElse(List.of());
    if (from.isEmpty())
      issues.add(
          new HeaderIssue(
              HeaderIssue.Kind.MISSING, "From", "no From field (RFC 5322 §3.6 requires one)"));
    else if (fromAddresses.isEmpty() || fromAddresses.contains(""))
      issues.add(
          new HeaderIssue(
              HeaderIssue.Kind.MALFORMED,
              "From",
              "From holds no valid address: " + clip(from.get().value())));
    else if (fromAddresses.size() > 1)
      issues.add(
          new HeaderIssue(
              HeaderIssue.Kind.MALFORMED,
              "From",
              "From has "
                  + fromAddresses.size()
                  + " addresses: DMARC cannot pick one author domain and many receivers reject it (RFC 7489 §6.6.1)"));
    Optional<String> fromDomain =
        fromAddresses.size() == 1 ? Addresses.domain(fromAddresses.get(0)) : Optional.empty();

    String date =
        fields.stream()
            .filter(f -> f.is("Date"))
            .findFirst()
            .map(f -> f.value().strip())
            .orElse("");
    if (fields.stream().noneMatch(f -> f.is("Date")))
      issues.add(
          new HeaderIssue(
              HeaderIssue.Kind.MISSING, "Date", "no Date field (RFC 5322 §3.6 requires one)"));
    else if (!MailDates.strict(date))
      issues.add(
          new HeaderIssue(
              HeaderIssue.Kind.MALFORMED,
              "Date",
              "Date is not an RFC 5322 §3.3 date-time: " + clip(date)));

    String messageId =
        fields.stream()
            .filter(f -> f.is("Message-ID"))
            .findFirst()
            .map(f -> f.value().strip())
            .orElse("");
    if (fields.stream().noneMatch(f -> f.is("Message-ID")))
      issues.add(
          new HeaderIssue(
              HeaderIssue.Kind.MISSING,
              "Message-ID",
              "no Message-ID field (RFC 5322 §3.6.4 says SHOULD; Gmail requires it)"));
    else if (!messageId.replace("\r\n", "").strip().matches("<[^<>@\\s]+@[^<>@\\s]+>"))
      issues.add(
          new HeaderIssue(
              HeaderIssue.Kind.MALFORMED,
              "Message-ID",
              "Message-ID is not <left@right> (RFC 5322 §3.6.4): " + clip(messageId)));

    List<ReceivedField> received = new ArrayList<>();
    int receivedTotal = 0;
    List<AuthResults> ar = new ArrayList<>();
    boolean eightBit = false;
    boolean nul = false;
    int longLines = 0;
    String longField = "";
    for (HeaderField f : fields) {
      if (f.is("Received")) {
        receivedTotal++;
        if (received.size() < Limits.RECEIVED_FIELDS) received.add(ReceivedParser.parse(f.value()));
      } else if (f.is("Authentication-Results") && ar.size() < Limits.AUTH_RESULTS_FIELDS) {
        ar.add(AuthResults.parse(f.value()));
      }
      String raw = f.raw();
      for (int i = 0, start = 0; i <= raw.length(); i++) {
        if (i == raw.length() || raw.charAt(i) == '\n') {
          int len = i - start - (i > start && raw.charAt(i - 1) == '\r' ? 1 : 0);
          if (len > Limits.BODY_LINE) {
            longLines++;
            if (longField.isEmpty()) longField = f.name();
          }
          start = i + 1;
        } else {
          char c = raw.charAt(i);
          if (c > 0x7f) eightBit = true;
          if (c == 0) nul = true;
        }
      }
    }
    if (eightBit && received.stream().noneMatch(ReceivedField::smtputf8))
      issues.add(
          new HeaderIssue(
              HeaderIssue.Kind.EIGHT_BIT,
              "",
              "header fields hold 8-bit octets, but no hop says it used SMTPUTF8 (RFC 6532 needs it; otherwise encode with RFC 2047)"));
    if (longLines > 0)
      issues.add(
          new HeaderIssue(
              HeaderIssue.Kind.LONG_LINE,
              longField,
              longLines
                  + " header line(s) longer than 998 octets (RFC 5322 §2.1.1), first in "
                  + longField));
    if (nul)
      issues.add(new HeaderIssue(HeaderIssue.Kind.NUL, "", "NUL octets in the header section"));
    if (!headerEnded)
      issues.add(
          new HeaderIssue(
              HeaderIssue.Kind.NO_SEPARATOR,
              "",
              "no empty line ends the header section: the message has no body, or the file is truncated"));

    Optional<String> returnPath =
        fields.stream()
            .filter(f -> f.is("Return-Path"))
            .findFirst()
            .map(f -> Addresses.path(f.value()));
    String contentType =
        fields.stream()
            .filter(f -> f.is("Content-Type"))
            .findFirst()
            .map(HeaderField::value)
            .orElse("");
    String subject =
        fields.stream()
            .filter(f -> f.is("Subject"))
            .findFirst()
            .map(f -> f.value().replace("\r\n", "").strip())
            .orElse("");
    return new MessageHeaders(
        fields,
        fromAddresses,
        fromDomain,
        subject,
        date,
        messageId.replace("\r\n", "").strip(),
        returnPath,
        contentType,
        received,
        receivedTotal,
        ar,
        issues);
  }

  /** Whether the message looks like a bounce written as plain text (no multipart/report). */
  boolean looksLikeTextBounce() {
    String from = fromAddresses.isEmpty() ? "" : fromAddresses.get(0).toLowerCase(Locale.ROOT);
    boolean daemon = from.startsWith("mailer-daemon@") || from.startsWith("postmaster@");
    boolean subjectSays =
        subject
            .toLowerCase(Locale.ROOT)
            .matches(
                ".*(undeliver|delivery (status|failure)|returned mail|failure notice|delivery has failed|non.?delivery).*");
    return daemon || subjectSays || returnPath.filter(String::isEmpty).isPresent() && subjectSays;
  }

  static String clip(String s) {
    String v = s.replace("\r\n", "").strip();
    return v.length() > 80 ? v.substring(0, 80) + "..." : v;
  }
}
