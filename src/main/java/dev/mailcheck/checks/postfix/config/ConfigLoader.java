package dev.mailcheck.checks.postfix.config;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.postfix.config.MasterCf.Service;
import dev.mailcheck.internal.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The fetch of the configuration audit: reads the files, then the certificates they name. */
final class ConfigLoader {
  /** Postfix's own master.cf when there is none: one smtpd on port 25. */
  static final String DEFAULT_MASTER =
      "smtp      inet  n       -       y       -       -       smtpd\n";

  private static final List<String> IDENTITY_PARAMS =
      List.of(
          "smtpd_tls_chain_files",
          "smtpd_tls_cert_file",
          "smtpd_tls_key_file",
          "smtpd_tls_eccert_file",
          "smtpd_tls_eckey_file",
          "myhostname",
          "smtpd_tls_security_level",
          "smtpd_tls_wrappermode");

  private ConfigLoader() {}

  static PostfixConfigFacts load(PostfixConfigCheck.Query q) {
    if (!q.postconfOutputs().isEmpty()) return fromPostconf(q.postconfOutputs());
    Path dir = q.directory();
    if (!Files.isDirectory(dir)) throw new InputException(dir + ": not a directory");
    Path mainPath = dir.resolve("main.cf");
    Path masterPath = dir.resolve("master.cf");
    String mainText = read(mainPath);
    List<String> sources = new ArrayList<>(List.of(mainPath.toString()));
    MainCf main = MainCf.parse(mainText, "main.cf");
    Optional<MasterCf> master = Optional.empty();
    if (Files.exists(masterPath)) {
      master = Optional.of(MasterCf.parse(read(masterPath), "master.cf"));
      sources.add(masterPath.toString());
    }
    PostfixConfig config = new PostfixConfig(main, master);
    return new PostfixConfigFacts(dir.toString(), sources, config, false, identities(config, dir))
        .withNetworkTables(NetworkTables.read(config.get("mynetworks").value()));
  }

  private static PostfixConfigFacts fromPostconf(List<Path> files) {
    MainCf main = null;
    MasterCf master = null;
    List<String> sources = new ArrayList<>();
    for (Path f : files) {
      String text = read(f);
      sources.add(f.toString());
      if (looksLikeMaster(text)) {
        if (master != null) throw new InputException(f + ": a second postconf -M output");
        master = MasterCf.parse(text, "postconf -M (" + f.getFileName() + ")");
      } else {
        if (main != null) throw new InputException(f + ": a second postconf -n output");
        main = MainCf.parse(text, "postconf -n (" + f.getFileName() + ")");
      }
    }
    if (main == null)
      throw new InputException(
          "no 'postconf -n' output among the postconf files (only 'postconf -M')");
    PostfixConfig config = new PostfixConfig(main, Optional.ofNullable(master));
    return new PostfixConfigFacts("", sources, config, true, List.of());
  }

  /** {@code postconf -M} lines have 8+ fields with a service type second; -n lines have "=". */
  static boolean looksLikeMaster(String text) {
    for (String line : text.split("\r?\n")) {
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#") || Character.isWhitespace(line.charAt(0))) continue;
      List<String> f = MasterCf.tokens(s);
      if (f.size() >= 8 && Set.of("inet", "unix", "fifo", "pass", "unix-dgram").contains(f.get(1)))
        return true;
      if (s.contains("=")) return false;
    }
    return false;
  }

  static String read(Path p) {
    try {
      if (Files.size(p) > Limits.POSTFIX_CONFIG_FILE_BYTES)
        throw new InputException(p + ": larger than 10 MiB, not a Postfix configuration file");
      return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InputException(p + ": no such file");
    } catch (IOException e) {
      throw new InputException(p + ": cannot read: " + e.getMessage());
    }
  }

  /** The certificate/key pairs of main.cf and of every TLS-enabled smtpd service that differs. */
  static List<TlsIdentity> identities(PostfixConfig c, Path dir) {
    java.util.Map<String, List<String>> scopesByPair = new java.util.LinkedHashMap<>();
    java.util.Map<String, String[]> pairByKey = new java.util.LinkedHashMap<>();
    List<Service> scopes = new ArrayList<>();
    scopes.add(null);
    for (Service s : c.inetSmtpd()) {
      Service e = c.effective(s);
      if (IDENTITY_PARAMS.stream().anyMatch(n -> e.override(n).isPresent())) scopes.add(e);
    }
    for (Service s : scopes) {
      if (s != null && !tlsOn(c, s)) continue;
      String host = c.get(s, "myhostname").value();
      for (String[] pair : pairs(c, s)) {
        String cert = resolve(dir, pair[0]);
        String key = resolve(dir, pair[1]);
        String k = cert + "|" + key + "|" + host;
        pairByKey.putIfAbsent(k, new String[] {cert, key, host});
        scopesByPair.computeIfAbsent(k, x -> new ArrayList<>()).add(s == null ? "main.cf" : s.id());
      }
    }
    List<TlsIdentity> out = new ArrayList<>();
    pairByKey.forEach(
        (k, p) ->
            out.add(
                CertificateReader.read(String.join(", ", scopesByPair.get(k)), p[2], p[0], p[1])));
    return out;
  }

  static boolean tlsOn(PostfixConfig c, Service s) {
    String level = c.get(s, "smtpd_tls_security_level").value();
    return c.get(s, "smtpd_tls_wrappermode").isYes()
        || (!level.isEmpty() && !level.equals("none"))
        || c.get(s, "smtpd_use_tls").isYes()
        || c.get(s, "smtpd_enforce_tls").isYes();
  }

  /**
   * {cert, key} pairs: smtpd_tls_chain_files first (key, then certificates), else the legacy files.
   */
  static List<String[]> pairs(PostfixConfig c, Service s) {
    List<String[]> out = new ArrayList<>();
    List<String> chain = PostfixConfig.items(c.get(s, "smtpd_tls_chain_files").value());
    if (!chain.isEmpty()) {
      out.add(new String[] {chain.size() > 1 ? chain.get(1) : chain.get(0), chain.get(0)});
      return out;
    }
    for (String[] names :
        new String[][] {
          {"smtpd_tls_cert_file", "smtpd_tls_key_file"},
          {"smtpd_tls_eccert_file", "smtpd_tls_eckey_file"}
        }) {
      String cert = c.get(s, names[0]).value().strip();
      String key = c.get(s, names[1]).value().strip();
      if (!cert.isEmpty()) out.add(new String[] {cert, key.isEmpty() ? cert : key});
    }
    return out;
  }

  private static String resolve(Path dir, String file) {
    Path p = Path.of(file);
    return p.isAbsolute() ? file : dir.resolve(p).toString();
  }
}
