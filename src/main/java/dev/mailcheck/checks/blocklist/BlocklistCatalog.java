package dev.mailcheck.checks.blocklist;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.internal.DomainNames;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The lists to ask: the default set shipped as {@code blocklists.json} beside this class (format in
 * docs/blocklists.md), or a file of the same format given with {@code --lists-file}.
 */
public final class BlocklistCatalog {
  static final String RESOURCE = "blocklists.json";

  private static volatile List<Blocklist> defaults;

  private BlocklistCatalog() {}

  /** The shipped default lists. */
  public static List<Blocklist> defaults() {
    List<Blocklist> d = defaults;
    if (d == null) {
      try (InputStream in = BlocklistCatalog.class.getResourceAsStream(RESOURCE)) {
        if (in == null) throw new IllegalStateException(RESOURCE + " missing from the jar");
        d = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      defaults = d;
    }
    return d;
  }

  /**
   * The lists of a lists file.
   *
   * @param source the file's name, for messages
   * @throws InputException when the file is not a valid lists file (one line saying where)
   */
  public static List<Blocklist> parse(String json, String source) {
    if (json.length() > Limits.BLOCKLIST_CATALOG_BYTES)
      throw new InputException(source + ": larger than 1 MB");
    Json.Value root;
    try {
      root = Json.parse(json);
    } catch (Json.SyntaxError e) {
      throw new InputException(source + ": not valid JSON (line " + e.line() + ")");
    }
    if (!(root.get("lists") instanceof Json.Arr))
      throw new InputException(source + ": expected an object with a \"lists\" array");
    List<Blocklist> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int i = 0;
    for (Json.Value n : root.get("lists").elements()) {
      String where = source + ": list " + (++i);
      Blocklist b = list(n, where);
      if (!names.add(b.name())) throw new InputException(where + ": duplicate name " + b.name());
      out.add(b);
    }
    return List.copyOf(out);
  }

  private static Blocklist list(Json.Value n, String where) {
    String name = text(n, "name", where);
    if (!name.matches("[a-z0-9][a-z0-9._-]{0,62}"))
      throw new InputException(where + ": name must be lower-case letters, digits, '.', '-', '_'");
    String zone = zone(text(n, "zone", where), where + " (" + name + ")");
    Blocklist.Kind kind =
        switch (n.get("kind").textOr("").toLowerCase(Locale.ROOT)) {
          case "ip" -> Blocklist.Kind.IP;
          case "domain" -> Blocklist.Kind.DOMAIN;
          case "any" -> Blocklist.Kind.ANY;
          default -> throw new InputException(where + " (" + name + "): kind must be ip or domain");
        };
    Blocklist.Impact impact = impact(n.get("impact").textOr("high"), where);
    List<ReturnCode> codes = new ArrayList<>();
    for (Json.Value c : n.get("codes").elements()) codes.add(code(c, where + " (" + name + ")"));
    if (codes.stream().noneMatch(c -> c.type() != ReturnCode.Type.ERROR))
      throw new InputException(where + " (" + name + "): no listing codes");
    return new Blocklist(
        name,
        n.get("title").textOr(name),
        zone,
        kind,
        n.get("ipv6").boolOr(false),
        impact,
        n.get("txt").boolOr(false),
        n.get("bitmask").boolOr(false),
        n.get("delist").textOr(""),
        n.get("terms").textOr(""),
        codes);
  }

  private static ReturnCode code(Json.Value c, String where) {
    ReturnCode.Type type =
        switch (c.get("type").textOr("").toLowerCase(Locale.ROOT)) {
          case "listed" -> ReturnCode.Type.LISTED;
          case "policy" -> ReturnCode.Type.POLICY;
          case "error" -> ReturnCode.Type.ERROR;
          default ->
              throw new InputException(where + ": code type must be listed, policy or error");
        };
    String meaning = c.get("meaning").textOr("");
    Optional<Blocklist.Impact> impact =
        c.has("impact") ? Optional.of(impact(scalar(c.get("impact")), where)) : Optional.empty();
    Optional<ReturnCode.ErrorReason> reason =
        type != ReturnCode.Type.ERROR
            ? Optional.empty()
            : Optional.of(
                switch (c.get("reason").textOr("misconfigured")) {
                  case "public-resolver" -> ReturnCode.ErrorReason.PUBLIC_RESOLVER;
                  case "rate-limit" -> ReturnCode.ErrorReason.RATE_LIMIT;
                  case "misconfigured" -> ReturnCode.ErrorReason.MISCONFIGURED;
                  default ->
                      throw new InputException(
                          where + ": reason must be public-resolver, rate-limit or misconfigured");
                });
    try {
      if (c.has("bits")) {
        int bits = (int) Math.max(-1, Math.min(256, number(c.get("bits"), where + ": bits")));
        if (bits < 1 || bits > 255)
          throw new InputException(where + ": bits must be 1-255, not " + bits);
        return new ReturnCode(0, 0, bits, type, meaning, impact, reason);
      }
      long from = ReturnCode.number(text(c, "from", where));
      long to = c.has("to") ? ReturnCode.number(scalar(c.get("to"))) : from;
      if (to < from) throw new InputException(where + ": 'to' is before 'from'");
      return new ReturnCode(from, to, 0, type, meaning, impact, reason);
    } catch (IllegalArgumentException e) {
      throw new InputException(where + ": " + e.getMessage());
    }
  }

  private static Blocklist.Impact impact(String s, String where) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "high" -> Blocklist.Impact.HIGH;
      case "low" -> Blocklist.Impact.LOW;
      default -> throw new InputException(where + ": impact must be high or low");
    };
  }

  /** A string, or a number written as its text (as a hand-edited file may have it); else "". */
  private static String scalar(Json.Value v) {
    return v instanceof Json.Num n ? n.value().toPlainString() : v.textOr("");
  }

  private static long number(Json.Value v, String what) {
    String s = scalar(v).strip();
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new InputException(what + " must be a whole number, not '" + s + "'");
    }
  }

  private static String text(Json.Value n, String field, String where) {
    String s = scalar(n.get(field)).strip();
    if (s.isEmpty()) throw new InputException(where + ": \"" + field + "\" is missing");
    return s;
  }

  /** A zone name in A-labels, lower case, no trailing dot. */
  public static String zone(String input, String where) {
    try {
      String z = DomainNames.normalize(input);
      if (!z.contains(".")) throw new InputException(where + ": '" + input + "' is not a zone");
      return z;
    } catch (InputException e) {
      throw new InputException(where + ": '" + input + "' is not a valid zone name");
    }
  }
}
