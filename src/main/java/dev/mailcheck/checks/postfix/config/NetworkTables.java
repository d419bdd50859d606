package dev.mailcheck.checks.postfix.config;

import dev.mailcheck.checks.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The lookup tables and files that {@code mynetworks} names, read as Postfix reads their source
 * text: a {@code /file} of patterns (postconf(5): "a /file/name pattern is replaced by its
 * contents"), {@code cidr:} tables (network and action per line; only networks whose action is not
 * a rejection are trusted), and {@code hash:}/{@code lmdb:}/{@code btree:}/{@code texthash:}
 * tables, whose keys are read from the source file the {@code .db} was made from. Other table types
 * (regexp, pcre, ldap, mysql, ...) are not read.
 */
final class NetworkTables {
  /**
   * What one table gave.
   *
   * @param networks the trusted networks it lists, as written
   * @param problem why it could not be read (missing, too large, a type not read)
   */
  record Table(List<String> networks, Optional<String> problem) {
    Table {
      networks = List.copyOf(networks);
    }
  }

  private NetworkTables() {}

  /** Whether an item of mynetworks is a table or file rather than a network. */
  static boolean isTable(String item) {
    return item.startsWith("/")
        || (item.contains(":") && !item.startsWith("[") && !item.matches("[0-9a-fA-F:]+(/\\d+)?"));
  }

  /**
   * Reads every table item of {@code mynetworks} (at most {@link Limits#POSTFIX_NETWORK_TABLES}).
   */
  static Map<String, Table> read(String mynetworks) {
    Map<String, Table> out = new LinkedHashMap<>();
    for (String item : PostfixConfig.items(mynetworks)) {
      if (!isTable(item) || out.containsKey(item)) continue;
      if (out.size() >= Limits.POSTFIX_NETWORK_TABLES) break;
      out.put(item, readOne(item));
    }
    return out;
  }

  private static Table readOne(String item) {
    String type = item.startsWith("/") ? "file" : item.substring(0, item.indexOf(':'));
    String path = item.startsWith("/") ? item : item.substring(item.indexOf(':') + 1);
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "file" -> parse(path, Kind.FILE);
      case "cidr" -> parse(path, Kind.CIDR);
      case "hash", "lmdb", "btree", "texthash", "cdb", "dbm", "sdbm" -> parse(path, Kind.KEYS);
      default -> new Table(List.of(), Optional.of(type + ": tables are not read"));
    };
  }

  private enum Kind {
    FILE,
    CIDR,
    KEYS
  }

  private static Table parse(String path, Kind kind) {
    Path p = Path.of(path);
    String text;
    try {
      if (!Files.isRegularFile(p)) return new Table(List.of(), Optional.of(path + ": not found"));
      try (InputStream in = Files.newInputStream(p)) {
        byte[] b = in.readNBytes((int) Limits.POSTFIX_NETWORK_TABLE_BYTES + 1);
        if (b.length > Limits.POSTFIX_NETWORK_TABLE_BYTES)
          return new Table(List.of(), Optional.of(path + ": larger than 1 MB, not read"));
        text = new String(b, StandardCharsets.UTF_8);
      }
    } catch (IOException | RuntimeException e) {
      return new Table(List.of(), Optional.of(path + ": cannot be read"));
    }
    List<String> networks = new ArrayList<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      switch (kind) {
        case FILE -> networks.addAll(PostfixConfig.items(line));
        case CIDR, KEYS -> {
          String[] f = line.split("\\s+", 2);
          String action = f.length > 1 ? f[1].strip().toUpperCase(Locale.ROOT) : "";
          boolean refused =
              action.startsWith("REJECT")
                  || action.startsWith("DISCARD")
                  || action.matches("[45]\\d\\d\\b.*")
                  || action.equals("DUNNO");
          if (kind == Kind.CIDR && refused) continue;
          networks.add(f[0]);
        }
      }
    }
    return new Table(networks, Optional.empty());
  }
}
