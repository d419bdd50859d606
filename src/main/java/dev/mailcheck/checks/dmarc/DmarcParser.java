package dev.mailcheck.checks.dmarc;

import dev.mailcheck.checks.TagList;
import dev.mailcheck.checks.dmarc.DmarcRecord.Problem;
import dev.mailcheck.checks.dmarc.DmarcRecord.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text in, {@link DmarcRecord} out; never throws. Follows RFC 9989 where it and RFC 7489 differ
 * (docs/dmarc.md lists each choice): p anywhere after v, np/psd/t known, pct/rf/ri accepted with a
 * warning whatever their value, a missing p with a valid rua read as p=none.
 */
public final class DmarcParser {
  /** RFC 9989 §4.7: a record starts with "v=DMARC1" (tag name case-insensitive, value exact). */
  private static final Pattern DMARC =
      Pattern.compile("[vV][ \\t]*=[ \\t]*DMARC1[ \\t]*(;.*)?", Pattern.DOTALL);

  /** Something that wanted to be a DMARC record: leading space, wrong case, "DMARC1x". */
  private static final Pattern NEAR = Pattern.compile("(?i)\\s*v\\s*=\\s*dmarc.*", Pattern.DOTALL);

  private static final Set<String> FO = Set.of("0", "1", "d", "s");

  private DmarcParser() {}

  /** Whether receivers take this TXT string for a DMARC record (the rest are discarded). */
  public static boolean isDmarc(String text) {
    return DMARC.matcher(text).matches();
  }

  /** Not a DMARC record, but clearly meant to be one. */
  public static boolean looksLikeDmarc(String text) {
    return !isDmarc(text) && NEAR.matcher(text).matches();
  }

  public static DmarcRecord parse(String text) {
    List<Problem> problems = new ArrayList<>();
    if (!isDmarc(text)) {
      String why =
          !text.isEmpty() && Character.isWhitespace(text.charAt(0))
              ? "the record starts with whitespace; it must begin with \"v=DMARC1\""
              : NEAR.matcher(text).matches()
                  ? "the version must be exactly \"DMARC1\" (upper case, nothing after it but \";\")"
                  : "the record does not start with \"v=DMARC1\"";
      problems.add(new Problem(0, Severity.ERROR, "not-dmarc", why));
    }
    TagList tags = TagList.parse(text);
    for (TagList.Problem tp : tags.problems()) {
      problems.add(new Problem(tp.position(), Severity.ERROR, "syntax", tp.message()));
    }
    Set<String> seen = new HashSet<>();
    Optional<Policy> p = Optional.empty();
    boolean pExplicit = false;
    Optional<Policy> sp = Optional.empty();
    Optional<Policy> np = Optional.empty();
    Alignment adkim = Alignment.RELAXED;
    Alignment aspf = Alignment.RELAXED;
    List<ReportUri> rua = new ArrayList<>();
    List<ReportUri> ruf = new ArrayList<>();
    boolean ruaBad = false;
    List<String> fo = List.of("0");
    char psd = 'u';
    boolean testing = false;
    OptionalInt pct = OptionalInt.empty();
    Optional<String> rf = Optional.empty();
    OptionalLong ri = OptionalLong.empty();
    List<String> unknown = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    int index = 0;
    for (TagList.Tag t : tags.tags()) {
      String name = t.name().toLowerCase(Locale.ROOT);
      String value = t.value();
      int at = t.position();
      index++;
      if (!seen.add(name)) {
        problems.add(
            new Problem(at, Severity.ERROR, "duplicate-tag", "duplicate tag \"" + t.name() + "\""));
        continue;
      }
      switch (name) {
        case "v" -> {
          if (index != 1)
            problems.add(
                new Problem(at, Severity.ERROR, "not-dmarc", "\"v\" must be the first tag"));
        }
        case "p" -> {
          pExplicit = true;
          p = policy(t, problems);
          if (index != 2) {
            problems.add(
                new Problem(
                    at,
                    Severity.WARNING,
                    "tag-order",
                    "\"p\" is not right after \"v\": RFC 9989 allows that, but RFC 7489 receivers expect it there"));
          }
        }
        case "sp" -> sp = policy(t, problems);
        case "np" -> np = policy(t, problems);
        case "adkim" -> adkim = alignment(t, problems, adkim);
        case "aspf" -> aspf = alignment(t, problems, aspf);
        case "rua" -> ruaBad |= !uris(t, rua, problems);
        case "ruf" -> uris(t, ruf, problems);
        case "fo" -> {
          List<String> parts = List.of(value.toLowerCase(Locale.ROOT).split("\\s*:\\s*", -1));
          if (parts.stream().allMatch(FO::contains)) fo = parts;
          else
            problems.add(
                new Problem(
                    at,
                    Severity.ERROR,
                    "invalid-value",
                    "fo=" + value + " is not a colon-separated list of 0, 1, d, s"));
        }
        case "psd" -> {
          String v = value.toLowerCase(Locale.ROOT);
          if (v.equals("y") || v.equals("n") || v.equals("u")) psd = v.charAt(0);
          else
            problems.add(
                new Problem(
                    at, Severity.ERROR, "invalid-value", "psd=" + value + " is not y, n or u"));
        }
        case "t" -> {
          String v = value.toLowerCase(Locale.ROOT);
          if (v.equals("y") || v.equals("n")) testing = v.equals("y");
          else
            problems.add(
                new Problem(at, Severity.ERROR, "invalid-value", "t=" + value + " is not y or n"));
        }
        case "pct" -> {
          removed.add(t.name() + "=" + value);
          OptionalInt n = integer(value, 100);
          pct = n;
          problems.add(
              new Problem(
                  at,
                  Severity.WARNING,
                  "removed-tag",
                  "pct is removed by RFC 9989 and ignored by its receivers"
                      + (n.isEmpty()
                          ? "; \""
                              + value
                              + "\" is not an integer from 0 to 100, so RFC 7489 receivers reject it too"
                          : "")));
        }
        case "rf" -> {
          removed.add(t.name() + "=" + value);
          rf = Optional.of(value);
          boolean afrf =
              List.of(value.toLowerCase(Locale.ROOT).split("\\s*:\\s*")).stream()
                  .allMatch(x -> x.equals("afrf"));
          problems.add(
              new Problem(
                  at,
                  Severity.WARNING,
                  "removed-tag",
                  "rf is removed by RFC 9989" + (afrf ? "" : "; RFC 7489 knows only \"afrf\"")));
        }
        case "ri" -> {
          removed.add(t.name() + "=" + value);
          OptionalInt n = integer(value, Integer.MAX_VALUE);
          ri = n.isPresent() ? OptionalLong.of(n.getAsInt()) : uint32(value);
          problems.add(
              new Problem(
                  at,
                  Severity.WARNING,
                  "removed-tag",
                  "ri is removed by RFC 9989"
                      + (ri.isEmpty()
                          ? "; \"" + value + "\" is not a 32-bit unsigned integer"
                          : "")));
        }
        default -> {
          unknown.add(t.name());
          problems.add(
              new Problem(
                  at,
                  Severity.WARNING,
                  "unknown-tag",
                  "unknown tag \"" + t.name() + "\" is ignored"));
        }
      }
    }
    if (!pExplicit) {
      if (!rua.isEmpty() && !ruaBad) {
        p = Optional.of(Policy.NONE);
        problems.add(
            new Problem(
                0,
                Severity.WARNING,
                "no-policy",
                "no \"p\" tag: read as p=none because a valid rua is present (RFC 9989 §4.7, RFC 7489 §6.6.3)"));
      } else {
        problems.add(
            new Problem(
                text.length(),
                Severity.ERROR,
                "no-policy",
                "no \"p\" tag (and no valid rua): receivers apply no DMARC policy"));
      }
    }
    return new DmarcRecord(
        text, p, pExplicit, sp, np, adkim, aspf, rua, ruf, fo, psd, testing, pct, rf, ri, unknown,
        removed, problems);
  }

