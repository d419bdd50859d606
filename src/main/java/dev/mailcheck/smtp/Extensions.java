package dev.mailcheck.smtp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The service extensions of an EHLO reply (RFC 5321 §4.1.1.1): the first line is the server's
 * greeting, each further line a keyword with optional parameters. Keywords are upper-cased; the
 * order of the reply is kept. After a HELO fallback the set is empty and {@link #helo} is true.
 *
 * @param greeting the text of the first line (the server's name and a free text)
 * @param keywords keyword → parameters, e.g. {@code SIZE → [35882577]}, {@code AUTH → [PLAIN,
 *     LOGIN]}
 */
public record Extensions(String greeting, Map<String, List<String>> keywords, boolean helo) {
  public Extensions {
    var copy = new LinkedHashMap<String, List<String>>();
    keywords.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    keywords = Collections.unmodifiableMap(copy);
  }

  /** Parses a positive EHLO reply. Also accepts the obsolete {@code AUTH=PLAIN} form. */
  public static Extensions parse(Reply ehlo) {
    var map = new LinkedHashMap<String, List<String>>();
    List<String> lines = ehlo.lines();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()) continue;
      String[] parts = line.split("[ =]+");
      // "=AUTH" or "=": no ehlo-keyword (RFC 5321 §4.1.1.1); "=" alone splits into nothing
      if (parts.length == 0 || parts[0].isEmpty()) continue;
      String keyword = parts[0].toUpperCase(Locale.ROOT);
      var params = new ArrayList<String>();
      for (int j = 1; j < parts.length; j++) params.add(parts[j]);
      if (keyword.equals("AUTH") && map.containsKey("AUTH")) {
        var merged = new ArrayList<>(map.get("AUTH"));
        params.stream().filter(p -> !merged.contains(p)).forEach(merged::add);
        params = merged;
      }
      map.put(keyword, params);
    }
    return new Extensions(lines.isEmpty() ? "" : lines.get(0), map, false);
  }

  public static Extensions helo(Reply helo) {
    return new Extensions(helo.lines().isEmpty() ? "" : helo.lines().get(0), Map.of(), true);
  }

  public boolean has(String keyword) {
    return keywords.containsKey(keyword.toUpperCase(Locale.ROOT));
  }

  /**
   * RFC 1870 SIZE limit in bytes; 0 means no fixed limit. Empty when not advertised or unparsable.
   */
  public OptionalLong size() {
    List<String> p = keywords.get("SIZE");
    if (p == null) return OptionalLong.empty();
    if (p.isEmpty()) return OptionalLong.of(0);
    try {
      return OptionalLong.of(Long.parseLong(p.get(0)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** SASL mechanisms of the AUTH keyword (RFC 4954 §3), upper case. */
  public List<String> authMechanisms() {
    return keywords.getOrDefault("AUTH", List.of()).stream()
        .map(m -> m.toUpperCase(Locale.ROOT))
        .distinct()
        .toList();
  }

  /** Each keyword with its parameters, as the server wrote them, e.g. {@code SIZE 35882577}. */
  public List<String> lines() {
    return keywords.entrySet().stream()
        .map(
            e ->
                e.getValue().isEmpty()
                    ? e.getKey()
                    : e.getKey() + " " + String.join(" ", e.getValue()))
        .toList();
  }

  public Optional<String> parameter(String keyword) {
    List<String> p = keywords.get(keyword.toUpperCase(Locale.ROOT));
    return p == null || p.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", p));
  }
}
