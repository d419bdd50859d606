package dev.mailcheck.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Validates and normalizes domain names as users type them. The result is what the resolver's
 * questions expect: A-labels, lower case, no trailing dot.
 *
 * <pre>{@code
 * DomainNames.normalize("Example.COM.")    // "example.com"
 * DomainNames.normalize("bücher.de")       // "xn--bcher-kva.de"
 * DomainNames.normalize("faß.de")          // "xn--fa-hia.de" (IDNA 2008; IDNA 2003 gave "fass.de")
 * DomainNames.normalize("exa mple.com")    // InputException: 'exa mple.com' is not a valid domain
 *                                          //   name: label contains a space
 * }</pre>
 *
 * <p><b>What is enforced.</b> Before checking, surrounding white space is trimmed, one trailing dot
 * is dropped, the ideographic full stops U+3002, U+FF0E and U+FF61 separate labels (as UTS 46 and
 * IDNA 2003 do), and non-ASCII labels are lower-cased and put in NFC (the UTS 46 mapping step, in
 * part). Then:
 *
 * <ul>
 *   <li>every label is 1 to 63 octets in its A-label form and the name at most 253 octets (RFC 1035
 *       §2.3.4);
 *   <li>ASCII labels are letters, digits and hyphens (RFC 952/1123 host names); {@link
 *       #normalizeDnsName} also allows '_' for names such as {@code _dmarc.example.com};
 *   <li>no label starts or ends with a hyphen, and "--" in positions 3 and 4 only in an "xn--"
 *       A-label (RFC 5891 §4.2.3.1);
 *   <li>an A-label must decode as Punycode into a valid U-label that encodes back to the same
 *       A-label (RFC 5891 §5.4, round trip) and is not all ASCII;
 *   <li>U-label code points (RFC 5892 approximated by general category): letters (Ll, Lo, Lm),
 *       marks (Mn, Mc) and decimal digits (Nd) are allowed, plus the RFC 5892 §2.6 PVALID
 *       exceptions (ß, ς, U+06FD, U+06FE, U+0F0B, U+3007) and minus its DISALLOWED exceptions
 *       (U+0640, U+07FA, U+302E, U+302F, U+3031..3035, U+303B); symbols (emoji), punctuation,
 *       spaces, controls, format characters and unassigned code points (per the JDK's Unicode
 *       version) are rejected; so are code points that NFKC with lower-casing changes (RFC 5892
 *       §2.3 Unstable, e.g. full-width letters, "ﬁ") and old Hangul Jamo (§2.9);
 *   <li>a U-label does not start with a combining mark (RFC 5891 §4.2.3.2).
 * </ul>
 *
 * <p><b>What is not.</b> The contextual rules (RFC 5892 CONTEXTJ/CONTEXTO): ZWJ, ZWNJ, the middle
 * dot, Greek keraia, Hebrew geresh/gershayim and the Katakana middle dot are rejected outright
 * rather than allowed in context, and mixing Arabic-Indic digit sets is not detected. The Bidi rule
 * (RFC 5893) is not checked. Case folding is approximated by {@link String#toLowerCase(Locale)}.
 * {@link java.net.IDN} is not used for the conversion because it applies IDNA 2003's nameprep
 * mapping, which changes ß and ς.
 *
 * <p>An IPv4 literal such as {@code 192.0.2.1} is also a syntactically valid name (all-digit
 * labels); a command that accepts either checks {@link InetAddresses#parse} first.
 */
public final class DomainNames {
  private static final int MAX_LABEL = 63;
  private static final int MAX_NAME = 253;

  private DomainNames() {}

  /**
   * A host or domain name as the user typed it, in A-label form, lower case, without the trailing
   * dot.
   *
   * @throws InputException "'NAME' is not a valid domain name: REASON"
   */
  public static String normalize(String input) {
    return check(input, false);
  }

  /** Like {@link #normalize}, but ASCII labels may also contain '_' ({@code _dmarc}, DKIM keys). */
  public static String normalizeDnsName(String input) {
    return check(input, true);
  }

  /** The reason the name is invalid, or empty when {@link #normalize} would accept it. */
  public static Optional<String> problem(String input) {
    try {
      normalize(input);
      return Optional.empty();
    } catch (InputException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static String check(String input, boolean underscore) {
    if (input == null) throw invalid("", "empty");
    String s = input.strip();
    if (s.isEmpty()) throw invalid(input, "empty");
    s = s.replace('\u3002', '.').replace('\uFF0E', '.').replace('\uFF61', '.');
    if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
    if (s.isEmpty()) throw invalid(input, "the root alone is not a domain name");
    List<String> out = new ArrayList<>();
    for (String label : s.split("\\.", -1)) {
      try {
        out.add(label(label, underscore));
      } catch (IllegalArgumentException e) {
        throw invalid(input, e.getMessage());
      }
    }
    String name = String.join(".", out);
    if (name.length() > MAX_NAME) {
      throw invalid(input, "name is " + name.length() + " octets long, more than " + MAX_NAME);
    }
    return name;
  }

  /** One line of bounded length, whatever the input: its shown form and the reason are capped. */
  private static InputException invalid(String input, String reason) {
    String head =
        input.codePointCount(0, input.length()) > 200
            ? input.substring(0, input.offsetByCodePoints(0, 200))
            : input;
    String shown = cap(printable(head), 80);
    return new InputException(
        "'" + shown + "' is not a valid domain name: " + cap(printable(reason), 200));
  }

  private static String cap(String s, int max) {
    if (s.codePointCount(0, s.length()) <= max) return s;
    return s.substring(0, s.offsetByCodePoints(0, max - 3)) + "...";
  }

  private static String label(String label, boolean underscore) {
    if (label.isEmpty())
      throw new IllegalArgumentException("empty label (two dots in a row, or a leading dot)");
    if (label.indexOf(' ') >= 0) throw new IllegalArgumentException("label contains a space");
    label
        .codePoints()
        .filter(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp))
        .findFirst()
        .ifPresent(
            cp -> {
              throw new IllegalArgumentException(
                  "label contains white space (" + String.format(Locale.ROOT, "U+%04X", cp) + ")");
            });
    boolean ascii = label.chars().allMatch(c -> c < 0x80);
    String result;
    if (ascii) {
      result = label.toLowerCase(Locale.ROOT);
      for (int i = 0; i < result.length(); i++) {
        char c = result.charAt(i);
        boolean ok =
            (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || (underscore && c == '_');
        if (!ok)
          throw new IllegalArgumentException(
              "label '" + shown(label) + "' contains " + describe(c));
      }
      hyphens(result);
      if (result.startsWith("xn--")) aLabel(result);
    } else {
      String u = Normalizer.normalize(label.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
      uLabel(u);
      result = "xn--" + Punycode.encode(u);
      if (!Punycode.decode(result.substring(4)).equals(u)) {
        throw new IllegalArgumentException(
            "label '" + shown(label) + "' does not survive Punycode round trip");
      }
    }
    if (result.length() > MAX_LABEL) {
      throw new IllegalArgumentException(
          "label '"
              + shown(label)
              + "' is "
              + result.length()
              + " octets long"
              + (ascii ? "" : " as an A-label")
              + ", more than "
              + MAX_LABEL);
    }
    return result;
  }

  private static void hyphens(String label) {
    if (label.startsWith("-"))
      throw new IllegalArgumentException("label '" + shown(label) + "' starts with a hyphen");
    if (label.endsWith("-"))
      throw new IllegalArgumentException("label '" + shown(label) + "' ends with a hyphen");
    if (label.length() >= 4 && label.startsWith("--", 2) && !label.startsWith("xn--")) {
      throw new IllegalArgumentException(
          "label '" + shown(label) + "' has '--' in positions 3 and 4 but is not an xn-- A-label");
    }
  }

  private static void aLabel(String label) {
    String u;
    try {
      u = Punycode.decode(label.substring(4));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "label '" + shown(label) + "' is not a valid A-label: " + e.getMessage());
    }
    if (u.chars().allMatch(c -> c < 0x80)) {
      throw new IllegalArgumentException(
          "label '" + shown(label) + "' is not a valid A-label: it decodes to ASCII");
    }
    try {
      uLabel(u);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "A-label '" + shown(label) + "' decodes to '" + printable(u) + "': " + e.getMessage());
    }
    String normal = Normalizer.normalize(u.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    if (!normal.equals(u) || !("xn--" + Punycode.encode(u)).equals(label)) {
      throw new IllegalArgumentException(
          "label '" + shown(label) + "' is not a valid A-label: it does not round-trip");
    }
  }

  /** The U-label rules; {@code u} is already lower case and NFC. */
  private static void uLabel(String u) {
    hyphens(u);
    int first = u.codePointAt(0);
    int firstType = Character.getType(first);
    if (firstType == Character.NON_SPACING_MARK
        || firstType == Character.COMBINING_SPACING_MARK
        || firstType == Character.ENCLOSING_MARK) {
      throw new IllegalArgumentException("label '" + shown(u) + "' starts with a combining mark");
    }
    u.codePoints()
        .forEach(
            cp -> {
              String why = disallowed(cp);
              if (why != null) {
                throw new IllegalArgumentException(
                    "label '" + shown(u) + "' contains " + describe(cp) + ", " + why);
              }
            });
  }

  /** Null when the code point may appear in a U-label, else why not. */
  private static String disallowed(int cp) {
    if (cp < 0x80) {
      boolean ok = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '-';
      return ok ? null : "which is not a letter, digit or hyphen";
    }
    switch (cp) {
      case 0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007 -> {
        return null; // RFC 5892 §2.6 PVALID exceptions
      }
      case 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303B -> {
        return "which IDNA 2008 disallows (RFC 5892 §2.6)";
      }
      default -> {}
    }
    if ((cp >= 0x1100 && cp <= 0x11FF)
        || (cp >= 0xA960 && cp <= 0xA97F)
        || (cp >= 0xD7B0 && cp <= 0xD7FF)) {
      return "an old Hangul Jamo, which IDNA 2008 disallows";
    }
    String why =
        switch (Character.getType(cp)) {
          case Character.LOWERCASE_LETTER,
              Character.OTHER_LETTER,
              Character.MODIFIER_LETTER,
              Character.NON_SPACING_MARK,
              Character.COMBINING_SPACING_MARK,
              Character.DECIMAL_DIGIT_NUMBER ->
              null;
          case Character.UPPERCASE_LETTER, Character.TITLECASE_LETTER ->
              "a capital letter without a lower-case form";
          case Character.MATH_SYMBOL,
              Character.CURRENCY_SYMBOL,
              Character.MODIFIER_SYMBOL,
              Character.OTHER_SYMBOL ->
              "a symbol, which IDNA 2008 disallows";
          case Character.UNASSIGNED -> "an unassigned code point";
          case Character.FORMAT ->
              "an invisible format character (such as ZWJ), which mailcheck does not allow";
          case Character.CONTROL, Character.PRIVATE_USE, Character.SURROGATE ->
              "which IDNA 2008 disallows";
          default -> "a punctuation or other character IDNA 2008 disallows";
        };
    if (why != null) return why;
    String s = Character.toString(cp);
    if (!Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).equals(s)) {
      return "which changes under NFKC case folding (RFC 5892 §2.3)";
    }
    return null;
  }

  private static String describe(int cp) {
    if (cp == ' ') return "a space";
    if (cp < 0x20
        || cp == 0x7f
        || !Character.isDefined(cp)
        || Character.getType(cp) == Character.CONTROL // C1 too (issue 19, fuzzing)
        || Character.getType(cp) == Character.FORMAT) {
      return String.format(Locale.ROOT, "U+%04X", cp);
    }
    return String.format(Locale.ROOT, "'%s' (U+%04X)", Character.toString(cp), cp);
  }

  /** A label for a message: printable, and cut to 40 characters so that the message stays short. */
  private static String shown(String label) {
    return printable(label.length() > 40 ? label.substring(0, 37) + "..." : label);
  }

  /** Control and format characters as U+XXXX so that a message stays one readable line. */
  public static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints()
        .forEach(
            cp -> {
              int t = Character.getType(cp);
              if (t == Character.CONTROL
                  || t == Character.FORMAT
                  || t == Character.LINE_SEPARATOR
                  || t == Character.PARAGRAPH_SEPARATOR) {
                sb.append(String.format(Locale.ROOT, "U+%04X", cp));
              } else {
                sb.appendCodePoint(cp);
              }
            });
    return sb.toString();
  }
}
