package dev.mailcheck.checks.arc;

import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.TagList;
import dev.mailcheck.checks.dkim.BodyHashes;
import dev.mailcheck.checks.dkim.Canonicalization;
import dev.mailcheck.checks.dkim.DkimAlgorithm;
import dev.mailcheck.checks.dkim.DkimMessage.HeaderField;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ARC sets of a message, parsed (RFC 8617 §4): for each instance {@code i=1..N} one
 * ARC-Authentication-Results, one ARC-Message-Signature and one ARC-Seal. Parsing never throws: a
 * structural defect (a field without a valid {@code i=}, a duplicate, a missing member, a gap in
 * the instances) is kept in {@link #structureError()} and fails the chain (§5.1.1).
 *
 * @param sets the complete sets, by instance, oldest first (empty when the structure is broken)
 * @param present whether the message has any ARC header field at all
 */
public record ArcChain(List<ArcSet> sets, boolean present, Optional<String> structureError) {
  public ArcChain {
    sets = List.copyOf(sets);
  }

  /** One instance: the three fields and their parsed signatures. */
  public record ArcSet(int instance, HeaderField aar, ArcSignature ams, ArcSignature seal) {}

  private static final Pattern AAR_INSTANCE =
      Pattern.compile("\\A[ \\t\\r\\n]*i[ \\t\\r\\n]*=[ \\t\\r\\n]*([0-9]+)[ \\t\\r\\n]*;");

  public static ArcChain parse(List<HeaderField> headers) {
    TreeMap<Integer, HeaderField[]> byInstance = new TreeMap<>();
    boolean present = false;
    String error = null;
    int fields = 0;
    for (HeaderField h : headers) {
      int kind =
          h.is("ARC-Authentication-Results")
              ? 0
              : h.is("ARC-Message-Signature") ? 1 : h.is("ARC-Seal") ? 2 : -1;
      if (kind < 0) continue;
      present = true;
      if (++fields > 3 * Limits.ARC_INSTANCES) {
        error = "more than " + Limits.ARC_INSTANCES + " ARC sets";
        break;
      }
      Optional<Integer> i = kind == 0 ? aarInstance(h.value()) : signatureInstance(h.value());
      if (i.isEmpty()) {
        if (error == null) error = h.name() + " without a valid i= instance tag";
        continue;
      }
      if (i.get() < 1 || i.get() > Limits.ARC_INSTANCES) {
        if (error == null)
          error = h.name() + " i=" + i.get() + " is outside 1.." + Limits.ARC_INSTANCES;
        continue;
      }
      HeaderField[] set = byInstance.computeIfAbsent(i.get(), k -> new HeaderField[3]);
      if (set[kind] != null) {
        if (error == null) error = "two " + h.name() + " fields for i=" + i.get();
        continue;
      }
      set[kind] = h;
    }
    if (!present) return new ArcChain(List.of(), false, Optional.empty());
    List<ArcSet> sets = new ArrayList<>();
    int expected = 1;
    for (var e : byInstance.entrySet()) {
      if (error != null) break;
      if (e.getKey() != expected) {
        error = "ARC set i=" + expected + " is missing";
        break;
      }
      HeaderField[] f = e.getValue();
      String[] names = {"ARC-Authentication-Results", "ARC-Message-Signature", "ARC-Seal"};
      for (int k = 0; k < 3; k++)
        if (f[k] == null && error == null) error = names[k] + " i=" + e.getKey() + " is missing";
      if (error == null)
        sets.add(
            new ArcSet(
                e.getKey(),
                f[0],
                ArcSignature.parse(f[1], ArcSignature.Kind.MESSAGE_SIGNATURE),
                ArcSignature.parse(f[2], ArcSignature.Kind.SEAL)));
      expected++;
    }
    if (error != null) return new ArcChain(List.of(), true, Optional.of(error));
    return new ArcChain(sets, true, Optional.empty());
  }

  /** The key record names of every signature, for the lookups (distinct, in order). */
  public List<String> keyNames() {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (ArcSet s : sets) {
      s.ams().keyName().ifPresent(names::add);
      s.seal().keyName().ifPresent(names::add);
    }
    return List.copyOf(names);
  }

  /** The body hashes the AMS of every instance needs. */
  public List<BodyHashes.Request> bodyRequests() {
    List<BodyHashes.Request> out = new ArrayList<>();
    for (ArcSet s : sets) s.ams().bodyRequest().ifPresent(out::add);
    return out;
  }

  /** {@code i=N; ...}: the AAR starts with its instance tag (RFC 8617 §4.1.1). */
  static Optional<Integer> aarInstance(String value) {
    Matcher m = AAR_INSTANCE.matcher(value);
    if (!m.find() || m.group(1).length() > 4) return Optional.empty();
    return Optional.of(Integer.parseInt(m.group(1)));
  }

  static Optional<Integer> signatureInstance(String value) {
    TagList tags = TagList.parse(value);
    Optional<String> i = tags.get("i");
    if (i.isEmpty() || !i.get().matches("[0-9]{1,4}")) return Optional.empty();
    return Optional.of(Integer.parseInt(i.get()));
  }

  /**
   * An ARC-Message-Signature or ARC-Seal, parsed. {@link #error()} holds why it cannot validate.
   *
   * @param headerCanon AMS {@code c=} header part; always relaxed for a seal (§4.1.3)
   */
  public record ArcSignature(
      Kind kind,
      HeaderField field,
      int instance,
      String domain,
      String selector,
      Optional<DkimAlgorithm> algorithm,
      Canonicalization headerCanon,
      Canonicalization bodyCanon,
      List<String> signedHeaders,
      byte[] bodyHash,
      byte[] signature,
      String cv,
      Optional<String> error) {
    public ArcSignature {
      signedHeaders = List.copyOf(signedHeaders);
    }

    public enum Kind {
      MESSAGE_SIGNATURE,
      SEAL
    }

    public Optional<String> keyName() {
      return error.isPresent() ? Optional.empty() : Optional.of(selector + "._domainkey." + domain);
    }

    Optional<BodyHashes.Request> bodyRequest() {
      if (error.isPresent() || kind == Kind.SEAL) return Optional.empty();
      return Optional.of(new BodyHashes.Request(bodyCanon, "SHA-256", Long.MAX_VALUE));
    }

    private static final Pattern DOMAIN =
        Pattern.compile("(?i)[a-z0-9_]([a-z0-9_-]{0,62})(\\.[a-z0-9_]([a-z0-9_-]{0,62}))*\\.?");

    static ArcSignature parse(HeaderField field, Kind kind) {
      TagList tags = TagList.parse(field.value());
      List<String> errors = new ArrayList<>();
      tags.problems().stream().findFirst().ifPresent(p -> errors.add("tag syntax: " + p));
      List<String> required =
          kind == Kind.SEAL
              ? List.of("i", "a", "b", "d", "s", "cv")
              : List.of("i", "a", "b", "bh", "d", "h", "s");
      for (String r : required) if (!tags.has(r)) errors.add("required tag " + r + "= is missing");
      int i = signatureInstance(field.value()).orElse(0);
      String a = tags.get("a").orElse("");
      // Tag values are case-sensitive (RFC 6376 §3.2): "RSA-SHA256" is not an algorithm. rsa-sha1
      // is not acceptable for ARC (RFC 8617 §4.1.2 requires rsa-sha256; RFC 8301).
      Optional<DkimAlgorithm> alg =
          a.equals("rsa-sha256")
              ? Optional.of(DkimAlgorithm.RSA_SHA256)
              : a.equals("ed25519-sha256")
                  ? Optional.of(DkimAlgorithm.ED25519_SHA256)
                  : Optional.empty();
      if (tags.has("a") && alg.isEmpty()) errors.add("unsupported algorithm a=" + a);
      String d = tags.get("d").orElse("");
      String s = tags.get("s").orElse("");
      if (tags.has("d") && !DOMAIN.matcher(d).matches()) errors.add("d= is not a domain name");
      if (tags.has("s") && !DOMAIN.matcher(s).matches()) errors.add("s= is not a selector");
      Canonicalization hc = Canonicalization.RELAXED;
      Canonicalization bc = Canonicalization.SIMPLE;
      if (kind == Kind.MESSAGE_SIGNATURE) {
        hc = Canonicalization.SIMPLE;
        if (tags.has("c")) {
          String[] parts = tags.get("c").get().split("/", -1);
          Optional<Canonicalization> h = Canonicalization.of(parts[0]);
          Optional<Canonicalization> b =
              parts.length > 1
                  ? Canonicalization.of(parts[1])
                  : Optional.of(Canonicalization.SIMPLE);
          if (h.isEmpty()
              || b.isEmpty()
              || parts.length > 2
              || !parts[0].equals(parts[0].toLowerCase(Locale.ROOT)))
            errors.add("unknown canonicalization c=" + tags.get("c").get());
          else {
            hc = h.get();
            bc = b.get();
          }
        }
      }
      List<String> signed = List.of();
      if (kind == Kind.MESSAGE_SIGNATURE && tags.has("h")) {
        signed =
            java.util.Arrays.stream(tags.get("h").get().split(":"))
                .map(x -> TagList.stripFws(x).toLowerCase(Locale.ROOT))
                .filter(x -> !x.isEmpty())
                .toList();
        // §4.1.2: the AMS must not sign ARC-Seal fields (they are added after it).
        if (signed.contains("arc-seal")) errors.add("h= includes ARC-Seal");
      }
      if (kind == Kind.SEAL && tags.has("h")) errors.add("an ARC-Seal must not have h= (§4.1.3)");
      String cv = tags.get("cv").orElse("");
      if (kind == Kind.SEAL && tags.has("cv") && !List.of("none", "pass", "fail").contains(cv))
        errors.add("invalid cv=" + cv);
      tags.get("t")
          .filter(t -> !t.matches("[0-9]{1,12}"))
          .ifPresent(t -> errors.add("t= is not a timestamp"));
      byte[] bh = base64(tags.get("bh"), "bh", errors, kind == Kind.MESSAGE_SIGNATURE);
      byte[] b = base64(tags.get("b"), "b", errors, true);
      return new ArcSignature(
          kind, field, i, d, s, alg, hc, bc, signed, bh, b, cv, errors.stream().findFirst());
    }

    private static byte[] base64(
        Optional<String> value, String name, List<String> errors, boolean needed) {
      if (value.isEmpty()) return new byte[0];
      String v = value.get().replaceAll("[ \\t\\r\\n]", "");
      if (v.isEmpty()) {
        if (needed) errors.add(name + "= is empty");
        return new byte[0];
      }
      try {
        return Base64.getDecoder().decode(v);
      } catch (IllegalArgumentException e) {
        errors.add(name + "= is not valid base64");
        return new byte[0];
      }
    }
  }
}
