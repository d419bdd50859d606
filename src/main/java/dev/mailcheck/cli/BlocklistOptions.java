package dev.mailcheck.cli;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.blocklist.Blocklist;
import dev.mailcheck.checks.blocklist.BlocklistCatalog;
import dev.mailcheck.internal.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --list} and {@code --lists-file}, shared by {@code blocklist} and {@code domain}. */
final class BlocklistOptions {
  @Option(
      names = "--list",
      paramLabel = "NAME[=ZONE]",
      description = {
        "NAME=ZONE adds a list (e.g. a private or lab zone; asked for addresses and domains).",
        "NAME alone picks a list of the set (repeatable): then only the picked ones are asked."
      })
  List<String> lists = new ArrayList<>();

  @Option(
      names = "--lists-file",
      paramLabel = "FILE",
      description =
          "Use the lists of FILE (JSON, format in docs/blocklists.md) instead of the default set.")
  Path listsFile;

  /** The lists this run asks; a bad file or an unknown name is exit 2. */
  List<Blocklist> resolve() {
    List<Blocklist> base = listsFile == null ? BlocklistCatalog.defaults() : read(listsFile);
    Map<String, Blocklist> byName = new LinkedHashMap<>();
    for (Blocklist b : base) byName.put(b.name(), b);
    List<Blocklist> picked = new ArrayList<>();
    List<Blocklist> added = new ArrayList<>();
    for (String spec : lists) {
      String s = spec.strip();
      int eq = s.indexOf('=');
      if (eq < 0) {
        Blocklist b = byName.get(s.toLowerCase(java.util.Locale.ROOT));
        if (b == null)
          throw new InputException(
              "--list "
                  + s
                  + ": no such list (known: "
                  + String.join(", ", byName.keySet())
                  + "); add one with --list NAME=ZONE");
        if (!picked.contains(b)) picked.add(b);
        continue;
      }
      String name = s.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
      if (!name.matches("[a-z0-9][a-z0-9._-]{0,62}"))
        throw new InputException(
            "--list " + s + ": NAME must be letters, digits, '.', '-' or '_' (e.g. lab=bl.test)");
      if (byName.containsKey(name) || added.stream().anyMatch(b -> b.name().equals(name)))
        throw new InputException("--list " + s + ": a list named " + name + " already exists");
      String zone = BlocklistCatalog.zone(s.substring(eq + 1).strip(), "--list " + s);
      added.add(Blocklist.custom(name, zone));
    }
    List<Blocklist> out = new ArrayList<>(picked.isEmpty() ? base : picked);
    out.addAll(added);
    return List.copyOf(out);
  }

  private static List<Blocklist> read(Path file) {
    try {
      if (Files.size(file) > Limits.BLOCKLIST_CATALOG_BYTES)
        throw new InputException(file + ": larger than 1 MB");
      return BlocklistCatalog.parse(
          Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new InputException("cannot read lists file " + file + ": " + IoReasons.why(e));
    }
  }
}