  private static Optional<Policy> policy(TagList.Tag t, List<Problem> problems) {
    Optional<Policy> p = Policy.parse(t.value());
    if (p.isEmpty()) {
      problems.add(
          new Problem(
              t.position(),
              Severity.ERROR,
              "invalid-value",
              t.name() + "=" + t.value() + " is not none, quarantine or reject"));
    }
    return p;
  }

  private static Alignment alignment(TagList.Tag t, List<Problem> problems, Alignment fallback) {
    Optional<Alignment> a = Alignment.parse(t.value());
    if (a.isEmpty())
      problems.add(
          new Problem(
              t.position(),
              Severity.ERROR,
              "invalid-value",
              t.name() + "=" + t.value() + " is not r or s"));
    return a.orElse(fallback);
  }

  /** Adds the URIs that parse; false when any did not. */
  private static boolean uris(TagList.Tag t, List<ReportUri> out, List<Problem> problems) {
    boolean ok = true;
    if (t.value().isEmpty()) {
      problems.add(
          new Problem(t.position(), Severity.ERROR, "invalid-uri", t.name() + "= is empty"));
      return false;
    }
    for (String part : t.value().split(",", -1)) {
      switch (ReportUri.parse(part)) {
        case ReportUri.Ok ok1 -> {
          out.add(ok1.uri());
          if (!ok1.uri().scheme().equals("mailto")) {
            problems.add(
                new Problem(
                    t.position(),
                    Severity.WARNING,
                    "uri-scheme",
                    t.name()
                        + ": \""
                        + ok1.uri().uri()
                        + "\" is not a mailto: URI; RFC 9989 defines only mailto, receivers will not send there"));
          }
        }
        case ReportUri.Bad bad -> {
          ok = false;
          problems.add(
              new Problem(
                  t.position(), Severity.ERROR, "invalid-uri", t.name() + ": " + bad.reason()));
        }
      }
    }
    return ok;
  }

  private static OptionalInt integer(String v, int max) {
    if (!v.matches("\\d{1,10}")) return OptionalInt.empty();
    long n = Long.parseLong(v);
    return n <= max ? OptionalInt.of((int) n) : OptionalInt.empty();
  }

  private static OptionalLong uint32(String v) {
    if (!v.matches("\\d{1,10}")) return OptionalLong.empty();
    long n = Long.parseLong(v);
    return n <= 0xffffffffL ? OptionalLong.of(n) : OptionalLong.empty();
  }
}
