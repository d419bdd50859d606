package dev.mailcheck.checks.postfix.log;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * One log line split into timestamp, host, program, PID and message. The formats Postfix logs
 * arrive in:
 *
 * <ul>
 *   <li>RFC 3164 as rsyslog and Postfix's own {@code maillog_file} write it: {@code Jan 4 18:27:02
 *       host postfix/smtpd[123]: message} (no year: it is guessed from a reference date, a month
 *       later than the reference belongs to the year before);
 *   <li>ISO 8601 / RFC 3339 timestamps (rsyslog's high-precision format, {@code journalctl -o
 *       short-iso}): {@code 2024-01-04T18:27:02.123456+01:00 host postfix/smtpd[123]: message},
 *       offsets as {@code Z}, {@code +01:00} or {@code +0100}, or none (local time);
 *   <li>RFC 5424: {@code <22>1 2024-01-04T18:27:02Z host postfix/smtpd 123 - - message}.
 * </ul>
 *
 * A mutable cursor reused for every line: a 1 GB log has ten million lines, and a record per line
 * would be most of the run's allocation. {@link #parse} never throws.
 */
final class SyslogLine {
  static final long NO_TIME = Long.MIN_VALUE;

  private final ZoneId zone;
  private final int refYear;
  private final int refMonth;

  long epochSecond = NO_TIME;
  String host = "";
  String program = "";
  String pid = "";
  String message = "";

  // one-entry caches: lines arrive in time order, so the hour rarely changes
  private int cachedHourKey = -1;
  private long cachedHourEpoch;
  private long cachedDateKey = -1;
  private long cachedEpochDay;

  /**
   * @param zone the zone of timestamps without an offset (RFC 3164, ISO without offset)
   * @param refYear the year of the newest line an RFC 3164 file can hold (its modification year)
   * @param refMonth that date's month (1-12): later months belong to {@code refYear - 1}
   */
  SyslogLine(ZoneId zone, int refYear, int refMonth) {
    this.zone = zone;
    this.refYear = refYear;
    this.refMonth = refMonth;
  }

  /** Splits {@code s}; false when it is no syslog line of a known format. */
  boolean parse(String s) {
    epochSecond = NO_TIME;
    int n = s.length();
    if (n < 16) return false;
    int p;
    char c0 = s.charAt(0);
    if (c0 == '<') return parse5424(s);
    if (c0 >= '0' && c0 <= '9') {
      p = parseIso(s, 0);
      if (p < 0) return false;
    } else {
      p = parse3164(s);
      if (p < 0) return false;
    }
    return parseTail(s, p);
  }

  /** After the timestamp and one space: {@code host tag[pid]: message}. */
  private boolean parseTail(String s, int p) {
    int n = s.length();
    int sp = s.indexOf(' ', p);
    if (sp <= p) return false;
    host = s.substring(p, sp);
    int t = sp + 1;
    int colon = s.indexOf(": ", t);
    if (colon < 0) {
      if (s.endsWith(":")) colon = n - 1;
      else return false;
    }
    int tagEnd = colon;
    int bracket = s.lastIndexOf('[', colon);
    if (bracket > t && s.charAt(colon - 1) == ']') {
      pid = s.substring(bracket + 1, colon - 1);
      tagEnd = bracket;
    } else {
      pid = "";
    }
    if (tagEnd <= t) return false;
    program = s.substring(t, tagEnd);
    if (program.indexOf(' ') >= 0) return false;
    message = colon + 2 <= n ? s.substring(colon + 2) : "";
    return true;
  }

