package dev.mailcheck.cli;

import dev.mailcheck.checks.expect.Expectation;
import dev.mailcheck.internal.DomainNames;
import dev.mailcheck.internal.InputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code --expect mailcheck.yml} (shape: docs/expect.schema.json) into an {@link Expectation}
 * per domain. Every mistake is one line naming the file and line, exit 2: {@code mailcheck.yml:7:
 * dmarc.policy must be none, quarantine or reject, not 'rejekt'}. Only the YAML node tree is used
 * (no object construction: no tags, no aliases beyond a small limit), and the file is at most 1
 * MiB.
 *
 * <p>Loaded only when {@code --expect} is given, so that the YAML library stays off the class path
 * of every other run.
 */
final class ExpectationsFile {
  static final long MAX_BYTES = 1 << 20;

  private final String file;

  private ExpectationsFile(String file) {
    this.file = file;
  }

  static Map<String, Expectation> read(Path path) {
    String label = path.getFileName() == null ? path.toString() : path.toString();
    try {
      if (Files.isDirectory(path))
        throw new InputException("--expect " + path + ": is a directory");
      if (Files.size(path) > MAX_BYTES)
        throw new InputException("--expect " + path + ": larger than 1 MiB");
      try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        return new ExpectationsFile(label).parse(r);
      }
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InputException("--expect " + path + ": no such file");
    } catch (IOException e) {
      throw new InputException("--expect " + path + ": cannot read it (" + e.getMessage() + ")");
    }
  }

  Map<String, Expectation> parse(Reader in) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(10);
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit((int) MAX_BYTES);
    Node root;
    try {
      root = new Yaml(options).compose(in);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
      throw new InputException(file + ":" + line + ": not valid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      throw new InputException(file + ": not valid YAML: " + e.getMessage());
    }
    if (root == null) throw error(null, "empty file; expected 'domains:'");
    Map<String, Node> top = mapping(root, "the file", Set.of("domains", "version"));
    Node domains = top.get("domains");
    if (domains == null) throw error(root, "missing 'domains:'");
    Map<String, Expectation> out = new LinkedHashMap<>();
    for (NodeTuple t : mappingNode(domains, "domains").getValue()) {
      String raw = scalar(t.getKeyNode(), "a domain name");
      String domain;
      try {
        domain = DomainNames.normalize(raw);
      } catch (RuntimeException e) {
        throw error(t.getKeyNode(), "'" + raw + "' is not a domain name");
      }
      if (out.containsKey(domain))
        throw error(t.getKeyNode(), "domain " + domain + " listed twice");
      out.put(domain, domain(domain, t.getValueNode()));
    }
    return out;
  }

  private static final Set<String> DOMAIN_KEYS =
      Set.of("grade", "mx", "spf", "dmarc", "dkim", "mta-sts", "allow-warn");

  private Expectation domain(String domain, Node n) {
    Map<String, Node> m = mapping(n, domain, DOMAIN_KEYS);
    Optional<String> grade =
        Optional.ofNullable(m.get("grade")).map(g -> oneOf(g, "grade", Expectation.GRADES, true));
    Optional<List<String>> mx = Optional.ofNullable(m.get("mx")).map(x -> strings(x, "mx"));
    List<String> includes = List.of();
    List<String> ips = List.of();
    Optional<String> all = Optional.empty();
    if (m.containsKey("spf")) {
      Map<String, Node> spf = mapping(m.get("spf"), "spf", Set.of("includes", "ips", "all"));
      includes =
          Optional.ofNullable(spf.get("includes"))
              .map(x -> strings(x, path("spf", "includes")))
              .orElse(List.of());
      ips = Optional.ofNullable(spf.get("ips")).map(x -> ips(x)).orElse(List.of());
      all =
          Optional.ofNullable(spf.get("all"))
              .map(x -> oneOf(x, path("spf", "all"), Expectation.ALL_QUALIFIERS, false));
    }
    Optional<String> policy = Optional.empty();
    List<String> rua = List.of();
    if (m.containsKey("dmarc")) {
      Map<String, Node> d = mapping(m.get("dmarc"), "dmarc", Set.of("policy", "rua"));
      policy =
          Optional.ofNullable(d.get("policy"))
              .map(x -> oneOf(x, path("dmarc", "policy"), Expectation.POLICIES, false));
      rua =
          Optional.ofNullable(d.get("rua"))
              .map(x -> strings(x, path("dmarc", "rua")))
              .orElse(List.of());
    }
    List<String> selectors = List.of();
    Optional<Integer> bits = Optional.empty();
    if (m.containsKey("dkim")) {
      Map<String, Node> d = mapping(m.get("dkim"), "dkim", Set.of("selectors", "min-bits"));
      selectors =
          Optional.ofNullable(d.get("selectors"))
              .map(x -> strings(x, path("dkim", "selectors")))
              .orElse(List.of());
      bits =
          Optional.ofNullable(d.get("min-bits"))
              .map(x -> integer(x, path("dkim", "min-bits"), 512, 16384));
    }
    Optional<String> sts =
        Optional.ofNullable(m.get("mta-sts"))
            .map(x -> oneOf(x, "mta-sts", Expectation.MTA_STS_MODES, false));
    List<String> allowWarn =
        Optional.ofNullable(m.get("allow-warn")).map(x -> findingIds(x)).orElse(List.of());
    return new Expectation(
        domain, grade, mx, includes, ips, all, policy, rua, selectors, bits, sts, allowWarn);
  }

  private List<String> findingIds(Node n) {
    List<String> ids = strings(n, "allow-warn");
    Set<String> known = new HashSet<>();
    for (dev.mailcheck.report.FindingId f : dev.mailcheck.report.FindingId.values())
      known.add(f.id());
    List<Node> items = ((SequenceNode) n).getValue();
    for (int i = 0; i < ids.size(); i++)
      if (!known.contains(ids.get(i)))
        throw error(
            items.get(i), "allow-warn: '" + ids.get(i) + "' is not a finding id (docs/checks.md)");
    return ids;
  }

  private List<String> ips(Node n) {
    List<String> ips = strings(n, path("spf", "ips"));
    List<Node> items = ((SequenceNode) n).getValue();
    for (int i = 0; i < ips.size(); i++) {
      String s = ips.get(i);
      String a = s.contains("/") ? s.substring(0, s.indexOf('/')) : s;
      if (dev.mailcheck.internal.InetAddresses.parse(a).isEmpty())
        throw error(
            items.get(i),
            path("spf", "ips") + ": '" + s + "' is not an address or network (203.0.113.0/24)");
    }
    return ips;
  }

  private Map<String, Node> mapping(Node n, String what, Set<String> allowed) {
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : mappingNode(n, what).getValue()) {
      String key = scalar(t.getKeyNode(), "a key");
      if (!allowed.contains(key))
        throw error(
            t.getKeyNode(),
            "unknown key '"
                + key
                + "' in "
                + what
                + " (expected one of "
                + String.join(", ", new java.util.TreeSet<>(allowed))
                + ")");
      if (out.put(key, t.getValueNode()) != null)
        throw error(t.getKeyNode(), "'" + key + "' given twice in " + what);
    }
    return out;
  }

  private MappingNode mappingNode(Node n, String what) {
    if (n instanceof MappingNode m) return m;
    throw error(n, what + " must be a mapping (key: value lines)");
  }

  private String scalar(Node n, String what) {
    if (n instanceof ScalarNode s) return s.getValue();
    throw error(
        n, "expected " + what + ", found a " + (n instanceof SequenceNode ? "list" : "mapping"));
  }

  private List<String> strings(Node n, String what) {
    if (!(n instanceof SequenceNode s)) throw error(n, what + " must be a list, e.g. [a, b]");
    List<String> out = new ArrayList<>();
    for (Node item : s.getValue()) {
      String v = scalar(item, "a value in " + what).strip();
      if (v.isEmpty()) throw error(item, "empty value in " + what);
      out.add(v);
    }
    return out;
  }

  private String oneOf(Node n, String what, List<String> allowed, boolean caseSensitive) {
    String v = scalar(n, what).strip();
    String k = caseSensitive ? v.toUpperCase(Locale.ROOT) : v.toLowerCase(Locale.ROOT);
    if (allowed.contains(k)) return k;
    throw error(n, what + " must be " + String.join(", ", allowed) + ", not '" + v + "'");
  }

  private int integer(Node n, String what, int min, int max) {
    String v = scalar(n, what).strip();
    try {
      int i = Integer.parseInt(v);
      if (i >= min && i <= max) return i;
    } catch (NumberFormatException e) {
      // below
    }
    throw error(n, what + " must be a number from " + min + " to " + max + ", not '" + v + "'");
  }

  /** A nested key as messages name it: {@code dmarc.policy}. */
  private static String path(String parent, String key) {
    return parent + "." + key;
  }

  private InputException error(Node at, String message) {
    int line = at == null ? 1 : at.getStartMark().getLine() + 1;
    return new InputException(file + ":" + line + ": " + message);
  }
}
