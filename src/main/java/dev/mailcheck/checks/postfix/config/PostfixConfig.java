package dev.mailcheck.checks.postfix.config;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.postfix.config.MasterCf.Service;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A configuration as Postfix resolves it: a service's {@code -o} override, else main.cf, else the
 * built-in default; then {@code $name}, {@code ${name}}, {@code $(name)}, {@code ${name?text}},
 * {@code ${name:text}} and {@code $$} expanded the way Postfix's mac_expand does. A name that
 * refers back to itself (directly or through others) is a loop: Postfix refuses to start; here it
 * is left unexpanded and reported. Expansion depth and output size are capped.
 */
public final class PostfixConfig {
  private final MainCf main;
  private final MasterCf master;
  private final boolean hasMaster;
  private final Set<String> loops = new LinkedHashSet<>();
  private final Set<String> undefined = new LinkedHashSet<>();

  public PostfixConfig(MainCf main, Optional<MasterCf> master) {
    this.main = main;
    this.master = master.orElse(MasterCf.parse(ConfigLoader.DEFAULT_MASTER, "default master.cf"));
    this.hasMaster = master.isPresent();
  }

  public MainCf main() {
    return main;
  }

  public MasterCf master() {
    return master;
  }

  public boolean hasMaster() {
    return hasMaster;
  }

  /** {@code $name} chains that lead back to themselves, e.g. {@code a -> b -> a}. */
  public synchronized List<String> loops() {
    return List.copyOf(loops);
  }

  /** Names referred to with {@code $} that are neither set nor known defaults. */
  public synchronized List<String> undefined() {
    return List.copyOf(undefined);
  }

  /** The main.cf value (or default) of {@code name}. */
  public Setting get(String name) {
    return get(null, name);
  }

  /** The value {@code service} sees ({@code null}: main.cf). */
  public synchronized Setting get(Service service, String name) {
    Raw r = raw(service, name);
    String expanded =
        r.value == null ? "" : expand(service, r.value, new ArrayDeque<>(List.of(name)), 0);
    return new Setting(
        name, r.value == null ? "" : r.value, expanded, r.origin, r.explicit, r.service);
  }

  /** True when the parameter is set in main.cf or by the service's -o. */
  public boolean isSet(Service service, String name) {
    return raw(service, name).explicit;
  }

  private record Raw(String value, String origin, boolean explicit, String service) {}

  private Raw raw(Service service, String name) {
    if (service != null) {
      Optional<MasterCf.Override> o = service.override(name);
      if (o.isPresent())
        return new Raw(
            o.get().value(),
            service.source() + ":" + o.get().line() + " (-o on " + service.id() + ")",
            true,
            service.id());
    }
    Optional<MainCf.Param> p = main.get(name);
    if (p.isPresent()) return new Raw(p.get().value(), p.get().origin(), true, "");
    Optional<String> d = Defaults.of(name, compatibilityLevel());
    return d.map(v -> new Raw(v, "default", false, ""))
        .orElse(new Raw(null, "default (unknown)", false, ""));
  }

  private String compatibilityLevel() {
    return main.get("compatibility_level").map(MainCf.Param::value).orElse("0");
  }

