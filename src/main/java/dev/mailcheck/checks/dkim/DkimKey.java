package dev.mailcheck.checks.dkim;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.TagList;
import java.security.PublicKey;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A DKIM key record (RFC 6376 §3.6.1, RFC 8463 §4) as published at {@code s._domainkey.d}.
 *
 * @param keyType {@code k=}, lower case; {@code rsa} when absent
 * @param hashes {@code h=}, lower case; empty means every hash is allowed
 * @param services {@code s=}, lower case; {@code ["*"]} when absent
 * @param flags {@code t=}, lower case ({@code y} testing, {@code s} strict i= domain)
 * @param publicKeyData {@code p=} with whitespace removed; empty means revoked (§3.6.1)
 * @param publicKey the decoded key, absent when revoked or undecodable (see {@code problems})
 * @param keyBits RSA modulus length, or 256 for Ed25519; 0 when unknown
 * @param problems what makes the record unusable or doubtful, each with a position where known
 */
public record DkimKey(
    String record,
    Optional<String> version,
    String keyType,
    List<String> hashes,
    List<String> services,
    List<String> flags,
    Optional<String> notes,
    String publicKeyData,
    Optional<PublicKey> publicKey,
    int keyBits,
    List<String> problems) {

  public DkimKey {
    hashes = List.copyOf(hashes);
    services = List.copyOf(services);
    flags = List.copyOf(flags);
    // record text quoted in a problem keeps its control characters out of reports (U+XXXX)
    problems = problems.stream().map(dev.mailcheck.internal.DomainNames::printable).toList();
  }

  /** Empty {@code p=}: the key was revoked (RFC 6376 §3.6.1). */
  public boolean revoked() {
    return publicKeyData.isEmpty() && problems.isEmpty();
  }

  public boolean testing() {
    return flags.contains("y");
  }

  /** {@code t=s}: the i= domain must equal d= exactly (RFC 6376 §3.6.1). */
  public boolean strict() {
    return flags.contains("s");
  }

  /** No problem keeps the key from verifying signatures. */
  public boolean usable() {
    return problems.isEmpty() && publicKey.isPresent();
  }

  /**
   * What keeps this record from verifying any mail, most basic first (empty when usable). A record
   * with a syntax problem or an empty {@code p=} has only that one.
   */
  List<KeyDefect> defects() {
    if (!problems.isEmpty()) return List.of(KeyDefect.SYNTAX);
    if (revoked()) return List.of(KeyDefect.REVOKED);
    List<KeyDefect> out = new java.util.ArrayList<>();
    if (!allowsEmail()) out.add(KeyDefect.NOT_FOR_EMAIL);
    if (!allowsHash("sha256")) out.add(KeyDefect.NO_ACCEPTABLE_HASH);
    if (keyType.equals("rsa") && keyBits > 0 && keyBits < DkimVerifier.MIN_RSA_BITS)
      out.add(KeyDefect.RSA_TOO_SHORT);
    return List.copyOf(out);
  }

  public boolean allowsHash(String hash) {
    return hashes.isEmpty() || hashes.contains(hash.toLowerCase(Locale.ROOT));
  }

  public boolean allowsEmail() {
    return services.contains("*") || services.contains("email");
  }

  /** Parses a key record; never throws. */
  public static DkimKey parse(String record) {
    return DkimKeyParser.parse(record);
  }

  /**
   * Key records already parsed in this run, by their text: checking many messages (`message --all`
   * over a mailbox, ARC sets signed with the same key, a verification loop) parses each signer's
   * record and decodes its key once. Parsing is a pure function of the text, so a cached record is
   * the record {@link #parse} would give, and a record that changed is new text. At most {@link
   * Limits#DKIM_PARSED_KEYS} entries; past that the cache starts over.
   */
  private static final Map<String, DkimKey> PARSED = new ConcurrentHashMap<>();

  /** {@link #parse}, through the run's cache of parsed records. */
  public static DkimKey cached(String record) {
    DkimKey key = PARSED.get(record);
    if (key != null) return key;
    key = parse(record);
    if (PARSED.size() >= Limits.DKIM_PARSED_KEYS) PARSED.clear();
    PARSED.put(record, key);
    return key;
  }

  /** Empties the cache (tests that count its entries). */
  static void forgetCached() {
    PARSED.clear();
  }

  static List<String> problemsOf(TagList tags) {
    return tags.problems().stream().map(TagList.Problem::toString).toList();
  }
}
