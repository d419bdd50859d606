package dev.mailcheck.checks.dkim;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * A DKIM signing key: RSA (RFC 6376 §3.3.1) or Ed25519 (RFC 8463). Read from PEM (PKCS#1 {@code RSA
 * PRIVATE KEY} or PKCS#8 {@code PRIVATE KEY}) or from dkimpy's raw base64 Ed25519 seed; generated
 * by {@code dkim keygen}. The private part never appears in {@link #toString()}.
 */
public sealed interface DkimPrivateKey {
  /** The algorithm a signature with this key uses. */
  DkimAlgorithm algorithm();

  /**
   * {@code p=} of the key record to publish: SubjectPublicKeyInfo (RSA) or the raw key (Ed25519).
   */
  String publicKeyData();

  /** {@code k=} of the key record. */
  default String keyType() {
    return algorithm().keyType();
  }

  /** The private key as PKCS#8 PEM. */
  String toPem();

  /** RSA; {@code bits} the modulus length. */
  record Rsa(PrivateKey key, String publicKeyData, int bits) implements DkimPrivateKey {
    @Override
    public DkimAlgorithm algorithm() {
      return DkimAlgorithm.RSA_SHA256;
    }

    @Override
    public String toPem() {
      return pem("PRIVATE KEY", key.getEncoded());
    }

    @Override
    public String toString() {
      return "RSA-" + bits + " private key";
    }
  }

  /** Ed25519 (RFC 8463). */
  record Ed25519(Ed25519PrivateKeyParameters key) implements DkimPrivateKey {
    @Override
    public DkimAlgorithm algorithm() {
      return DkimAlgorithm.ED25519_SHA256;
    }

    @Override
    public String publicKeyData() {
      return Base64.getEncoder().encodeToString(key.generatePublicKey().getEncoded());
    }

    @Override
    public String toPem() {
      try {
        return pem("PRIVATE KEY", PrivateKeyInfoFactory.createPrivateKeyInfo(key).getEncoded());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String toString() {
      return "Ed25519 private key";
    }
  }

  /** The key file could not be used; the message says why in one line, without key material. */
  final class KeyFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public KeyFileException(String message) {
      super(message);
    }
  }

  /**
   * Reads a private key file's text: PEM (PKCS#1 RSA, PKCS#8 RSA or Ed25519) or one line of base64
   * holding a 32-octet Ed25519 seed (dkimpy's {@code dknewkey --ktype ed25519}). Encrypted keys are
   * refused: signing runs unattended.
   */
  static DkimPrivateKey read(String text) throws KeyFileException {
    String trimmed = text.strip();
    if (!trimmed.startsWith("-----BEGIN")) {
      try {
        byte[] raw = Base64.getDecoder().decode(trimmed);
        if (raw.length == 32) return new Ed25519(new Ed25519PrivateKeyParameters(raw, 0));
      } catch (IllegalArgumentException e) {
        // not base64: reported below
      }
      throw new KeyFileException(
          "not a PEM private key (expected -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)");
    }
    Object parsed;
    try (PEMParser p = new PEMParser(new StringReader(text))) {
      parsed = p.readObject();
    } catch (IOException | RuntimeException e) {
      throw new KeyFileException("the PEM key cannot be parsed");
    }
    if (parsed instanceof PEMEncryptedKeyPair || parsed instanceof PKCS8EncryptedPrivateKeyInfo)
      throw new KeyFileException(
          "the key is encrypted; decrypt it first (openssl pkey -in KEY -out PLAIN.pem)");
    PrivateKeyInfo info =
        switch (parsed) {
          case PEMKeyPair kp -> kp.getPrivateKeyInfo();
          case PrivateKeyInfo pki -> pki;
          case null -> throw new KeyFileException("no private key in the PEM file");
          default ->
              throw new KeyFileException(
                  "the PEM file holds no private key (found "
                      + parsed.getClass().getSimpleName()
                      + ")");
        };
    try {
      AsymmetricKeyParameter params = PrivateKeyFactory.createKey(info);
      if (params instanceof Ed25519PrivateKeyParameters ed) return new Ed25519(ed);
      if (params instanceof org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters) {
        PrivateKey k =
            KeyFactory.getInstance("RSA")
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(info.getEncoded()));
        return rsa(k);
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new KeyFileException("the private key cannot be decoded");
    }
    throw new KeyFileException("unsupported key type (DKIM signs with RSA or Ed25519)");
  }

  private static Rsa rsa(PrivateKey k) throws GeneralSecurityException, KeyFileException {
    if (!(k instanceof RSAPrivateCrtKey crt))
      throw new KeyFileException("the RSA key lacks its public part (not a CRT key)");
    var pub =
        KeyFactory.getInstance("RSA")
            .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    return new Rsa(
        k, Base64.getEncoder().encodeToString(pub.getEncoded()), crt.getModulus().bitLength());
  }

  /** A new key: RSA of {@code bits} (public exponent 65537) or Ed25519. */
  static DkimPrivateKey generate(DkimAlgorithm algorithm, int bits, SecureRandom random) {
    try {
      if (algorithm == DkimAlgorithm.ED25519_SHA256)
        return new Ed25519(new Ed25519PrivateKeyParameters(random));
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(new RSAKeyGenParameterSpec(bits, BigInteger.valueOf(65537)), random);
      KeyPair kp = g.generateKeyPair();
      return rsa(kp.getPrivate());
    } catch (GeneralSecurityException | KeyFileException e) {
      throw new IllegalStateException("key generation failed: " + e.getMessage(), e);
    }
  }

  private static String pem(String type, byte[] der) {
    StringWriter w = new StringWriter();
    try (PemWriter p = new PemWriter(w)) {
      p.writeObject(new PemObject(type, der));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return w.toString();
  }
}
