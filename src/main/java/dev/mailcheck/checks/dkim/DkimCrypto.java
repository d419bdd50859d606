package dev.mailcheck.checks.dkim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signing primitives DKIM shares with ARC (RFC 8617 §4.1.2 reuses DKIM's canonicalization,
 * header selection and algorithms for ARC-Message-Signature and ARC-Seal) and with the signer:
 * header hash input, b= removal, signature verification and creation.
 */
public final class DkimCrypto {
  private DkimCrypto() {}

  /**
   * The data a signature's {@code b=} signs (RFC 6376 §3.7, §5.4.2): the {@code signedHeaders}
   * instances taken bottom-up (a name listed more often than present contributes nothing), each in
   * {@code canon}, then the signature field itself with {@code b=} emptied and no final CRLF.
   */
  public static String headerHashInput(
      List<DkimMessage.HeaderField> headers,
      List<String> signedHeaders,
      Canonicalization canon,
      DkimMessage.HeaderField signatureField) {
    StringBuilder data = new StringBuilder();
    // Indexed once, so a hostile h= with thousands of names stays linear.
    Map<String, ArrayDeque<DkimMessage.HeaderField>> bottomUp = new HashMap<>();
    for (int i = headers.size() - 1; i >= 0; i--) {
      bottomUp
          .computeIfAbsent(headers.get(i).name().toLowerCase(Locale.ROOT), n -> new ArrayDeque<>())
          .add(headers.get(i));
    }
    for (String name : signedHeaders) {
      var instances = bottomUp.get(name.toLowerCase(Locale.ROOT));
      if (instances != null && !instances.isEmpty()) data.append(canon.header(instances.poll()));
    }
    String self = canonicalHeaderWithoutB(canon, signatureField);
    data.append(self);
    return data.toString();
  }

  /** A header field in {@code canon} with its CRLF (RFC 6376 §3.4.1, §3.4.2). */
  public static String canonicalHeader(Canonicalization canon, DkimMessage.HeaderField field) {
    return canon.header(field);
  }

  /** The signature field in {@code canon} with {@code b=} emptied and no final CRLF. */
  public static String canonicalHeaderWithoutB(
      Canonicalization canon, DkimMessage.HeaderField field) {
    DkimMessage.HeaderField self =
        new DkimMessage.HeaderField(field.name(), DkimVerifier.withoutB(field.raw()));
    String c = canon.header(self);
    return c.substring(0, c.length() - 2);
  }

  /**
   * Whether {@code signature} is {@code key}'s signature of {@code data} under {@code alg}. Ed25519
   * signs the SHA-256 hash of the data, not the data itself (RFC 8463 §3), with BouncyCastle's
   * Ed25519, several times faster than the JDK's (docs/performance.md).
   */
  public static boolean verify(DkimAlgorithm alg, DkimKey key, String data, byte[] signature) {
    return verify(alg, key, data.getBytes(StandardCharsets.ISO_8859_1), signature);
  }

  static boolean verify(DkimAlgorithm alg, DkimKey key, byte[] data, byte[] signature) {
    if (alg == DkimAlgorithm.ED25519_SHA256) {
      try {
        var signer = new org.bouncycastle.crypto.signers.Ed25519Signer();
        signer.init(
            false,
            key.publicKey().orElse(null) instanceof Ed25519PublicKey decoded
                ? decoded.parameters()
                : new org.bouncycastle.crypto.params.Ed25519PublicKeyParameters(
                    java.util.Base64.getDecoder().decode(key.publicKeyData()), 0));
        byte[] hash = sha256(data);
        signer.update(hash, 0, hash.length);
        return signer.verifySignature(signature);
      } catch (RuntimeException e) {
        return false;
      }
    }
    try {
      Signature verifier = Signature.getInstance(alg.jcaName());
      verifier.initVerify(key.publicKey().orElseThrow());
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Signs {@code data} (ISO-8859-1 text, as {@link #headerHashInput} returns it) with {@code key}.
   */
  public static byte[] sign(DkimPrivateKey key, String data) {
    byte[] octets = data.getBytes(StandardCharsets.ISO_8859_1);
    return switch (key) {
      case DkimPrivateKey.Rsa rsa -> {
        try {
          Signature s = Signature.getInstance(DkimAlgorithm.RSA_SHA256.jcaName());
          s.initSign(rsa.key());
          s.update(octets);
          yield s.sign();
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("RSA signing failed: " + e.getMessage(), e);
        }
      }
      case DkimPrivateKey.Ed25519 ed -> {
        var signer = new org.bouncycastle.crypto.signers.Ed25519Signer();
        signer.init(true, ed.key());
        byte[] hash = sha256(octets);
        signer.update(hash, 0, hash.length);
        yield signer.generateSignature();
      }
    };
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK lacks SHA-256", e);
    }
  }
}
