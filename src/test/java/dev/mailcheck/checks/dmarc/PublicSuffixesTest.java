package dev.mailcheck.checks.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import crawlercommons.domains.EffectiveTldFinder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicSuffixesTest {
  @ParameterizedTest
  @CsvSource({
    "example.com, example.com",
    "mail.example.com, example.com",
    "a.b.example.co.uk, example.co.uk",
    "co.uk, co.uk",
    "good.test, good.test",
    "mx1.good.test, good.test",
    "a.b.c.internal, c.internal",
    "Mail.Example.COM., example.com",
    "b.c.kobe.jp, b.c.kobe.jp", // *.kobe.jp: c.kobe.jp is a suffix
    "a.b.c.kobe.jp, b.c.kobe.jp",
    "city.kobe.jp, city.kobe.jp", // !city.kobe.jp
    "www.city.kobe.jp, city.kobe.jp",
    "www.ck, www.ck", // !www.ck
    "a.www.ck, www.ck",
    "a.b.xn--55qx5d.cn, b.xn--55qx5d.cn", // 公司.cn
    "xn--85x722f.xn--55qx5d.cn, xn--85x722f.xn--55qx5d.cn",
    "user.github.io, user.github.io", // private section
    "com, com",
  })
  void organizationalDomain(String name, String org) {
    assertThat(PublicSuffixes.organizationalDomain(name)).isEqualTo(org);
  }

  /**
   * Same answers as crawler-commons' finder for names at, below and beside every rule of the list.
   */
  @Test
  void agreesWithCrawlerCommonsOnEveryRule() throws IOException {
    List<String> names = new ArrayList<>();
    for (String rule : rules()) {
      String base = rule.replaceFirst("^[!]", "").replaceFirst("^\\*\\.", "");
      String ascii;
      try {
        ascii = IDN.toASCII(base, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        continue;
      }
      names.add(ascii);
      names.add("x." + ascii);
      names.add("y.x." + ascii);
      names.add("z.y.x." + ascii);
    }
    assertThat(names).hasSizeGreaterThan(20_000);
    List<String> differ = new ArrayList<>();
    for (String n : names) {
      String theirs = EffectiveTldFinder.getAssignedDomain(n, false, false);
      String expected = theirs == null || theirs.isEmpty() ? n : theirs.toLowerCase(Locale.ROOT);
      String ours = PublicSuffixes.organizationalDomain(n);
      if (!ours.equals(expected))
        differ.add(n + ": ours " + ours + ", crawler-commons " + expected);
    }
    assertThat(differ).isEmpty();
  }

  private static List<String> rules() throws IOException {
    String resource =
        EffectiveTldFinder.ETLD_DATA.startsWith("/")
            ? EffectiveTldFinder.ETLD_DATA
            : "/" + EffectiveTldFinder.ETLD_DATA;
    List<String> out = new ArrayList<>();
    try (InputStream in = EffectiveTldFinder.class.getResourceAsStream(resource)) {
      assertThat(in).isNotNull();
      var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        String rule = line.strip();
        if (!rule.isEmpty() && !rule.startsWith("//")) out.add(rule.split("\\s")[0]);
      }
    }
    return out;
  }
}
