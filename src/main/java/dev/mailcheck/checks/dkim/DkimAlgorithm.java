package dev.mailcheck.checks.dkim;

import java.util.Optional;

/** The signing algorithms ({@code a=}) DKIM defines: RFC 6376 §3.3 and RFC 8463 §3. */
public enum DkimAlgorithm {
  RSA_SHA256("rsa-sha256", "rsa", "sha256", "SHA256withRSA"),
  /** Obsolete: RFC 8301 §3.1 says it MUST NOT be used for signing or verifying. */
  RSA_SHA1("rsa-sha1", "rsa", "sha1", "SHA1withRSA"),
  ED25519_SHA256("ed25519-sha256", "ed25519", "sha256", "Ed25519");

  private final String token;
  private final String keyType;
  private final String hash;
  private final String jcaName;

  DkimAlgorithm(String token, String keyType, String hash, String jcaName) {
    this.token = token;
    this.keyType = keyType;
    this.hash = hash;
    this.jcaName = jcaName;
  }

  public String token() {
    return token;
  }

  /** The {@code k=} this algorithm needs. */
  public String keyType() {
    return keyType;
  }

  /** The {@code h=} name of the hash. */
  public String hash() {
    return hash;
  }

  String jcaName() {
    return jcaName;
  }

  String digestName() {
    return hash.equals("sha1") ? "SHA-1" : "SHA-256";
  }

  public static Optional<DkimAlgorithm> of(String token) {
    for (DkimAlgorithm a : values()) if (a.token.equalsIgnoreCase(token)) return Optional.of(a);
    return Optional.empty();
  }
}
