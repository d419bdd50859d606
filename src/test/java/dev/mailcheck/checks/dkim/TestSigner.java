package dev.mailcheck.checks.dkim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A test-only DKIM signer (RFC 6376 §5, RFC 8463): signs with JDK keys so that tests and the
 * benchmark can make signatures with every canonicalization pair, l= and over-signing, and check
 * that the verifier accepts exactly what a signer produces.
 */
final class TestSigner {
  record Options(
      DkimAlgorithm algorithm,
      String domain,
      String selector,
      Canonicalization headerCanon,
      Canonicalization bodyCanon,
      List<String> headers,
      Long bodyLength,
      long timestamp,
      Long expiry,
      String identity) {
    static Options of(DkimAlgorithm a, String d, String s) {
      return new Options(
          a,
          d,
          s,
          Canonicalization.RELAXED,
          Canonicalization.RELAXED,
          List.of("from", "to", "subject", "date", "message-id"),
          null,
          1_700_000_000L,
          null,
          null);
    }

    Options canon(Canonicalization h, Canonicalization b) {
      return new Options(
          algorithm, domain, selector, h, b, headers, bodyLength, timestamp, expiry, identity);
    }

    Options headers(List<String> h) {
      return new Options(
          algorithm,
          domain,
          selector,
          headerCanon,
          bodyCanon,
          h,
          bodyLength,
          timestamp,
          expiry,
          identity);
    }

    Options bodyLength(Long l) {
      return new Options(
          algorithm,
          domain,
          selector,
          headerCanon,
          bodyCanon,
          headers,
          l,
          timestamp,
          expiry,
          identity);
    }

    Options times(long t, Long x) {
      return new Options(
          algorithm, domain, selector, headerCanon, bodyCanon, headers, bodyLength, t, x, identity);
    }

    Options identity(String i) {
      return new Options(
          algorithm,
          domain,
          selector,
          headerCanon,
          bodyCanon,
          headers,
          bodyLength,
          timestamp,
          expiry,
          i);
    }
  }

  private TestSigner() {}

  /** The message with a DKIM-Signature field prepended. */
  static byte[] sign(byte[] message, PrivateKey key, Options o) {
    DkimMessage m = DkimMessage.parse(message);
    String body = o.bodyCanon().body(m.body());
    if (o.bodyLength() != null)
      body = body.substring(0, (int) Math.min(body.length(), o.bodyLength()));
    String bh =
        Base64.getEncoder()
            .encodeToString(digest(o.algorithm(), body.getBytes(StandardCharsets.ISO_8859_1)));
    StringBuilder v = new StringBuilder();
    v.append("v=1; a=")
        .append(o.algorithm().token())
        .append("; c=")
        .append(o.headerCanon().token())
        .append('/')
        .append(o.bodyCanon().token())
        .append("; d=")
        .append(o.domain())
        .append("; s=")
        .append(o.selector())
        .append(";\r\n\tt=")
        .append(o.timestamp());
    if (o.expiry() != null) v.append("; x=").append(o.expiry());
    if (o.bodyLength() != null) v.append("; l=").append(o.bodyLength());
    if (o.identity() != null) v.append("; i=").append(o.identity());
    v.append(";\r\n\th=")
        .append(String.join(":", o.headers()))
        .append(";\r\n\tbh=")
        .append(bh)
        .append(";\r\n\tb=");
    String unsigned = "DKIM-Signature: " + v + "\r\n";
    DkimMessage.HeaderField field = new DkimMessage.HeaderField("DKIM-Signature", unsigned);
    DkimSignature sig = DkimSignature.parse(field);
    byte[] data = DkimVerifier.headerHashInput(m, sig).getBytes(StandardCharsets.ISO_8859_1);
    try {
      Signature s = Signature.getInstance(o.algorithm().jcaName());
      s.initSign(key);
      s.update(o.algorithm() == DkimAlgorithm.ED25519_SHA256 ? digest(o.algorithm(), data) : data);
      String b = Base64.getEncoder().encodeToString(s.sign());
      // Fold b= like real signers do; the verifier must strip the folding.
      StringBuilder folded = new StringBuilder();
      for (int i = 0; i < b.length(); i += 64)
        folded.append(i == 0 ? "" : "\r\n\t ").append(b, i, Math.min(b.length(), i + 64));
      String signed = "DKIM-Signature: " + v + folded + "\r\n";
      byte[] head = signed.getBytes(StandardCharsets.ISO_8859_1);
      byte[] out = Arrays.copyOf(head, head.length + message.length);
      System.arraycopy(message, 0, out, head.length, message.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key record for a public key: RSA as SubjectPublicKeyInfo, Ed25519 as the raw 32 bytes. */
  static String keyRecord(PublicKey key) {
    byte[] enc = key.getEncoded();
    if (key.getAlgorithm().equals("RSA"))
      return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(enc);
    return "v=DKIM1; k=ed25519; p="
        + Base64.getEncoder().encodeToString(Arrays.copyOfRange(enc, enc.length - 32, enc.length));
  }

  static KeyPair rsa(int bits) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(bits);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] digest(DkimAlgorithm a, byte[] data) {
    try {
      return MessageDigest.getInstance(a.digestName()).digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
