package dev.mailcheck.checks.postfix.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * master.cf (or {@code postconf -M} output) as Postfix reads it (master(5)): one service per
 * logical line, {@code service type private unpriv chroot wakeup maxproc command args...};
 * continuation lines start with whitespace; {@code #} lines are comments. {@code -o name=value} and
 * {@code -o { name = value }} (Postfix 3.0) set per-service parameters. A {@code { ... }} group is
 * one argument.
 */
public record MasterCf(List<Service> services, List<String> problems) {
  public MasterCf {
    services = List.copyOf(services);
    problems = List.copyOf(problems);
  }

  /** A {@code -o name=value} of a service, with its line. */
  public record Override(String name, String value, int line) {}

  /** One master.cf entry. */
  public record Service(
      String name,
      String type,
      String command,
      List<String> args,
      List<Override> overrides,
      String source,
      int line) {
    public Service {
      args = List.copyOf(args);
      overrides = List.copyOf(overrides);
    }

    /** The name postconf -P uses: {@code submission/inet}. */
    public String id() {
      return name + "/" + type;
    }

    public String origin() {
      return source + ":" + line;
    }

    public Optional<Override> override(String param) {
      Override found = null;
      for (Override o : overrides) if (o.name().equals(param)) found = o; // the last one wins
      return Optional.ofNullable(found);
    }

    /** The TCP port of an inet service ({@code smtp}, {@code 127.0.0.1:587}, {@code 465}), or 0. */
    public int port() {
      if (!type.equals("inet")) return 0;
      String p = name;
      int colon = p.lastIndexOf(':');
      if (colon >= 0) p = p.substring(colon + 1);
      return switch (p.toLowerCase(Locale.ROOT)) {
        case "smtp" -> 25;
        case "submission" -> 587;
        case "smtps", "submissions", "ssmtp", "urd" -> 465;
        default -> {
          try {
            yield Integer.parseInt(p);
          } catch (NumberFormatException e) {
            yield 0;
          }
        }
      };
    }

    /** The listen address given in the service name, or empty (then inet_interfaces). */
    public Optional<String> address() {
      int colon = name.lastIndexOf(':');
      return type.equals("inet") && colon > 0
          ? Optional.of(name.substring(0, colon))
          : Optional.empty();
    }
  }

  public static MasterCf parse(String text, String source) {
    List<Service> services = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    StringBuilder logical = null;
    int start = 0;
    for (int i = 0; i <= lines.length; i++) {
      boolean end = i == lines.length;
      String l = end ? "" : lines[i];
      String stripped = l.strip();
      if (!end && (stripped.isEmpty() || stripped.startsWith("#"))) continue;
      if (!end && Character.isWhitespace(l.charAt(0))) {
        if (logical == null)
          MainCf.problem(problems, source, i + 1, "continuation line without a service before it");
        else logical.append(' ').append(stripped);
        continue;
      }
      if (logical != null) service(logical.toString(), source, start, services, problems);
      logical = end ? null : new StringBuilder(stripped);
      start = i + 1;
    }
    return new MasterCf(services, problems);
  }

  private static void service(
      String line, String source, int n, List<Service> out, List<String> problems) {
    List<String> f = tokens(line);
    if (f.size() < 8) {
      MainCf.problem(problems, source, n, "a service needs 8 fields: " + MainCf.cut(line));
      return;
    }
    String command = f.get(7);
    List<String> args = f.subList(8, f.size());
    List<Override> overrides = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String setting = null;
      if (a.equals("-o") && i + 1 < args.size()) setting = unbrace(args.get(++i));
      else if (a.startsWith("-o") && a.length() > 2) setting = unbrace(a.substring(2));
      if (setting == null) continue;
      int eq = setting.indexOf('=');
      if (eq <= 0) {
        MainCf.problem(problems, source, n, "-o without name=value: " + setting);
        continue;
      }
      overrides.add(
          new Override(setting.substring(0, eq).strip(), setting.substring(eq + 1).strip(), n));
    }
    out.add(new Service(f.get(0), f.get(1), command, args, overrides, source, n));
  }

  private static String unbrace(String s) {
    String t = s.strip();
    if (t.startsWith("{") && t.endsWith("}")) return t.substring(1, t.length() - 1).strip();
    return t;
  }

  /** Whitespace-separated fields; {@code { ... }} (with nesting) is one field. */
  static List<String> tokens(String line) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(line.charAt(i))) i++;
      if (i >= n) break;
      int s = i;
      if (line.charAt(i) == '{') {
        int depth = 0;
        for (; i < n; i++) {
          char c = line.charAt(i);
          if (c == '{') depth++;
          else if (c == '}' && --depth == 0) {
            i++;
            break;
          }
        }
      } else {
        while (i < n && !Character.isWhitespace(line.charAt(i))) i++;
      }
      out.add(line.substring(s, i));
    }
    return out;
  }
}
