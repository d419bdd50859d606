package dev.mailcheck.checks.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code Received:} field the way the common MTAs write it. The grammar of RFC 5321 §4.4
 * ({@code from}, {@code by}, {@code via}, {@code with}, {@code id}, {@code for}, then {@code ;
 * date-time}) is the frame; the comments carry what differs between implementations:
 *
 * <pre>
 * Postfix   from helo.example (rdns.example [192.0.2.1]) by mx (Postfix) with ESMTPS id X for &lt;a@b&gt;; date
 *           (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 ...)
 * Exim      from rdns ([192.0.2.1] helo=helo.example) by mx with esmtps (TLS1.3) tls CIPHER (Exim 4.96)
 *           (envelope-from &lt;a@b&gt;) id 1r2s3t-000AbC-9z for a@b; date
 * Sendmail  from helo (rdns [192.0.2.1]) by mx (8.17.1/8.17.1) with ESMTPS id X
 *           (version=TLSv1.3 cipher=... bits=256 verify=NOT) for &lt;a@b&gt;; date
 * Exchange  from EX01.corp.example (10.0.0.1) by EX02.corp.example (10.0.0.2) with Microsoft SMTP
 *           Server (version=TLS1_2, cipher=...) id 15.1.2507.21; date
 * Gmail     from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com
 *           with SMTPS id x for &lt;a@b&gt; (Google Transport Security); date
 * </pre>
 *
 * Pure and linear in the field's length; never throws.
 */
public final class ReceivedParser {
  private ReceivedParser() {}

