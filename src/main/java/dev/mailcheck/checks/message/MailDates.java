package dev.mailcheck.checks.message;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 5322 §3.3 date-time, read leniently (§4.3 obsolete forms too: two-digit years, zone names
 * such as PST, missing seconds), because Received and Date fields in the wild are all of these.
 * {@link #strict} says whether a Date field is what §3.3 asks for.
 */
final class MailDates {
  private MailDates() {}

  private static final Pattern DATE =
      Pattern.compile(
          "(?:([A-Za-z]{3})\\s*,\\s*)?(\\d{1,2})\\s+([A-Za-z]{3})\\s+(\\d{2,4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*([+-]\\d{4}|[A-Za-z]{1,5})?");

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  private static final Map<String, Integer> ZONES =
      Map.ofEntries(
          Map.entry("ut", 0),
          Map.entry("utc", 0),
          Map.entry("gmt", 0),
          Map.entry("z", 0),
          Map.entry("est", -5),
          Map.entry("edt", -4),
          Map.entry("cst", -6),
          Map.entry("cdt", -5),
          Map.entry("mst", -7),
          Map.entry("mdt", -6),
          Map.entry("pst", -8),
          Map.entry("pdt", -7));

  /** The first date-time in {@code text}, if one reads. */
  static Optional<OffsetDateTime> parse(String text) {
    Matcher m = DATE.matcher(text);
    if (!m.find()) return Optional.empty();
    try {
      Integer month = MONTHS.get(m.group(3).toLowerCase(Locale.ROOT));
      if (month == null) return Optional.empty();
      int year = Integer.parseInt(m.group(4));
      if (m.group(4).length() == 2) year += year < 50 ? 2000 : 1900; // RFC 5322 §4.3
      else if (m.group(4).length() == 3) year += 1900;
      LocalDateTime local =
          LocalDateTime.of(
              year,
              month,
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(5)),
              Integer.parseInt(m.group(6)),
              m.group(7) == null ? 0 : Integer.parseInt(m.group(7)));
      ZoneOffset zone = ZoneOffset.UTC;
      String z = m.group(8);
      if (z != null && (z.startsWith("+") || z.startsWith("-"))) {
        int h = Integer.parseInt(z.substring(1, 3));
        int min = Integer.parseInt(z.substring(3, 5));
        int sign = z.startsWith("-") ? -1 : 1;
        zone = ZoneOffset.ofHoursMinutes(sign * h, sign * min);
      } else if (z != null) {
        zone = ZoneOffset.ofHours(ZONES.getOrDefault(z.toLowerCase(Locale.ROOT), 0));
      }
      return Optional.of(OffsetDateTime.of(local, zone));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static final Pattern STRICT =
      Pattern.compile(
          "^\\s*(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\s*,\\s*)?\\d{1,2}\\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\s+\\d{4}\\s+\\d{2}:\\d{2}(:\\d{2})?\\s+[+-]\\d{4}(\\s*\\([^)]*\\))?\\s*$");

  /** Whether a Date field value is an RFC 5322 §3.3 date-time (no obsolete forms). */
  static boolean strict(String value) {
    return STRICT.matcher(value.replace("\r\n", "")).matches() && parse(value).isPresent();
  }
}
