package dev.mailcheck.dns;

import java.util.Locale;
import java.util.Objects;

/**
 * One question: an absolute domain name (no trailing dot, lower case, A-labels) and a type. Two
 * questions that differ only in case or a trailing dot are equal, so the cache and the in-flight
 * coalescing see them as one.
 */
public record DnsQuestion(String name, RecordType type) {
  public DnsQuestion {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    name = normalize(name);
  }

  public static DnsQuestion of(String name, RecordType type) {
    return new DnsQuestion(name, type);
  }

  static String normalize(String name) {
    String n =
        name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    return n.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return name + "/" + type;
  }
}
