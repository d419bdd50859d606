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
 *
 * <p>Errors are collected, never fatal: an error in a tag other than p, sp and np falls back to
 * that tag's default and the record stays {@link DmarcRecord.Usability#USABLE} (RFC 9989 §4.8); an
 * invalid or missing p, or an invalid sp or np, makes it {@link DmarcRecord.Usability#READ_AS_NONE}
 * when rua= holds a valid URI and {@link DmarcRecord.Usability#UNUSABLE} otherwise (RFC 9989
 * §4.10.1). A record whose first tag is not exactly {@code v=DMARC1} is not a DMARC record at all
 * (RFC 9989 §4.7, RFC 7489 §6.3).
 *
 * <p>Over the ~300-line guide on purpose: one tag table with one validator per tag (v, p, sp, np,
 * adkim, aspf, fo, rua/ruf with size suffixes, psd, t, pct, rf, ri), each a few lines, kept beside
 * the grammar it implements.
 */
public final class DmarcParser {
  /** RFC 9989 §4.7: a record starts with "v=DMARC1" (tag name case-insensitive, value exact). */
  private static final Pattern DMARC =
      Pattern.compile("[vV][ \\t]*=[ \\t]*DMARC1[ \\t]*(;.*)?", Pattern.DOTALL);

  /** A version tag-spec, in any case and with any spacing: {@code v=DMARC1}, {@code V = dmarc1}. */
  private static final Pattern VERSION_TERM =
      Pattern.compile("(?i)\\s*v\\s*=\\s*dmarc.*", Pattern.DOTALL);

  /** A policy tag-spec with a policy value: {@code p=reject}. */
  private static final Pattern POLICY_TERM =
      Pattern.compile("(?i)\\s*p\\s*=\\s*(none|quarantine|reject)\\s*");

  private static final Set<String> FO = Set.of("0", "1", "d", "s");

  private DmarcParser() {}

  /** Whether receivers take this TXT string for a DMARC record (the rest are discarded). */
  public static boolean isDmarc(String text) {
    return DMARC.matcher(text).matches();
  }

  /**
   * Not a DMARC record, but clearly meant to be one: the version tag is there but not first, not
   * exact, or after whitespace ({@code p=reject; v=DMARC1}, {@code v=dmarc1; p=none}), or a policy
   * tag is there without any version tag ({@code p=reject; rua=...}). Receivers discard these (RFC
   * 9989 §4.7), so they are never "unrelated records that do no harm".
   */
  public static boolean looksLikeDmarc(String text) {
    if (isDmarc(text)) return false;
    List<String> terms = List.of(text.split(";", -1));
    return terms.stream().anyMatch(t -> VERSION_TERM.matcher(t).matches())
        || terms.stream().anyMatch(t -> POLICY_TERM.matcher(t).matches());
  }

  /** 1-based index of the tag-spec that holds a character offset (terms separated by ";"). */
  static int termAt(String text, int position) {
    int term = 1;
    for (int i = 0; i < Math.min(position, text.length()); i++) if (text.charAt(i) == ';') term++;
    return term;
  }

  /** Why a TXT string is not a DMARC record, for {@link #parse}. */
  private static Problem notDmarc(String text) {
    String[] terms = text.split(";", -1);
    int offset = 0;
    for (int i = 0; i < terms.length; i++) {
      if (VERSION_TERM.matcher(terms[i]).matches()) {
        int at = offset + (terms[i].length() - terms[i].stripLeading().length());
        String written = terms[i].strip();
        if (i > 0)
          return new Problem(
              at,
              i + 1,
              Severity.ERROR,
              "not-dmarc",
              "v",
              "\""
                  + written
                  + "\" is tag "
                  + (i + 1)
                  + ", but v=DMARC1 must be the first tag: receivers discard the record, so it sets no policy");
        if (at > 0)
          return new Problem(
              0,
              1,
              Severity.ERROR,
              "not-dmarc",
              "v",
              "the record starts with whitespace; it must begin with \"v=DMARC1\": receivers discard it, so it sets no policy");
        return new Problem(
            0,
            1,
            Severity.ERROR,
            "not-dmarc",
            "v",
            "\""
                + written
                + "\": the version must be exactly \"DMARC1\" (upper case, nothing after it but \";\"): receivers discard the record, so it sets no policy");
      }
      offset += terms[i].length() + 1;
    }
    return new Problem(
        0,
        0,
        Severity.ERROR,
        "not-dmarc",
        "",
        "the record does not start with \"v=DMARC1\": receivers discard it, so it sets no policy");
  }

  public static DmarcRecord parse(String text) {
    List<Problem> problems = new ArrayList<>();
    boolean dmarc = isDmarc(text);
    if (!dmarc) problems.add(notDmarc(text));
    TagList tags = TagList.parse(text);
    for (TagList.Problem tp : tags.problems()) {
      problems.add(
          new Problem(
              tp.position(),
              termAt(text, tp.position()),
              Severity.ERROR,
              "syntax",
              "",
              tp.message() + "; receivers ignore this tag-spec"));
    }
    Set<String> seen = new HashSet<>();
    Optional<Policy> p = Optional.empty();
    boolean pExplicit = false;
    boolean policyTagInvalid = false;
    Optional<Policy> sp = Optional.empty();
    Optional<Policy> np = Optional.empty();
    Alignment adkim = Alignment.RELAXED;
    Alignment aspf = Alignment.RELAXED;
    List<ReportUri> rua = new ArrayList<>();
    List<ReportUri> ruf = new ArrayList<>();
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
      int term = termAt(text, at);
      index++;
      if (!seen.add(name)) {
        // TagList already reports an exact-name duplicate; this catches "p=...; P=...".
        problems.add(
            new Problem(
                at,
                term,
                Severity.ERROR,
                "duplicate-tag",
                t.name(),
                "duplicate tag \""
                    + t.name()
                    + "\" ("
                    + t.name()
                    + "="
                    + value
                    + "); the first one is used, receivers may differ"));
        continue;
      }
      switch (name) {
        case "v" -> {
          // isDmarc() already requires v first; a later v is a duplicate and never reaches here.
        }
        case "p" -> {
          pExplicit = true;
          p = policy(t, term, problems);
          policyTagInvalid |= p.isEmpty();
          if (index != 2) {
            problems.add(
                new Problem(
                    at,
                    term,
                    Severity.WARNING,
                    "tag-order",
                    t.name(),
                    "\"p\" is not right after \"v\": RFC 9989 allows that, but RFC 7489 receivers expect it there"));
          }
        }
        case "sp" -> {
          sp = policy(t, term, problems);
          policyTagInvalid |= sp.isEmpty();
        }
        case "np" -> {
          np = policy(t, term, problems);
          policyTagInvalid |= np.isEmpty();
        }
        case "adkim" -> adkim = alignment(t, term, problems, adkim);
        case "aspf" -> aspf = alignment(t, term, problems, aspf);
        case "rua" -> uris(t, term, rua, problems);
        case "ruf" -> uris(t, term, ruf, problems);
        case "fo" -> {
          List<String> parts = List.of(value.toLowerCase(Locale.ROOT).split("\\s*:\\s*", -1));
          if (parts.stream().allMatch(FO::contains)) fo = parts;
          else
            problems.add(
                new Problem(
                    at,
                    term,
                    Severity.ERROR,
                    "invalid-value",
                    t.name(),
                    "fo="
                        + value
                        + " is not a colon-separated list of 0, 1, d, s; receivers use the default fo=0"));
        }
        case "psd" -> {
          String v = value.toLowerCase(Locale.ROOT);
          if (v.equals("y") || v.equals("n") || v.equals("u")) psd = v.charAt(0);
          else
            problems.add(
                new Problem(
                    at,
                    term,
                    Severity.ERROR,
                    "invalid-value",
                    t.name(),
                    "psd=" + value + " is not y, n or u; receivers use the default psd=u"));
        }
        case "t" -> {
          String v = value.toLowerCase(Locale.ROOT);
          if (v.equals("y") || v.equals("n")) testing = v.equals("y");
          else
            problems.add(
                new Problem(
                    at,
                    term,
                    Severity.ERROR,
                    "invalid-value",
                    t.name(),
                    "t=" + value + " is not y or n; receivers use the default t=n"));
        }
        case "pct" -> {
          removed.add(t.name() + "=" + value);
          OptionalInt n = integer(value, 100);
          pct = n;
          problems.add(
              new Problem(
                  at,
                  term,
                  Severity.WARNING,
                  "removed-tag",
                  t.name(),
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
                  term,
                  Severity.WARNING,
                  "removed-tag",
                  t.name(),
                  "rf is removed by RFC 9989" + (afrf ? "" : "; RFC 7489 knows only \"afrf\"")));
        }
        case "ri" -> {
          removed.add(t.name() + "=" + value);
          OptionalInt n = integer(value, Integer.MAX_VALUE);
          ri = n.isPresent() ? OptionalLong.of(n.getAsInt()) : uint32(value);
          problems.add(
              new Problem(
                  at,
                  term,
                  Severity.WARNING,
                  "removed-tag",
                  t.name(),
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
                  term,
                  Severity.WARNING,
                  "unknown-tag",
                  t.name(),
                  "unknown tag \"" + t.name() + "\" is ignored"));
        }
      }
    }
    // RFC 9989 §4.10.1: "at least one syntactically valid reporting URI" rescues the record.
    boolean validRua = !rua.isEmpty();
    if (!pExplicit) {
      if (validRua) {
        problems.add(
            new Problem(
                0,
                0,
                Severity.WARNING,
                "no-policy",
                "p",
                "no \"p\" tag: read as p=none because a valid rua is present (RFC 9989 §4.10.1, RFC 7489 §6.6.3)"));
      } else {
        problems.add(
            new Problem(
                text.length(),
                0,
                Severity.ERROR,
                "no-policy",
                "p",
                "no \"p\" tag (and no valid rua): receivers apply no DMARC policy"));
      }
    }
    DmarcRecord.Usability usability;
    if (!dmarc) usability = DmarcRecord.Usability.UNUSABLE;
    else if (!pExplicit || policyTagInvalid)
      usability = validRua ? DmarcRecord.Usability.READ_AS_NONE : DmarcRecord.Usability.UNUSABLE;
    else usability = DmarcRecord.Usability.USABLE;
    p =
        switch (usability) {
          case USABLE -> p;
          case READ_AS_NONE -> Optional.of(Policy.NONE);
          case UNUSABLE -> Optional.empty();
        };
    return new DmarcRecord(
        text, p, pExplicit, sp, np, adkim, aspf, rua, ruf, fo, psd, testing, pct, rf, ri, unknown,
        removed, problems, usability);
  }

  private static Optional<Policy> policy(TagList.Tag t, int term, List<Problem> problems) {
    Optional<Policy> p = Policy.parse(t.value());
    if (p.isEmpty()) {
      problems.add(
          new Problem(
              t.position(),
              term,
              Severity.ERROR,
              "invalid-value",
              t.name(),
              t.name() + "=" + t.value() + " is not none, quarantine or reject"));
    }
    return p;
  }

  private static Alignment alignment(
      TagList.Tag t, int term, List<Problem> problems, Alignment fallback) {
    Optional<Alignment> a = Alignment.parse(t.value());
    if (a.isEmpty())
      problems.add(
          new Problem(
              t.position(),
              term,
              Severity.ERROR,
              "invalid-value",
              t.name(),
              t.name()
                  + "="
                  + t.value()
                  + " is not r or s; receivers use the default "
                  + t.name()
                  + "=r"));
    return a.orElse(fallback);
  }

  /** Adds the URIs that parse; the others are reported and left out (RFC 9989 §4.8). */
  private static void uris(TagList.Tag t, int term, List<ReportUri> out, List<Problem> problems) {
    if (t.value().isEmpty()) {
      problems.add(
          new Problem(
              t.position(),
              term,
              Severity.ERROR,
              "invalid-uri",
              t.name(),
              t.name() + "= is empty"));
      return;
    }
    for (String part : t.value().split(",", -1)) {
      switch (ReportUri.parse(part)) {
        case ReportUri.Ok ok1 -> {
          out.add(ok1.uri());
          if (!ok1.uri().scheme().equals("mailto")) {
            problems.add(
                new Problem(
                    t.position(),
                    term,
                    Severity.WARNING,
                    "uri-scheme",
                    t.name(),
                    t.name()
                        + ": \""
                        + ok1.uri().uri()
                        + "\" is not a mailto: URI; RFC 9989 defines only mailto, receivers will not send there"));
          }
        }
        case ReportUri.Bad bad -> {
          problems.add(
              new Problem(
                  t.position(),
                  term,
                  Severity.ERROR,
                  "invalid-uri",
                  t.name(),
                  t.name() + ": " + bad.reason() + "; receivers skip this entry"));
        }
      }
    }
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