  private String expand(Service service, String text, Deque<String> path, int depth) {
    if (text.indexOf('$') < 0) return text;
    StringBuilder out = new StringBuilder();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 >= n) {
        out.append(c);
        i++;
      } else {
        char d = text.charAt(i + 1);
        if (d == '$') {
          out.append('$');
          i += 2;
        } else if (d == '{' || d == '(') {
          char close = d == '{' ? '}' : ')';
          int end = matching(text, i + 1, d, close);
          if (end < 0) {
            out.append(text, i, n);
            break;
          }
          out.append(braced(service, text.substring(i + 2, end), path, depth));
          i = end + 1;
        } else if (isNameChar(d)) {
          int j = i + 1;
          while (j < n && isNameChar(text.charAt(j))) j++;
          out.append(lookup(service, text.substring(i + 1, j), path, depth));
          i = j;
        } else {
          out.append(c);
          i++;
        }
      }
      if (out.length() > Limits.POSTFIX_EXPANSION_LENGTH) {
        out.setLength(Limits.POSTFIX_EXPANSION_LENGTH);
        break;
      }
    }
    return out.toString();
  }

  /** {@code name}, {@code name?text}, {@code name:text}, {@code name?{a}:{b}}. */
  private String braced(Service service, String inner, Deque<String> path, int depth) {
    int j = 0;
    while (j < inner.length() && isNameChar(inner.charAt(j))) j++;
    String name = inner.substring(0, j);
    if (name.isEmpty()) return ""; // Postfix 3.6 relational expressions: not evaluated here
    if (j == inner.length()) return lookup(service, name, path, depth);
    char op = inner.charAt(j);
    String rest = inner.substring(j + 1);
    String value = lookup(service, name, path, depth);
    String ifSet = rest;
    String ifEmpty = "";
    if (rest.startsWith("{")) {
      int end = matching(rest, 0, '{', '}');
      if (end > 0) {
        ifSet = rest.substring(1, end);
        String tail = rest.substring(end + 1).strip();
        if (tail.startsWith(":")) {
          String e = tail.substring(1).strip();
          ifEmpty = e.startsWith("{") && e.endsWith("}") ? e.substring(1, e.length() - 1) : e;
        }
      }
    }
    return switch (op) {
      case '?' ->
          !value.isEmpty()
              ? expand(service, ifSet, path, depth + 1)
              : (rest.startsWith("{") ? expand(service, ifEmpty, path, depth + 1) : "");
      case ':' -> value.isEmpty() ? expand(service, rest, path, depth + 1) : value;
      default -> value;
    };
  }

  private String lookup(Service service, String name, Deque<String> path, int depth) {
    if (path.contains(name) || depth >= Limits.POSTFIX_EXPANSION_DEPTH) {
      List<String> chain = new ArrayList<>(path);
      java.util.Collections.reverse(chain);
      chain.add(name);
      loops.add(String.join(" -> ", chain));
      return "$" + name;
    }
    Raw r = raw(service, name);
    if (r.value == null) {
      if (!isMachineDependent(name)) undefined.add(name);
      return "";
    }
    path.push(name);
    try {
      return expand(service, r.value, path, depth + 1);
    } finally {
      path.pop();
    }
  }

  /** Defaults Postfix takes from the machine (host name, interfaces); not undefined. */
  private static boolean isMachineDependent(String name) {
    return switch (name) {
      case "myhostname",
          "mydomain",
          "mynetworks",
          "queue_directory",
          "daemon_directory",
          "data_directory",
          "command_directory",
          "mail_owner",
          "process_name",
          "process_id",
          "mail_version",
          "domain",
          "user",
          "recipient",
          "sender",
          "client_address",
          "client_hostname",
          "extension",
          "original_recipient",
          "nexthop",
          "mailbox",
          "client_port",
          "server_hostname",
          "local",
          "home",
          "shell" ->
          true;
      default -> false;
    };
  }

  private static int matching(String s, int open, char o, char c) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == o) depth++;
      else if (ch == c && --depth == 0) return i;
    }
    return -1;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** smtpd services on inet sockets (postscreen on 25 counts with its smtpd pass service). */
  public List<Service> inetSmtpd() {
    List<Service> out = new ArrayList<>();
    for (Service s : master.services())
      if (s.type().equals("inet")
          && (s.command().equals("smtpd") || s.command().equals("postscreen"))) out.add(s);
    return out;
  }

  /**
   * The service whose parameters apply to mail arriving on {@code inet}: the service itself, or for
   * postscreen the {@code pass} service running smtpd behind it.
   */
  public Service effective(Service inet) {
    if (!inet.command().equals("postscreen")) return inet;
    for (Service s : master.services())
      if (s.type().equals("pass") && s.command().equals("smtpd")) return s;
    return inet;
  }

  /** Comma- or whitespace-separated list items of an expanded value. */
  public static List<String> items(String value) {
    List<String> out = new ArrayList<>();
    for (String t : value.split("[,\\s]+")) if (!t.isBlank()) out.add(t.strip());
    return out;
  }
}
