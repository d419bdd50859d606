package dev.mailcheck.checks.spf;

import dev.mailcheck.internal.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Macro strings (RFC 7208 §7): checking their syntax and expanding them.
 *
 * <p>{@code %{ir}.%{v}._spf.%{d2}} for 192.0.2.3 sending as {@code a@mail.example.com} expands to
 * {@code 3.2.0.192.in-addr._spf.example.com}.
 */
final class SpfMacros {
  private SpfMacros() {}

  /**
   * The values the letters stand for. {@code validatedName} is {@code %{p}}: computed only when a
   * macro asks for it, because it costs DNS lookups (RFC 7208 §7.3).
   */
  record Values(
      InetAddress ip,
      String sender,
      String domain,
      String helo,
      String receiver,
      long timestamp,
      Supplier<String> validatedName) {
    Values withDomain(String d) {
      return new Values(ip, sender, d, helo, receiver, timestamp, validatedName);
    }

    String localPart() {
      int at = sender.lastIndexOf('@');
      return at < 0 ? "postmaster" : sender.substring(0, at);
    }

    String senderDomain() {
      int at = sender.lastIndexOf('@');
      return at < 0 ? sender : sender.substring(at + 1);
    }
  }

  /**
   * The first syntax error of a macro-string, empty if it is valid. {@code c}, {@code r} and {@code
   * t} are allowed only in explanation strings (RFC 7208 §7.1). Record text quoted in the error
   * shows control characters as U+XXXX ({@code exp=} explanations are any TXT text).
   */
  static Optional<String> check(String s, boolean explanation) {
    return checkRaw(s, explanation).map(dev.mailcheck.internal.DomainNames::printable);
  }