  private boolean parse5424(String s) {
    int n = s.length();
    int gt = s.indexOf('>');
    if (gt < 2 || gt > 4 || gt + 3 >= n || s.charAt(gt + 1) != '1' || s.charAt(gt + 2) != ' ')
      return false;
    int p = gt + 3;
    if (s.charAt(p) == '-') p += 2;
    else {
      p = parseIso(s, p);
      if (p < 0) return false;
    }
    String[] f = new String[4];
    for (int i = 0; i < 4; i++) {
      int sp = s.indexOf(' ', p);
      if (sp < 0) return false;
      f[i] = s.substring(p, sp);
      p = sp + 1;
    }
    host = f[0];
    program = f[1];
    pid = f[2].equals("-") ? "" : f[2];
    // structured data: "-" or one or more [id param="value"] elements
    if (p < n && s.charAt(p) == '-') p = Math.min(n, p + 2);
    else if (p < n && s.charAt(p) == '[') {
      boolean quoted = false;
      int i = p;
      for (; i < n; i++) {
        char c = s.charAt(i);
        if (c == '\\') i++;
        else if (c == '"') quoted = !quoted;
        else if (c == ']' && !quoted && (i + 1 >= n || s.charAt(i + 1) != '[')) break;
      }
      p = Math.min(n, i + 2);
    }
    if (p < n && s.charAt(p) == '\uFEFF') p++;
    message = s.substring(Math.min(p, n));
    return !program.isEmpty();
  }

  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  /** {@code Mmm dd HH:MM:SS } (day space- or zero-padded); returns the index after the space. */
  private int parse3164(String s) {
    int m = MONTHS.indexOf(s.substring(0, 3));
    if (m < 0 || m % 3 != 0 || s.charAt(3) != ' ') return -1;
    int month = m / 3 + 1;
    int p = 4;
    if (s.charAt(p) == ' ') p++;
    int day = 0;
    int digits = 0;
    while (p < s.length() && Character.isDigit(s.charAt(p)) && digits < 2) {
      day = day * 10 + (s.charAt(p++) - '0');
      digits++;
    }
    if (digits == 0 || day < 1 || day > 31 || p + 9 > s.length() || s.charAt(p) != ' ') return -1;
    p++;
    int h = two(s, p), mi = two(s, p + 3), se = two(s, p + 6);
    if (h < 0 || mi < 0 || se < 0 || s.charAt(p + 2) != ':' || s.charAt(p + 5) != ':') return -1;
    if (s.charAt(p + 8) != ' ') return -1;
    int year = month > refMonth ? refYear - 1 : refYear;
    int key = ((year * 13 + month) * 32 + day) * 24 + h;
    if (key != cachedHourKey) {
      try {
        cachedHourEpoch = LocalDateTime.of(year, month, day, h, 0).atZone(zone).toEpochSecond();
      } catch (java.time.DateTimeException e) {
        return -1; // Feb 30
      }
      cachedHourKey = key;
    }
    epochSecond = cachedHourEpoch + mi * 60L + se;
    return p + 9;
  }

  /** {@code YYYY-MM-DDTHH:MM:SS[.frac][Z|±hh:mm|±hhmm]} at {@code p}; index after the space. */
  private int parseIso(String s, int p) {
    int n = s.length();
    if (p + 20 > n) return -1;
    int y = four(s, p), mo = two(s, p + 5), d = two(s, p + 8);
    char sep = s.charAt(p + 10);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31) return -1;
    if (s.charAt(p + 4) != '-' || s.charAt(p + 7) != '-' || (sep != 'T' && sep != ' ')) return -1;
    int h = two(s, p + 11), mi = two(s, p + 14), se = two(s, p + 17);
    if (h < 0 || mi < 0 || se < 0 || h > 23 || mi > 59 || se > 60) return -1;
    int i = p + 19;
    if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
      i++;
      while (i < n && Character.isDigit(s.charAt(i))) i++;
    }
    Integer offset = null;
    if (i < n && s.charAt(i) == 'Z') {
      offset = 0;
      i++;
    } else if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      int sign = s.charAt(i) == '-' ? -1 : 1;
      int oh = i + 3 <= n ? two(s, i + 1) : -1;
      int om;
      if (oh < 0) return -1;
      if (i + 6 <= n && s.charAt(i + 3) == ':') {
        om = two(s, i + 4);
        i += 6;
      } else if (i + 5 <= n && Character.isDigit(s.charAt(i + 3))) {
        om = two(s, i + 3);
        i += 5;
      } else {
        om = 0;
        i += 3;
      }
      if (om < 0) return -1;
      offset = sign * (oh * 3600 + om * 60);
    }
    if (i >= n || s.charAt(i) != ' ') return -1;
    try {
      if (offset == null) {
        epochSecond =
            LocalDateTime.of(y, mo, d, h, mi, Math.min(se, 59)).atZone(zone).toEpochSecond();
      } else {
        long dateKey = (y * 13L + mo) * 32 + d;
        if (dateKey != cachedDateKey) {
          cachedEpochDay = LocalDate.of(y, mo, d).toEpochDay();
          cachedDateKey = dateKey;
        }
        epochSecond = cachedEpochDay * 86400 + h * 3600L + mi * 60L + se - offset;
      }
    } catch (java.time.DateTimeException e) {
      return -1;
    }
    return i + 1;
  }

  private static int two(String s, int p) {
    if (p + 2 > s.length()) return -1;
    char a = s.charAt(p), b = s.charAt(p + 1);
    if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
    return (a - '0') * 10 + (b - '0');
  }

  private static int four(String s, int p) {
    int a = two(s, p), b = two(s, p + 2);
    return a < 0 || b < 0 ? -1 : a * 100 + b;
  }
}
