package dev.mailcheck.checks.mtasts;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An MTA-STS policy file, RFC 8461 §3.2: {@code key: value} lines separated by CRLF or LF ({@code
 * sts-policy-term = LF / CRLF}).
 *
 * <pre>
 * version: STSv1
 * mode: enforce
 * mx: mail.example.com
 * mx: *.example.net
 * max_age: 604800
 * </pre>
 *
 * @param mode {@code enforce}, {@code testing} or {@code none}; empty when missing or invalid
 * @param maxAge {@code max_age} in seconds (1 to 10 digits); empty when missing or not a number
 * @param mx the {@code mx:} patterns in order
 * @param lineEnding "CRLF", "LF" or "mixed"
 * @param unknown fields this version does not define (ignored by senders, §3.2)
 */
public record StsPolicy(
    Optional<String> version,
    Optional<Mode> mode,
    OptionalLong maxAge,
    List<String> mx,
    String lineEnding,
    List<String> unknown,
    List<Problem> problems) {
  /** RFC 8461 §3.2: the largest max_age, one year. */
  public static final long LARGEST_MAX_AGE = 31_557_600L;

  public enum Mode {
    ENFORCE,
    TESTING,
    NONE;

    public String token() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public StsPolicy {
    mx = List.copyOf(mx);
    unknown = List.copyOf(unknown);
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.stream().noneMatch(Problem::fatal);
  }

  public static StsPolicy parse(byte[] body) {
    List<Problem> problems = new ArrayList<>();
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      text = new String(body, StandardCharsets.UTF_8);
      problems.add(new Problem(1, true, "the policy is not valid UTF-8 text"));
    }
    boolean crlf = text.contains("\r\n");
    boolean lf = text.replace("\r\n", "").contains("\n");
    String ending = crlf && lf ? "mixed" : crlf ? "CRLF" : "LF";
    String[] lines = text.split("\r?\n", -1);
    Optional<String> version = Optional.empty();
    Optional<Mode> mode = Optional.empty();
    OptionalLong maxAge = OptionalLong.empty();
    boolean sawMode = false;
    boolean sawMaxAge = false;
    List<String> mx = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      int no = i + 1;
      String line = lines[i];
      if (line.isEmpty()) {
        if (i < lines.length - 1 || lines.length == 1)
          problems.add(
              new Problem(no, false, lines.length == 1 ? "the policy is empty" : "empty line"));
        continue;
      }
      if (line.indexOf('\r') >= 0) problems.add(new Problem(no, true, "a bare CR inside the line"));
      int colon = line.indexOf(':');
      if (colon <= 0) {
        problems.add(new Problem(no, true, "not a \"key: value\" line: \"" + clip(line) + "\""));
        continue;
      }
      String key = line.substring(0, colon);
      String value = line.substring(colon + 1).strip();
      switch (key) {
        case "version" -> {
          if (version.isPresent()) problems.add(new Problem(no, false, "a second version field"));
          else version = Optional.of(value);
          if (!value.equals("STSv1"))
            problems.add(
                new Problem(no, true, "version must be STSv1, not \"" + clip(value) + "\""));
        }
        case "mode" -> {
          if (sawMode) {
            problems.add(new Problem(no, false, "a second mode field (the first counts)"));
            continue;
          }
          sawMode = true;
          switch (value) {
            case "enforce" -> mode = Optional.of(Mode.ENFORCE);
            case "testing" -> mode = Optional.of(Mode.TESTING);
            case "none" -> mode = Optional.of(Mode.NONE);
            default ->
                problems.add(
                    new Problem(
                        no,
                        true,
                        "mode must be enforce, testing or none, not \"" + clip(value) + "\""));
          }
        }
        case "max_age" -> {
          if (sawMaxAge) {
            problems.add(new Problem(no, false, "a second max_age field (the first counts)"));
            continue;
          }
          sawMaxAge = true;
          if (value.matches("[0-9]{1,10}")) maxAge = OptionalLong.of(Long.parseLong(value));
          else
            problems.add(
                new Problem(
                    no,
                    true,
                    "max_age must be 1 to 10 digits (seconds), not \"" + clip(value) + "\""));
        }
        case "mx" -> {
          if (MxPatterns.valid(value)) mx.add(value.toLowerCase(Locale.ROOT));
          else
            problems.add(
                new Problem(
                    no,
                    true,
                    "mx must be a host name, optionally starting with \"*.\", not \""
                        + clip(value)
                        + "\""));
        }
        default -> {
          if (!key.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}"))
            problems.add(new Problem(no, true, "bad field name \"" + clip(key) + "\""));
          else {
            unknown.add(key);
            String lower = key.toLowerCase(Locale.ROOT);
            if (List.of("version", "mode", "max_age", "mx", "max-age", "maxage").contains(lower))
              problems.add(
                  new Problem(
                      no,
                      true,
                      "\""
                          + key
                          + "\" is not a field name (names are case-sensitive: version, mode, mx, max_age)"));
          }
        }
      }
    }
    if (version.isEmpty()) problems.add(new Problem(1, true, "no version: STSv1 field"));
    if (!sawMode) problems.add(new Problem(lines.length, true, "no mode field"));
    if (!sawMaxAge) problems.add(new Problem(lines.length, true, "no max_age field"));
    if (mx.isEmpty() && mode.map(m -> m != Mode.NONE).orElse(false))
      problems.add(new Problem(lines.length, true, "no mx field (required unless mode is none)"));
    return new StsPolicy(version, mode, maxAge, mx, ending, unknown, problems);
  }

  private static String clip(String s) {
    String t = s.length() > 60 ? s.substring(0, 60) + "..." : s;
    return t.replaceAll("\\p{Cntrl}", "?");
  }
}
