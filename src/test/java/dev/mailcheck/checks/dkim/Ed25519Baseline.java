package dev.mailcheck.checks.dkim;

import java.lang.management.ManagementFactory;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The floor under an Ed25519 DKIM verification: the signature check alone, over a 32-octet message
 * (the SHA-256 of the header data, RFC 8463 §3), per second of the thread's CPU time, with the
 * JDK's EdDSA, with BouncyCastle's {@code Ed25519Signer} decoding the key each time (what {@link
 * DkimCrypto} does), and with a decoded key reused. Not a test: a {@code main} in test scope,
 * quoted in docs/performance.md.
 *
 * <pre>
 * java -cp CLASSPATH dev.mailcheck.checks.dkim.Ed25519Baseline [SECONDS]
 * </pre>
 */
public final class Ed25519Baseline {
  private Ed25519Baseline() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
    var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] hash = new byte[32];
    new Random(8463).nextBytes(hash);
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(pair.getPrivate());
    signer.update(hash);
    byte[] sig = signer.sign();
    byte[] spki = pair.getPublic().getEncoded();
    byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    Ed25519PublicKeyParameters decoded = new Ed25519PublicKeyParameters(raw, 0);
    for (int round = 0; round < 3; round++) {
      rate(
          "jdk",
          seconds,
          () -> {
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(pair.getPublic());
            v.update(hash);
            return v.verify(sig);
          });
      rate(
          "bouncycastle, key decoded each time",
          seconds,
          () -> {
            Ed25519Signer v = new Ed25519Signer();
            v.init(false, new Ed25519PublicKeyParameters(raw, 0));
            v.update(hash, 0, hash.length);
            return v.verifySignature(sig);
          });
      rate(
          "bouncycastle, key decoded once",
          seconds,
          () -> {
            Ed25519Signer v = new Ed25519Signer();
            v.init(false, decoded);
            v.update(hash, 0, hash.length);
            return v.verifySignature(sig);
          });
    }
  }

  private interface Verify {
    boolean run() throws Exception;
  }

  private static void rate(String what, double seconds, Verify v) throws Exception {
    var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long c0 = mx.getCurrentThreadCpuTime();
    long budget = (long) (seconds * 1e9);
    long n = 0;
    while (mx.getCurrentThreadCpuTime() - c0 < budget) {
      if (!v.run()) throw new AssertionError("verification failed");
      n++;
    }
    System.out.printf(
        "%s: %.0f verifications/cpu-s%n", what, n / ((mx.getCurrentThreadCpuTime() - c0) / 1e9));
  }
}
