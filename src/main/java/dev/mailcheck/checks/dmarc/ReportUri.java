package dev.mailcheck.checks.dmarc;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of {@code rua=} or {@code ruf=}: {@code mailto:addr[!size]} (RFC 7489 §6.2, RFC 9989
 * §4.7). Only mailto is defined for delivery; other schemes are kept so they can be flagged.
 *
 * @param uri as written (case preserved)
 * @param scheme lower case
 * @param address the mailbox for mailto, else empty
 * @param domain the mailbox's domain (lower case), else empty
 * @param sizeLimit the "!" suffix, e.g. "10m", if any
 */
public record ReportUri(
    String uri, String scheme, String address, String domain, Optional<String> sizeLimit) {
  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*):(.+)");
  private static final Pattern SIZE = Pattern.compile("(.*)!(\\d+[kmgtKMGT]?)");
  private static final Pattern MAILBOX =
      Pattern.compile(
          "([^@\\s,;!]+)@([A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?)*)\\.?");

  /** The URI, or why it is not one. */
  public sealed interface Parsed {}

  public record Ok(ReportUri uri) implements Parsed {}

  public record Bad(String uri, String reason) implements Parsed {}

  public static Parsed parse(String text) {
    String t = text.strip();
    // RFC 3986: a URI is printable ASCII; anything else is no report address (and is not shown raw)
    if (!t.chars().allMatch(c -> c > 0x20 && c < 0x7f))
      return new Bad(
          t,
          "\""
              + dev.mailcheck.internal.DomainNames.printable(t)
              + "\" is not a URI (it holds a space, a control or a non-ASCII character)");
    Matcher m = SCHEME.matcher(t);
    if (!m.matches())
      return new Bad(t, "\"" + t + "\" is not a URI (a report address needs \"mailto:\")");
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    String rest = m.group(2);
    Optional<String> size = Optional.empty();
    Matcher sm = SIZE.matcher(rest);
    if (sm.matches()) {
      rest = sm.group(1);
      size = Optional.of(sm.group(2).toLowerCase(Locale.ROOT));
    } else if (rest.contains("!")) {
      return new Bad(t, "bad size limit in \"" + t + "\" (expected !<number>[k|m|g|t])");
    }
    if (!scheme.equals("mailto")) return new Ok(new ReportUri(t, scheme, "", "", size));
    String mailbox = rest;
    int q = mailbox.indexOf('?');
    if (q >= 0) mailbox = mailbox.substring(0, q);
    Matcher mb = MAILBOX.matcher(mailbox);
    if (!mb.matches()) return new Bad(t, "\"" + t + "\" is not a valid mailto: address");
    return new Ok(
        new ReportUri(
            t, scheme, mailbox, mb.group(2).toLowerCase(Locale.ROOT).replaceAll("\\.$", ""), size));
  }
}