  private static Optional<String> checkRaw(String s, boolean explanation) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch != '%') {
        if (ch < 0x21 || ch > 0x7e) {
          if (explanation && ch == ' ') continue;
          return Optional.of("character " + describe(ch) + " is not allowed");
        }
        continue;
      }
      if (i + 1 >= s.length()) return Optional.of("'%' at the end (write '%%' for a percent sign)");
      char next = s.charAt(i + 1);
      if (next == '%' || next == '_' || next == '-') {
        i++;
        continue;
      }
      if (next != '{')
        return Optional.of("'%" + next + "' is not a macro (write '%%' for a percent sign)");
      int close = s.indexOf('}', i + 2);
      if (close < 0) return Optional.of("macro '" + s.substring(i) + "' is not closed with '}'");
      Optional<String> bad = checkExpand(s.substring(i + 2, close), explanation);
      if (bad.isPresent()) return bad;
      i = close;
    }
    return Optional.empty();
  }

  private static Optional<String> checkExpand(String body, boolean explanation) {
    if (body.isEmpty()) return Optional.of("empty macro '%{}'");
    char letter = Character.toLowerCase(body.charAt(0));
    if ("slodiphv".indexOf(letter) < 0) {
      if ("crt".indexOf(letter) >= 0 && !explanation) {
        return Optional.of(
            "macro letter '" + body.charAt(0) + "' is allowed only in exp= explanations");
      }
      if ("crt".indexOf(letter) < 0)
        return Optional.of("'" + body.charAt(0) + "' is not a macro letter");
    }
    int j = 1;
    int digitsStart = j;
    while (j < body.length() && Character.isDigit(body.charAt(j))) j++;
    if (j > digitsStart) {
      String digits = body.substring(digitsStart, j);
      if (digits.chars().allMatch(c -> c == '0'))
        return Optional.of("macro transformer digit must not be 0");
    }
    if (j < body.length() && (body.charAt(j) == 'r' || body.charAt(j) == 'R')) j++;
    for (; j < body.length(); j++) {
      if (".-+,/_=".indexOf(body.charAt(j)) < 0) {
        return Optional.of(
            "'" + body.charAt(j) + "' is not a macro delimiter in '%{" + body + "}'");
      }
    }
    return Optional.empty();
  }

  private static String describe(char ch) {
    return ch < 0x20 || ch == 0x7f ? String.format("U+%04X (control)", (int) ch) : "'" + ch + "'";
  }

  /** Expands a macro-string that {@link #check} accepted. */
  static String expand(String s, Values v, boolean explanation) {
    if (s.indexOf('%') < 0) return s;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch != '%') {
        out.append(ch);
        continue;
      }
      char next = s.charAt(++i);
      switch (next) {
        case '%' -> out.append('%');
        case '_' -> out.append(' ');
        case '-' -> out.append("%20");
        default -> {
          int close = s.indexOf('}', i);
          out.append(expandOne(s.substring(i + 1, close), v));
          i = close;
        }
      }
    }
    return out.toString();
  }

  /**
   * Expands a domain-spec into the name to look up, lower case, without a trailing dot; over 253
   * octets, labels are dropped from the left until it fits (RFC 7208 §4.8, §7.3).
   */
  static String expandDomain(String spec, Values v) {
    String name = expand(spec, v, false);
    if (name.endsWith(".")) name = name.substring(0, name.length() - 1);
    while (name.length() > 253) {
      int dot = name.indexOf('.');
      if (dot < 0) break;
      name = name.substring(dot + 1);
    }
    return name.toLowerCase(Locale.ROOT);
  }

  private static String expandOne(String body, Values v) {
    char letter = body.charAt(0);
    String value =
        switch (Character.toLowerCase(letter)) {
          case 's' -> v.sender();
          case 'l' -> v.localPart();
          case 'o' -> v.senderDomain();
          case 'd' -> v.domain();
          case 'i' -> dotted(v.ip());
          case 'p' -> v.validatedName().get();
          case 'v' -> v.ip() instanceof Inet4Address ? "in-addr" : "ip6";
          case 'h' -> v.helo();
          case 'c' -> InetAddresses.format(v.ip()); // RFC 5952 for IPv6
          case 'r' -> v.receiver();
          case 't' -> Long.toString(v.timestamp());
          default -> throw new IllegalStateException("unchecked macro " + body);
        };
    int j = 1;
    while (j < body.length() && Character.isDigit(body.charAt(j))) j++;
    int keep = j > 1 ? parseCapped(body.substring(1, j)) : 0;
    boolean reverse = false;
    if (j < body.length() && Character.toLowerCase(body.charAt(j)) == 'r') {
      reverse = true;
      j++;
    }
    String delimiters = j < body.length() ? body.substring(j) : ".";
    if (keep > 0 || reverse || j < body.length()) {
      List<String> parts = split(value, delimiters);
      if (reverse) Collections.reverse(parts);
      if (keep > 0 && keep < parts.size()) parts = parts.subList(parts.size() - keep, parts.size());
      value = String.join(".", parts);
    }
    return Character.isUpperCase(letter) ? urlEscape(value) : value;
  }

  private static int parseCapped(String digits) {
    return digits.length() > 3 ? 1000 : Integer.parseInt(digits);
  }

  private static List<String> split(String value, String delimiters) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      if (delimiters.indexOf(value.charAt(i)) >= 0) {
        parts.add(value.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(value.substring(start));
    return parts;
  }

  /** The {@code i} macro: dotted quad, or 32 dot-separated nibbles for IPv6 (RFC 7208 §7.3). */
  static String dotted(InetAddress ip) {
    if (ip instanceof Inet4Address) return ip.getHostAddress();
    StringBuilder sb = new StringBuilder();
    for (byte b : ip.getAddress()) {
      if (!sb.isEmpty()) sb.append('.');
      sb.append(HEX.charAt((b >> 4) & 0xf)).append('.').append(HEX.charAt(b & 0xf));
    }
    return sb.toString();
  }

  /** Upper case, as the OpenSPF suite expects ({@code v-macro-ip6}); DNS ignores case anyway. */
  private static final String HEX = "0123456789ABCDEF";

  /** Uppercase macro letters: URL-escape everything but the unreserved characters (RFC 3986). */
  private static String urlEscape(String value) {
    StringBuilder sb = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return sb.toString();
  }
}
