package dev.mailcheck.checks.bimi;

import dev.mailcheck.checks.TagList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A BIMI assertion record: {@code v=BIMI1; l=https://.../logo.svg; a=https://.../vmc.pem}. An empty
 * {@code l=} (with no {@code a=}) declines to show a logo.
 *
 * @param logo the l= URL, "" when empty or absent
 * @param evidence the a= URL, "" when empty or absent
 */
public record BimiRecord(String text, String logo, String evidence, List<String> problems) {
  public BimiRecord {
    // record text quoted in a problem keeps its control characters out of reports (U+XXXX)
    problems = problems.stream().map(dev.mailcheck.internal.DomainNames::printable).toList();
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  /** Declines to publish a logo: {@code l=} empty or absent, no {@code a=}. */
  public boolean declination() {
    return logo.isEmpty() && evidence.isEmpty();
  }

  public static boolean isBimi(String txt) {
    return txt.startsWith("v=BIMI1");
  }

  public static BimiRecord parse(String text) {
    List<String> problems = new ArrayList<>();
    if (!text.startsWith("v=BIMI1;") && !text.equals("v=BIMI1"))
      problems.add("the record must begin with \"v=BIMI1;\" (at 1)");
    TagList tags = TagList.parse(text);
    tags.problems().forEach(p -> problems.add(p.toString()));
    String logo = tags.get("l").orElse("").strip();
    String evidence = tags.get("a").orElse("").strip();
    if (!logo.isEmpty()) {
      if (logo.contains(","))
        problems.add(
            "l= holds several URIs; receivers use one logo (at " + (text.indexOf("l=") + 1) + ")");
      else if (!logo.toLowerCase(Locale.ROOT).startsWith("https://"))
        problems.add(
            "l= must be an https: URL, not \"" + logo + "\" (at " + (text.indexOf("l=") + 1) + ")");
    }
    if (!evidence.isEmpty()
        && !evidence.equalsIgnoreCase("self")
        && !evidence.toLowerCase(Locale.ROOT).startsWith("https://"))
      problems.add(
          "a= must be an https: URL, not \""
              + evidence
              + "\" (at "
              + (text.indexOf("a=") + 1)
              + ")");
    if (logo.isEmpty() && !evidence.isEmpty() && !evidence.equalsIgnoreCase("self"))
      problems.add("a= without l=: the logo URL is missing");
    return new BimiRecord(text, logo, evidence.equalsIgnoreCase("self") ? "" : evidence, problems);
  }
}
