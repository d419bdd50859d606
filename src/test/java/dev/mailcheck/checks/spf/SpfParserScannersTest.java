package dev.mailcheck.checks.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The parser's hand-written scanners against the regular expressions the RFC 7208 ABNF reads as
 * (the parser used these until they showed up as a third of an evaluation's time), on hand-picked
 * edge cases and on 200 000 generated strings over the alphabet that matters to each rule.
 */
class SpfParserScannersTest {
  private static final Pattern MODIFIER =
      Pattern.compile("([A-Za-z][A-Za-z0-9\\-_.]*)=(.*)", Pattern.DOTALL);
  private static final Pattern DUAL_CIDR =
      Pattern.compile("(.*?)(?:/(\\d+))?(?://(\\d+))?", Pattern.DOTALL);
  private static final Pattern MACRO_END =
      Pattern.compile(".*(%\\{[^}]*\\}|%%|%_|%-)", Pattern.DOTALL);
  private static final Pattern TOPLABEL =
      Pattern.compile("[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9]");
  private static final Pattern NUMBER = Pattern.compile("0|[1-9][0-9]{0,2}");
  private static final Pattern QUAD =
      Pattern.compile(
          "(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})");

  private static final String[] EDGES = {
    "",
    "/",
    "//",
    "///",
    "/1",
    "//1",
    "/1//2",
    "a/1//",
    "a//",
    "a/1/2",
    "a//1/2",
    ":x.com/24",
    ":x.com//64",
    ":x.com/24//64",
    ":%{d}/24",
    "/0",
    "/00",
    "/33//129",
    "x=y",
    "=y",
    "1x=y",
    "a.b-c_d=",
    "a b=c",
    "%{d}",
    "x%{d}",
    "%{d}}",
    "%{}",
    "x.%{d}y",
    "%{a}b}",
    "%%",
    "%_",
    "%-",
    "a%",
    "}",
    "%{",
    "com",
    "c0m",
    "123",
    "1-2",
    "-a",
    "a-",
    "a--b",
    "xn--p1ai",
    "255",
    "256",
    "1.2.3.4",
    "01.2.3.4",
    "1.2.3",
    "1.2.3.4.5",
    "1..2.3",
    "255.255.255.255",
    "256.1.1.1"
  };

  @Test
  void modifierNameEndAgreesWithTheAbnf() {
    agree(
        "=-_.Aa1 b",
        MODIFIER,
        (s, m) -> {
          int eq = SpfParser.modifierNameEnd(s);
          assertThat(eq > 0).as("'%s' is a modifier", s).isEqualTo(m.matches());
          if (eq > 0) assertThat(s.substring(0, eq)).isEqualTo(m.group(1));
        });
  }

  @Test
  void dualCidrAgreesWithTheAbnf() {
    agree(
        "/19:a",
        DUAL_CIDR,
        (s, m) -> {
          assertThat(m.matches()).isTrue();
          SpfParser.DualCidr d = SpfParser.dualCidr(s);
          assertThat(d)
              .as("'%s'", s)
              .isEqualTo(new SpfParser.DualCidr(m.group(1), m.group(2), m.group(3)));
        });
  }

  @Test
  void macroEndingAgreesWithTheAbnf() {
    agree(
        "%{}_-a.",
        MACRO_END,
        (s, m) -> assertThat(SpfParser.endsWithMacro(s)).as("'%s'", s).isEqualTo(m.matches()));
  }

  @Test
  void topLabelAgreesWithTheAbnf() {
    agree(
        "a1-Z.",
        TOPLABEL,
        (s, m) -> assertThat(SpfParser.isTopLabel(s)).as("'%s'", s).isEqualTo(m.matches()));
  }

  @Test
  void numbersAndQuadsAgreeWithTheAbnf() {
    agree(
        "0129",
        NUMBER,
        (s, m) -> assertThat(SpfParser.isNumber(s)).as("'%s'", s).isEqualTo(m.matches()));
    agree(
        "0125.",
        QUAD,
        (s, m) -> {
          boolean quad = m.matches();
          if (quad) for (int g = 1; g <= 4; g++) quad &= Integer.parseInt(m.group(g)) <= 255;
          assertThat(SpfParser.ip4(s) != null).as("'%s'", s).isEqualTo(quad);
        });
  }

  @Test
  void queryableNamesAsLabelsSplitOnDotsRead() {
    for (String s :
        new String[] {
          "a",
          "a.",
          ".",
          "",
          "a..b",
          ".a",
          "a.b.",
          "a.b..",
          "x".repeat(63),
          "x".repeat(64),
          ("x".repeat(63) + ".").repeat(4),
          ("x".repeat(63) + ".").repeat(3) + "x".repeat(61)
        }) {
      assertThat(SpfLookups.queryable(s)).as("'%s'", s).isEqualTo(queryableBySplit(s));
    }
    Random random = new Random(1035);
    for (int n = 0; n < 200_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(10);
      for (int i = 0; i < len; i++) sb.append("a..".charAt(random.nextInt(3)));
      assertThat(SpfLookups.queryable(sb.toString())).isEqualTo(queryableBySplit(sb.toString()));
    }
  }

  /** RFC 1035 §2.3.4: 1 to 253 octets, every label 1 to 63, one trailing dot allowed. */
  private static boolean queryableBySplit(String name) {
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (n.isEmpty() || n.length() > 253) return false;
    for (String label : n.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63) return false;
    }
    return true;
  }

  private interface Check {
    void accept(String s, Matcher m);
  }

  private static void agree(String alphabet, Pattern p, Check check) {
    for (String s : EDGES) check.accept(s, p.matcher(s));
    Random random = new Random(7208);
    for (int n = 0; n < 200_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(12);
      for (int i = 0; i < len; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      String s = sb.toString();
      check.accept(s, p.matcher(s));
    }
  }
}
