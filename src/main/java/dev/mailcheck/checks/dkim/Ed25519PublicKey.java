package dev.mailcheck.checks.dkim;

import java.io.Serial;
import java.security.PublicKey;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * An Ed25519 public key from a key record's {@code p=} (RFC 8463 §4), held as BouncyCastle decoded
 * it: the point is decompressed once, when the record is parsed, not at every signature check. A
 * record parsed once serves every message signed with it ({@link DkimKey#cached}).
 */
final class Ed25519PublicKey implements PublicKey {
  @Serial private static final long serialVersionUID = 1L;

  private final byte[] raw;
  private final transient Ed25519PublicKeyParameters parameters;

  private Ed25519PublicKey(byte[] raw, Ed25519PublicKeyParameters parameters) {
    this.raw = raw;
    this.parameters = parameters;
  }

  /**
   * The key, or null when the 32 octets are not a point on the curve (BouncyCastle's check). The
   * JDK's key factory accepts any 32 octets, so the parser falls back to it and such a key fails at
   * the signature, as it always did.
   */
  static Ed25519PublicKey decode(byte[] raw) {
    if (raw.length != Ed25519PublicKeyParameters.KEY_SIZE) return null;
    try {
      return new Ed25519PublicKey(raw.clone(), new Ed25519PublicKeyParameters(raw, 0));
    } catch (IllegalArgumentException notAPoint) {
      return null;
    }
  }

  Ed25519PublicKeyParameters parameters() {
    return parameters;
  }

  @Override
  public String getAlgorithm() {
    return "Ed25519";
  }

  /** SubjectPublicKeyInfo, like the JDK's keys (RFC 8410). */
  @Override
  public String getFormat() {
    return "X.509";
  }

  @Override
  public byte[] getEncoded() {
    return DkimKeyParser.ed25519SubjectPublicKeyInfo(raw);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519PublicKey k && Arrays.equals(raw, k.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "Ed25519 public key";
  }
}
