package dev.mailcheck.checks.mtasts;

import dev.mailcheck.checks.TagList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code _mta-sts} TXT record, RFC 8461 §3.1:
 *
 * <pre>
 * sts-text-record = sts-version 1*(sts-field-delim sts-field) [sts-field-delim]
 * sts-version     = %s"v=STSv1"
 * sts-id          = %s"id=" 1*32(ALPHA / DIGIT)
 * sts-ext-name    = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")
 * </pre>
 *
 * @param id the {@code id=} value (changes whenever the policy changes), empty when missing
 */
public record StsRecord(
    String text, Optional<String> id, List<String> extensions, List<Problem> problems) {
  public StsRecord {
    extensions = List.copyOf(extensions);
    problems = List.copyOf(problems);
  }

  /** Senders use the record (no fatal problem). */
  public boolean valid() {
    return problems.stream().noneMatch(Problem::fatal);
  }

  /** RFC 8461 §3.1: records that do not begin with "v=STSv1" are discarded. */
  public static boolean isSts(String txt) {
    return txt.startsWith("v=STSv1");
  }

  public static StsRecord parse(String text) {
    List<Problem> problems = new ArrayList<>();
    if (!text.startsWith("v=STSv1;") && !text.equals("v=STSv1"))
      problems.add(new Problem(1, true, "the record must begin with \"v=STSv1;\""));
    TagList tags = TagList.parse(text);
    for (TagList.Problem p : tags.problems())
      problems.add(new Problem(p.position() + 1, true, p.message()));
    Optional<String> id = Optional.empty();
    List<String> ext = new ArrayList<>();
    for (TagList.Tag t : tags.tags()) {
      switch (t.name()) {
        case "v" -> {
          if (t.position() != 0)
            problems.add(new Problem(t.position() + 1, true, "v= must be the first field"));
        }
        case "id" -> {
          id = Optional.of(t.value());
          if (!t.value().matches("[A-Za-z0-9]{1,32}"))
            problems.add(
                new Problem(
                    t.position() + 1,
                    true,
                    "id= must be 1 to 32 letters and digits, not \"" + t.value() + "\""));
        }
        default -> {
          if (!t.name().matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}"))
            problems.add(
                new Problem(t.position() + 1, true, "bad field name \"" + t.name() + "\""));
          else ext.add(t.name() + "=" + t.value());
        }
      }
    }
    if (id.isEmpty()) problems.add(new Problem(Math.max(1, text.length()), true, "no id= field"));
    return new StsRecord(text, id, ext, problems);
  }
}
