package dev.mailcheck.checks.postfix.config;

import dev.mailcheck.checks.Limits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * main.cf (or {@code postconf -n} output) as Postfix reads it (postconf(5)): a logical line is
 * {@code name = value}; a line that starts with whitespace continues the one before; empty lines
 * and lines whose first non-whitespace character is {@code #} are ignored (also inside a continued
 * value); whitespace around {@code =} and at the end is dropped. A later definition of the same
 * name wins, as in Postfix. Lenient: a line that is not {@code name = value} becomes a problem and
 * parsing goes on.
 */
public record MainCf(Map<String, Param> params, List<String> problems) {
  /** A parameter as written, with where: {@code main.cf:12}. */
  public record Param(String name, String value, String source, int line) {
    public String origin() {
      return source + ":" + line;
    }
  }

  public MainCf {
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    problems = List.copyOf(problems);
  }

  public Optional<Param> get(String name) {
    return Optional.ofNullable(params.get(name));
  }

  public static MainCf parse(String text, String source) {
    Map<String, Param> params = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    StringBuilder logical = null;
    int start = 0;
    for (int i = 0; i <= lines.length; i++) {
      String l = i < lines.length ? lines[i] : "";
      boolean end = i == lines.length;
      String stripped = l.strip();
      if (!end && (stripped.isEmpty() || stripped.startsWith("#"))) continue;
      if (!end && Character.isWhitespace(l.charAt(0))) {
        if (logical == null) {
          problem(problems, source, i + 1, "continuation line without a parameter before it");
        } else logical.append(' ').append(stripped);
        continue;
      }
      if (logical != null) add(params, problems, logical.toString(), source, start);
      logical = end ? null : new StringBuilder(l.stripTrailing());
      start = i + 1;
    }
    return new MainCf(params, problems);
  }

  private static void add(
      Map<String, Param> params, List<String> problems, String line, String source, int n) {
    int eq = line.indexOf('=');
    String name = eq < 0 ? "" : line.substring(0, eq).strip();
    if (eq < 0 || !name.matches("[A-Za-z0-9_.\\-/]+")) {
      problem(problems, source, n, "not 'name = value': " + cut(line));
      return;
    }
    String value = line.substring(eq + 1).strip();
    Param old = params.remove(name);
    if (old != null)
      problem(problems, source, n, name + " overrides the earlier entry at line " + old.line());
    params.put(name, new Param(name, value, source, n));
  }

  static void problem(List<String> problems, String source, int line, String what) {
    if (problems.size() < Limits.POSTFIX_MAIN_CF_PROBLEMS)
      problems.add(source + ":" + line + ": " + what);
  }

  static String cut(String s) {
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
