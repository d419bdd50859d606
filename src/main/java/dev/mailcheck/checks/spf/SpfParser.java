package dev.mailcheck.checks.spf;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.spf.SpfProblem.Kind;
import dev.mailcheck.internal.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses SPF record text by the ABNF of RFC 7208 §4.6 and §12. Lenient: it reads every term it can,
 * never throws, and collects each problem with its position (at most {@value Limits#SPF_PROBLEMS}).
 *
 * <p>Hand-written scanners, not regular expressions, read the term shapes (modifier name, dual CIDR
 * suffix, macro-expand ending, top label, prefix length): every evaluation parses each record it
 * meets, so the parser is on the hot path; {@code SpfParserScannersTest} holds each scanner to the
 * ABNF's regular expression on generated input.
 *
 * <p>Over 300 lines on purpose: it is one grammar (the ABNF of §4.6, §5 and §12) with one problem
 * list; split across classes, the rules that decide together (a term's name, its argument, its CIDR
 * lengths) would be read apart.
 *
 * <pre>{@code
 * SpfRecord r = SpfParser.parse("v=spf1 ip4:192.0.2.0/24 include:_spf.example.net -all");
 * r.valid();          // true
 * r.mechanisms().size(); // 3
 * }</pre>
 */
public final class SpfParser {
  private static final String VERSION = "v=spf1";

  private SpfParser() {}

  /** True when TXT text is an SPF record: {@code v=spf1} followed by a space or nothing (§4.5). */
  public static boolean isSpf(String text) {
    return text.regionMatches(true, 0, VERSION, 0, VERSION.length())
        && (text.length() == VERSION.length() || text.charAt(VERSION.length()) == ' ');
  }

  public static SpfRecord parse(String text) {
    return new Parser(text).run();
  }

  private static final class Parser {
    private final String text;
    private final List<SpfTerm> terms = new ArrayList<>();
    private final List<SpfProblem> problems = new ArrayList<>();

    Parser(String text) {
      this.text = text;
    }

    SpfRecord run() {
      if (!isSpf(text)) {
        problem(Kind.NOT_SPF, 1, "", "the record does not start with 'v=spf1' followed by a space");
        return new SpfRecord(text, terms, problems);
      }
      int i = VERSION.length();
      boolean redirect = false;
      boolean exp = false;
      while (i < text.length()) {
        if (text.charAt(i) == ' ') {
          i++;
          continue;
        }
        int end = text.indexOf(' ', i);
        if (end < 0) end = text.length();
        String term = text.substring(i, end);
        int pos = i + 1;
        i = end;
        int bad = firstNonPrintable(term);
        if (bad >= 0) {
          char c = term.charAt(bad);
          problem(
              Kind.BAD_CHARACTER,
              pos + bad,
              term,
              c > 0x7e && c != 0x7f
                  ? "non-ASCII character; SPF records are 7-bit ASCII (RFC 7208 §3.1)"
                  : String.format(
                      "control character U+%04X; terms are separated by spaces only", (int) c));
          continue;
        }
        int eq = modifierNameEnd(term);
        if (eq > 0) {
          String name = term.substring(0, eq);
          String value = term.substring(eq + 1);
          String lower = name.toLowerCase(Locale.ROOT);
          if (lower.equals("redirect") || lower.equals("exp")) {
            if (lower.equals("redirect") ? redirect : exp) {
              problem(
                  Kind.REPEATED_MODIFIER,
                  pos,
                  term,
                  "'" + lower + "=' appears more than once (RFC 7208 §6)");
            }
            if (lower.equals("redirect")) redirect = true;
            else exp = true;
            checkDomainSpec(value, pos + name.length() + 1, term);
          } else {
            SpfMacros.check(value, false).ifPresent(msg -> problem(Kind.BAD_MACRO, pos, term, msg));
          }
          terms.add(new SpfTerm.Modifier(name, value, term, pos));
          continue;
        }
        mechanism(term, pos);
      }
      return new SpfRecord(text, terms, problems);
    }

    private void mechanism(String term, int pos) {
      Qualifier q = Qualifier.of(term.charAt(0));
      int start = q == null ? 0 : 1;
      if (q == null) q = Qualifier.PASS;
      int nameEnd = start;
      while (nameEnd < term.length() && term.charAt(nameEnd) != ':' && term.charAt(nameEnd) != '/')
        nameEnd++;
      String name = term.substring(start, nameEnd).toLowerCase(Locale.ROOT);
      String rest = term.substring(nameEnd);
      SpfTerm.Kind kind = SpfTerm.Kind.named(name);
      if (kind == null) {
        String hint =
            name.equals("redirect") || name.equals("exp")
                ? "; '" + name + "' is a modifier: write '" + name + "=...'"
                : name.isEmpty() ? "" : " (mechanisms: all include a mx ptr ip4 ip6 exists)";
        problem(Kind.UNKNOWN_MECHANISM, pos, term, "unknown mechanism '" + name + "'" + hint);
        return;
      }
      int restPos = pos + nameEnd;
      switch (kind) {
        case ALL -> {
          if (!rest.isEmpty()) problem(Kind.BAD_ARGUMENT, restPos, term, "'all' takes no argument");
          add(q, kind, null, null, 32, 128, term, pos);
        }
        case INCLUDE, EXISTS -> {
          if (!rest.startsWith(":") || rest.length() == 1) {
            problem(
                Kind.BAD_ARGUMENT,
                restPos,
                term,
                "'" + name + "' needs a domain: " + name + ":example.com");
            return;
          }
          String spec = rest.substring(1);
          checkDomainSpec(spec, restPos + 1, term);
          add(q, kind, spec, null, 32, 128, term, pos);
        }
        case A, MX, PTR -> {
          DualCidr d = dualCidr(rest);
          String spec = d.spec();
          int c4 = 32;
          int c6 = 128;
          if (kind == SpfTerm.Kind.PTR && (d.ip4() != null || d.ip6() != null)) {
            problem(
                Kind.BAD_ARGUMENT, restPos + spec.length(), term, "'ptr' takes no prefix length");
          }
          if (d.ip4() != null) c4 = cidr(d.ip4(), 32, restPos + spec.length() + 1, term);
          if (d.ip6() != null) c6 = cidr(d.ip6(), 128, restPos + rest.lastIndexOf("//") + 2, term);
          String domain = null;
          if (!spec.isEmpty()) {
            if (!spec.startsWith(":") || spec.length() == 1) {
              problem(
                  Kind.BAD_ARGUMENT,
                  restPos,
                  term,
                  "'" + name + "' expects ':domain' or a '/prefix' here");
              return;
            }
            domain = spec.substring(1);
            checkDomainSpec(domain, restPos + 1, term);
          }
          add(q, kind, domain, null, c4, c6, term, pos);
        }
        case IP4, IP6 -> {
          if (!rest.startsWith(":")) {
            problem(
                Kind.BAD_ARGUMENT,
                restPos,
                term,
                "'"
                    + name
                    + "' needs an address: "
                    + name
                    + (kind == SpfTerm.Kind.IP4 ? ":192.0.2.0/24" : ":2001:db8::/32"));
            return;
          }
          String value = rest.substring(1);
          int slash = value.indexOf('/');
          String addr = slash < 0 ? value : value.substring(0, slash);
          int max = kind == SpfTerm.Kind.IP4 ? 32 : 128;
          int len = max;
          if (slash >= 0) len = cidr(value.substring(slash + 1), max, restPos + 2 + slash, term);
          byte[] net = kind == SpfTerm.Kind.IP4 ? ip4(addr) : ip6(addr);
          if (net == null) {
            problem(
                Kind.BAD_ADDRESS,
                restPos + 1,
                term,
                "'"
                    + addr
                    + "' is not an "
                    + (kind == SpfTerm.Kind.IP4 ? "IPv4" : "IPv6")
                    + " address");
            return;
          }
          add(
              q,
              kind,
              null,
              net,
              kind == SpfTerm.Kind.IP4 ? len : 32,
              kind == SpfTerm.Kind.IP6 ? len : 128,
              term,
              pos);
        }
      }
    }

    private void add(
        Qualifier q,
        SpfTerm.Kind kind,
        String domain,
        byte[] net,
        int c4,
        int c6,
        String term,
        int pos) {
      terms.add(
          new SpfTerm.Mechanism(
              q, kind, Optional.ofNullable(domain), Optional.ofNullable(net), c4, c6, term, pos));
    }

    /** A prefix length: no leading zeros, at most {@code max} (RFC 7208 §5.6 ABNF). */
    private int cidr(String digits, int max, int pos, String term) {
      if (!isNumber(digits) || Integer.parseInt(digits) > max) {
        problem(
            Kind.BAD_PREFIX_LENGTH,
            pos,
            term,
            "'/" + digits + "' is not a prefix length from 0 to " + max);
        return max;
      }
      return Integer.parseInt(digits);
    }

    /** domain-spec = macro-string domain-end (RFC 7208 §7.1). */
    private void checkDomainSpec(String spec, int pos, String term) {
      if (spec.isEmpty()) {
        problem(Kind.BAD_DOMAIN, pos, term, "empty domain");
        return;
      }
      Optional<String> bad = SpfMacros.check(spec, false);
      if (bad.isPresent()) {
        problem(Kind.BAD_MACRO, pos, term, bad.get());
        return;
      }
      if (endsWithMacro(spec)) return;
      String s = spec.endsWith(".") ? spec.substring(0, spec.length() - 1) : spec;
      int dot = s.lastIndexOf('.');
      String top = s.substring(dot + 1);
      if (dot < 0) {
        problem(Kind.BAD_DOMAIN, pos, term, "'" + spec + "' is not a fully qualified domain name");
      } else if (!isTopLabel(top)) {
        problem(
            Kind.BAD_DOMAIN,
            pos + dot + 1,
            term,
            "'" + top + "' is not a valid top-level label (RFC 7208 §7.1)");
      }
    }

    private void problem(Kind kind, int pos, String term, String message) {
      if (problems.size() < Limits.SPF_PROBLEMS)
        problems.add(new SpfProblem(kind, pos, term, message));
    }
  }

  private static int firstNonPrintable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x21 || c > 0x7e) return i;
    }
    return -1;
  }

  /** A dotted quad with no leading zeros (RFC 7208 §5.6 qnum), or null. */
  static byte[] ip4(String s) {
    byte[] out = new byte[4];
    int start = 0;
    for (int i = 0; i < 4; i++) {
      int end = i < 3 ? s.indexOf('.', start) : s.length();
      if (end < 0) return null;
      String part = s.substring(start, end);
      if (!isNumber(part)) return null;
      int n = Integer.parseInt(part);
      if (n > 255) return null;
      out[i] = (byte) n;
      start = end + 1;
    }
    return out;
  }

  /**
   * The end of a modifier's name ({@code ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )}, RFC 7208
   * §12): the index of the {@code =} after it, or -1 when the term is not a modifier.
   */
  static int modifierNameEnd(String term) {
    if (term.isEmpty() || !isAlpha(term.charAt(0))) return -1;
    for (int i = 1; i < term.length(); i++) {
      char c = term.charAt(i);
      if (c == '=') return i;
      if (!isAlpha(c) && !isDigit(c) && c != '-' && c != '_' && c != '.') return -1;
    }
    return -1;
  }

  /**
   * What follows a mechanism's name, split into the shortest possible head and a {@code
   * dual-cidr-length} ({@code [ "/" ip4-cidr ] [ "//" ip6-cidr ]}, RFC 7208 §5.6); the lengths
   * unchecked digits, null when absent.
   */
  record DualCidr(String spec, String ip4, String ip6) {}

  static DualCidr dualCidr(String rest) {
    for (int i = rest.indexOf('/'); i >= 0; i = rest.indexOf('/', i + 1)) {
      DualCidr d = cidrSuffix(rest, i);
      if (d != null) return d;
    }
    return new DualCidr(rest, null, null);
  }

  /** The dual CIDR suffix starting at {@code i} (a '/') up to the end, or null. */
  private static DualCidr cidrSuffix(String rest, int i) {
    String ip4 = null;
    int j = i;
    if (rest.startsWith("/", j) && j + 1 < rest.length() && isDigit(rest.charAt(j + 1))) {
      int k = j + 1;
      while (k < rest.length() && isDigit(rest.charAt(k))) k++;
      ip4 = rest.substring(j + 1, k);
      j = k;
    }
    String ip6 = null;
    if (rest.startsWith("//", j) && j + 2 < rest.length()) {
      int k = j + 2;
      while (k < rest.length() && isDigit(rest.charAt(k))) k++;
      if (k == rest.length()) {
        ip6 = rest.substring(j + 2);
        j = k;
      }
    }
    return j == rest.length() && j > i ? new DualCidr(rest.substring(0, i), ip4, ip6) : null;
  }

  /**
   * True when a domain-spec ends in a macro-expand ({@code "%{" ... "}"}, {@code %%}, {@code %_},
   * {@code %-}), which stands for the domain-end (RFC 7208 §7.1).
   */
  static boolean endsWithMacro(String spec) {
    if (spec.endsWith("%%") || spec.endsWith("%_") || spec.endsWith("%-")) return true;
    int last = spec.length() - 1;
    if (last < 0 || spec.charAt(last) != '}') return false;
    int open = spec.indexOf("%{", spec.lastIndexOf('}', last - 1) + 1);
    return open >= 0 && open + 1 < last;
  }

  /**
   * {@code toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum
   * )} (RFC 7208 §7.1).
   */
  static boolean isTopLabel(String label) {
    if (label.isEmpty()) return false;
    boolean alpha = false;
    boolean hyphen = false;
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (c == '-') hyphen = true;
      else if (isAlpha(c)) alpha = true;
      else if (!isDigit(c)) return false;
    }
    if (!hyphen) return alpha;
    return label.charAt(0) != '-' && label.charAt(label.length() - 1) != '-';
  }

  /** 1 to 3 digits without a leading zero, or "0" (the ABNF's ip4-cidr-length and qnum shape). */
  static boolean isNumber(String s) {
    int n = s.length();
    if (n == 0 || n > 3 || (s.charAt(0) == '0' && n > 1)) return false;
    for (int i = 0; i < n; i++) if (!isDigit(s.charAt(i))) return false;
    return true;
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIp6Text(String s) {
    if (s.isEmpty()) return false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isDigit(c) && !(c >= 'a' && c <= 'f') && !(c >= 'A' && c <= 'F') && c != ':' && c != '.')
        return false;
    }
    return true;
  }

  /** An IPv6 address in text form (RFC 4291 §2.2), as 16 octets, or null. */
  static byte[] ip6(String s) {
    if (s.indexOf(':') < 0 || !isIp6Text(s)) return null;
    InetAddress a = InetAddresses.parse(s).orElse(null);
    if (a == null) return null;
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      System.arraycopy(b, 0, mapped, 12, 4);
      return mapped;
    }
    return b;
  }
}
