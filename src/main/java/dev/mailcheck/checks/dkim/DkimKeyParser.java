package dev.mailcheck.checks.dkim;

import dev.mailcheck.checks.TagList;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses key records (RFC 6376 §3.6.1) and decodes {@code p=}: RSA as SubjectPublicKeyInfo (what
 * every signer publishes) or, leniently, a bare PKCS#1 RSAPublicKey (the literal text of §3.6.1);
 * Ed25519 as the raw 32-byte key RFC 8463 §4 requires. An SPKI-wrapped Ed25519 key (44 bytes) is a
 * problem: conforming verifiers cannot use it.
 */
final class DkimKeyParser {
  private DkimKeyParser() {}

  /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the raw key follows it. */
  static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  static DkimKey parse(String record) {
    TagList tags = TagList.parse(record);
    List<String> problems = new ArrayList<>(DkimKey.problemsOf(tags));
    Optional<String> version = tags.get("v");
    if (version.isPresent()) {
      if (!tags.tags().get(0).name().equals("v"))
        problems.add("v= must be the first tag (RFC 6376 §3.6.1)");
      if (!version.get().equals("DKIM1"))
        problems.add("unsupported key version v=" + version.get() + " (expected DKIM1)");
    }
    String keyType = tags.get("k").map(v -> v.toLowerCase(Locale.ROOT)).orElse("rsa");
    List<String> hashes = list(tags.get("h"));
    List<String> services = tags.get("s").map(v -> list(Optional.of(v))).orElse(List.of("*"));
    List<String> flags = list(tags.get("t"));
    String p = tags.get("p").map(TagList::withoutFws).orElse("");
    if (!tags.has("p")) problems.add("p= (public key) is missing");
    if (!hashes.isEmpty() && hashes.stream().noneMatch(h -> h.equals("sha256") || h.equals("sha1")))
      problems.add("h=" + String.join(":", hashes) + " lists no hash algorithm DKIM defines");
    Optional<PublicKey> key = Optional.empty();
    int bits = 0;
    if (!p.isEmpty()) {
      byte[] der = null;
      try {
        der = Base64.getDecoder().decode(p);
      } catch (IllegalArgumentException e) {
        problems.add("p= is not valid base64: " + e.getMessage());
      }
      if (der != null) {
        switch (keyType) {
          case "rsa" -> {
            Optional<RSAPublicKey> rsa = decodeRsa(der);
            if (rsa.isEmpty())
              problems.add(
                  "p= is not an RSA public key (neither SubjectPublicKeyInfo nor RSAPublicKey DER)");
            else {
              key = Optional.of(rsa.get());
              bits = rsa.get().getModulus().bitLength();
            }
          }
          case "ed25519" -> {
            if (der.length == 44 && Arrays.equals(Arrays.copyOf(der, 12), ED25519_SPKI_PREFIX)) {
              problems.add(
                  "p= holds an SPKI-wrapped Ed25519 key (44 bytes); RFC 8463 §4 requires the raw 32-byte key");
            } else if (der.length != 32) {
              problems.add(
                  "p= is " + der.length + " bytes; an Ed25519 key is 32 bytes (RFC 8463 §4)");
            } else {
              key = decodeEd25519(der);
              if (key.isEmpty()) problems.add("p= is not a valid Ed25519 public key");
              else bits = 256;
            }
          }
          default ->
              problems.add(
                  "unknown key type k=" + keyType + " (RFC 6376 defines rsa, RFC 8463 ed25519)");
        }
      }
    } else if (!keyType.equals("rsa") && !keyType.equals("ed25519")) {
      problems.add("unknown key type k=" + keyType + " (RFC 6376 defines rsa, RFC 8463 ed25519)");
    }
    return new DkimKey(
        record, version, keyType, hashes, services, flags, tags.get("n"), p, key, bits, problems);
  }

  private static List<String> list(Optional<String> value) {
    return value
        .map(
            v ->
                Arrays.stream(v.split(":"))
                    .map(s -> TagList.stripFws(s).toLowerCase(Locale.ROOT))
                    .filter(s -> !s.isEmpty())
                    .toList())
        .orElse(List.of());
  }

  static Optional<RSAPublicKey> decodeRsa(byte[] der) {
    try {
      KeyFactory kf = KeyFactory.getInstance("RSA");
      try {
        return Optional.of((RSAPublicKey) kf.generatePublic(new X509EncodedKeySpec(der)));
      } catch (Exception spki) {
        var pkcs1 = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(der);
        BigInteger n = pkcs1.getModulus();
        return Optional.of(
            (RSAPublicKey) kf.generatePublic(new RSAPublicKeySpec(n, pkcs1.getPublicExponent())));
      }
    } catch (Exception | LinkageError e) {
      return Optional.empty();
    }
  }

  static Optional<PublicKey> decodeEd25519(byte[] raw) {
    Ed25519PublicKey decoded = Ed25519PublicKey.decode(raw);
    if (decoded != null) return Optional.of(decoded);
    // Not a point on the curve. The JDK's factory takes any 32 octets, so the key is still
    // "present" and the signature check fails, as before BouncyCastle decoded keys here.
    try {
      return Optional.of(
          KeyFactory.getInstance("Ed25519")
              .generatePublic(new X509EncodedKeySpec(ed25519SubjectPublicKeyInfo(raw))));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** A raw 32-octet Ed25519 key as SubjectPublicKeyInfo (RFC 8410). */
  static byte[] ed25519SubjectPublicKeyInfo(byte[] raw) {
    byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + raw.length);
    System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
    return spki;
  }
}