  private static final Set<String> KEYWORDS = Set.of("from", "by", "via", "with", "id", "for");
  private static final Pattern BRACKETED = Pattern.compile("\\[(?:IPv6:)?([0-9A-Fa-f:.]+)\\]");
  private static final Pattern BARE_ADDRESS =
      Pattern.compile(
          "^\\(?((?:\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})\\)?$");
  private static final Pattern HELO = Pattern.compile("helo=([^\\s)]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ENVELOPE_FROM =
      Pattern.compile("envelope-from\\s*<?([^\\s>)]*)>?", Pattern.CASE_INSENSITIVE);

  /** Postfix's smtpd_tls_received_header: "using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384". */
  private static final Pattern POSTFIX_TLS =
      Pattern.compile("using (TLSv?[0-9.]+) with cipher ([A-Za-z0-9_-]+)");

  private static final Pattern TLS_NOTE =
      Pattern.compile(
          "(TLSv?1[._]?[0-3]|TLS1_[0-3]|SSLv3|version=[A-Za-z0-9_.]+|cipher=[A-Za-z0-9_-]+|using TLS[^)]*|Google Transport Security)",
          Pattern.CASE_INSENSITIVE);

  public static ReceivedField parse(String value) {
    String raw = value.replace("\r\n", "").replace('\t', ' ').strip();
    int semi = lastTopLevelSemicolon(raw);
    String clauses = semi < 0 ? raw : raw.substring(0, semi);
    String datePart = semi < 0 ? "" : raw.substring(semi + 1);
    Map<String, StringBuilder> text = new LinkedHashMap<>();
    Map<String, List<String>> comments = new LinkedHashMap<>();
    List<String> allComments = new ArrayList<>();
    String current = "";
    int i = 0;
    int n = clauses.length();
    while (i < n) {
      char c = clauses.charAt(i);
      if (c == '(') {
        int end = commentEnd(clauses, i);
        String comment = clauses.substring(i + 1, Math.max(i + 1, end - 1)).strip();
        comments.computeIfAbsent(current, k -> new ArrayList<>()).add(comment);
        allComments.add(comment);
        i = end;
        continue;
      }
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(clauses.charAt(i)) && clauses.charAt(i) != '(') i++;
      String word = clauses.substring(start, i);
      String lower = word.toLowerCase(Locale.ROOT);
      if (KEYWORDS.contains(lower) && !text.containsKey(lower)) {
        current = lower;
        text.put(current, new StringBuilder());
        continue;
      }
      text.computeIfAbsent(current, k -> new StringBuilder()).append(' ').append(word);
    }

    String from = first(text.get("from"));
    List<String> fromComments = comments.getOrDefault("from", List.of());
    String rdns = "";
    Optional<String> address = Optional.empty();
    String helo = "";
    for (String fc : fromComments) {
      Matcher b = BRACKETED.matcher(fc);
      if (b.find() && address.isEmpty()) {
        address = Optional.of(b.group(1));
        String before = fc.substring(0, b.start()).strip();
        if (!before.isEmpty() && !before.contains("=")) rdns = stripDot(before.split("\\s+")[0]);
      } else if (address.isEmpty() && BARE_ADDRESS.matcher(fc).matches()) {
        address = Optional.of(fc.replaceAll("[()]", ""));
      }
      Matcher h = HELO.matcher(fc);
      if (h.find()) helo = h.group(1);
    }
    if (address.isEmpty()) {
      Matcher b = BRACKETED.matcher(from);
      if (b.find()) address = Optional.of(b.group(1));
    }
    if (rdns.equalsIgnoreCase("unknown")) rdns = "";
    String by = first(text.get("by"));
    String with = rest(text.get("with"));
    String id = first(text.get("id"));
    String forAddr = first(text.get("for")).replaceAll("[<>]", "");
    String envelopeFrom = "";
    String tlsNote = "";
    for (String c : allComments) {
      Matcher e = ENVELOPE_FROM.matcher(c);
      if (e.find() && envelopeFrom.isEmpty()) envelopeFrom = e.group(1);
      Matcher p = POSTFIX_TLS.matcher(c);
      if (p.find() && tlsNote.isEmpty()) tlsNote = p.group(1) + " " + p.group(2);
      Matcher t = TLS_NOTE.matcher(c);
      if (t.find() && tlsNote.isEmpty()) tlsNote = t.group(1);
    }
    // Exim writes "with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384" outside comments too.
    Matcher tlsInText = Pattern.compile("\\btls\\s+([A-Z0-9_-]+)").matcher(with);
    if (tlsNote.isEmpty() && tlsInText.find()) tlsNote = tlsInText.group(1);
    String protocol = with.isEmpty() ? "" : with.split("\\s+")[0];
    String proto = protocol.toUpperCase(Locale.ROOT);
    boolean tls =
        proto.matches("(UTF8)?(E?SMTP|LMTP)SA?") && (proto.endsWith("S") || proto.endsWith("SA"))
            || !tlsNote.isEmpty();
    boolean auth = proto.endsWith("A") && proto.matches("(UTF8)?(E?SMTP|LMTP)S?A");
    if (with.toLowerCase(Locale.ROOT).startsWith("microsoft smtp server"))
      protocol = "Microsoft SMTP Server";
    var date = MailDates.parse(datePart);
    boolean parsed = (!by.isEmpty() || !from.isEmpty()) && date.isPresent();
    return new ReceivedField(
        raw,
        parsed,
        stripDot(from.startsWith("[") ? "" : from),
        rdns,
        address,
        helo.isEmpty() ? stripDot(from.startsWith("[") ? "" : from) : helo,
        stripDot(by),
        protocol,
        id.replaceAll(";$", ""),
        forAddr,
        tls,
        tlsNote,
        auth,
        envelopeFrom,
        date,
        allComments);
  }

  private static String stripDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static String first(StringBuilder b) {
    if (b == null) return "";
    String s = b.toString().strip();
    int sp = s.indexOf(' ');
    return sp < 0 ? s : s.substring(0, sp);
  }

  private static String rest(StringBuilder b) {
    return b == null ? "" : b.toString().strip();
  }

  /** Index after the ')' that closes the comment at {@code open} (nested, quoted pairs skipped). */
  private static int commentEnd(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') i++;
      else if (c == '(') depth++;
      else if (c == ')' && --depth == 0) return i + 1;
    }
    return s.length();
  }

  /** The ";" before the date: the last one outside comments. */
  private static int lastTopLevelSemicolon(String s) {
    int depth = 0;
    int last = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') i++;
      else if (c == '(') depth++;
      else if (c == ')' && depth > 0) depth--;
      else if (c == ';' && depth == 0) last = i;
    }
    return last;
  }
}
