package dev.mailcheck.smtp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AUTH exchange (RFC 4954) for PLAIN (RFC 4616, with initial response), LOGIN, CRAM-MD5 (RFC
 * 2195) and XOAUTH2 (Google's SASL profile of RFC 6750 bearer tokens). Every payload the client
 * sends is recorded as {@code <redacted>}; server challenges are recorded as sent (they hold no
 * secret).
 */
final class SaslClient {
  /** What we implement, strongest first for automatic choice (XOAUTH2 only with a token). */
  static final List<String> SUPPORTED = List.of("XOAUTH2", "CRAM-MD5", "PLAIN", "LOGIN");

  /** Mechanisms that must not be used any more: DIGEST-MD5 was moved to Historic by RFC 6331. */
  static final List<String> OBSOLETE = List.of("DIGEST-MD5");

  private static final String REDACTED = "<redacted>";

  private SaslClient() {}

  /** The mechanism to use, or empty with the reason when none fits. */
  static Optional<String> choose(List<String> offered, AuthRequest req) {
    if (req.mechanism().isPresent()) {
      return offered.contains(req.mechanism().get()) ? req.mechanism() : Optional.empty();
    }
    if (req.oauthToken())
      return offered.contains("XOAUTH2") ? Optional.of("XOAUTH2") : Optional.empty();
    return SUPPORTED.stream()
        .filter(m -> !m.equals("XOAUTH2"))
        .filter(offered::contains)
        .findFirst();
  }

  static AuthOutcome authenticate(SmtpConnection c, List<String> offered, AuthRequest req)
      throws ProbeException {
    if (offered.isEmpty()) {
      return new AuthOutcome(
          offered,
          Optional.empty(),
          AuthOutcome.Result.NOT_OFFERED,
          Optional.empty(),
          "the server does not advertise AUTH");
    }
    Optional<String> mech = choose(offered, req);
    if (mech.isEmpty()) {
      String why =
          req.mechanism()
              .map(m -> m + " is not offered (offered: " + String.join(" ", offered) + ")")
              .orElse(
                  "no mechanism we can use with these credentials is offered (offered: "
                      + String.join(" ", offered)
                      + ")");
      return new AuthOutcome(
          offered, req.mechanism(), AuthOutcome.Result.MECHANISM_REFUSED, Optional.empty(), why);
    }
    if (!SUPPORTED.contains(mech.get())) {
      return new AuthOutcome(
          offered,
          mech,
          AuthOutcome.Result.MECHANISM_REFUSED,
          Optional.empty(),
          mech.get() + " is not implemented by mailcheck");
    }
    String m = mech.get();
    remember(c.transcript(), req);
    Reply reply =
        switch (m) {
          case "PLAIN" -> plain(c, req);
          case "LOGIN" -> login(c, req);
          case "CRAM-MD5" -> cramMd5(c, req);
          case "XOAUTH2" -> xoauth2(c, req);
          default -> throw new IllegalStateException(m);
        };
    return outcome(offered, m, reply);
  }

  /** Every form of the secret that goes on the wire, so that an echo of it is redacted too. */
  private static void remember(Transcript t, AuthRequest req) {
    String secret = new String(req.secret().chars());
    byte[] user = req.user().getBytes(StandardCharsets.UTF_8);
    byte[] pass = req.secret().utf8();
    t.secret(secret);
    t.secret(b64(pass));
    t.secret(b64(pass).replace("=", ""));
    byte[] plain = new byte[user.length + pass.length + 2];
    System.arraycopy(user, 0, plain, 1, user.length);
    System.arraycopy(pass, 0, plain, user.length + 2, pass.length);
    t.secret(b64(plain));
    t.secret(
        b64(
            ("user=" + req.user() + "\u0001auth=Bearer " + secret + "\u0001\u0001")
                .getBytes(StandardCharsets.UTF_8)));
    Arrays.fill(pass, (byte) 0);
    Arrays.fill(plain, (byte) 0);
  }

  private static AuthOutcome outcome(List<String> offered, String mech, Reply reply) {
    AuthOutcome.Result result;
    if (reply.code() == 235) result = AuthOutcome.Result.SUCCESS;
    else if (reply.code() == 504) result = AuthOutcome.Result.MECHANISM_REFUSED;
    else if (reply.code() == 535 || reply.permanentNegative()) result = AuthOutcome.Result.FAILED;
    else result = AuthOutcome.Result.ERROR;
    return new AuthOutcome(
        offered, Optional.of(mech), result, Optional.of(reply), reply.explained());
  }

  private static Reply plain(SmtpConnection c, AuthRequest req) throws ProbeException {
    byte[] user = req.user().getBytes(StandardCharsets.UTF_8);
    byte[] pass = req.secret().utf8();
    byte[] msg = new byte[user.length + pass.length + 2];
    System.arraycopy(user, 0, msg, 1, user.length);
    System.arraycopy(pass, 0, msg, user.length + 2, pass.length);
    String ir = b64(msg);
    Arrays.fill(pass, (byte) 0);
    Arrays.fill(msg, (byte) 0);
    Reply r = c.command(Phase.AUTH, "AUTH PLAIN " + ir, "AUTH PLAIN " + REDACTED);
    if (r.intermediate()) return cancel(c);
    return r;
  }

  private static Reply login(SmtpConnection c, AuthRequest req) throws ProbeException {
    Reply r = c.command(Phase.AUTH, "AUTH LOGIN");
    if (!r.intermediate()) return r;
    r = c.command(Phase.AUTH, b64(req.user().getBytes(StandardCharsets.UTF_8)), REDACTED);
    if (!r.intermediate()) return r;
    byte[] pass = req.secret().utf8();
    String p = b64(pass);
    Arrays.fill(pass, (byte) 0);
    r = c.command(Phase.AUTH, p, REDACTED);
    if (r.intermediate()) return cancel(c);
    return r;
  }

  private static Reply cramMd5(SmtpConnection c, AuthRequest req) throws ProbeException {
    Reply r = c.command(Phase.AUTH, "AUTH CRAM-MD5");
    if (!r.intermediate()) return r;
    byte[] challenge;
    try {
      challenge = Base64.getDecoder().decode(r.text().trim());
    } catch (IllegalArgumentException e) {
      return cancel(c);
    }
    String digest;
    byte[] key = req.secret().utf8();
    try {
      Mac mac = Mac.getInstance("HmacMD5");
      mac.init(new SecretKeySpec(key, "HmacMD5"));
      digest = HexFormat.of().formatHex(mac.doFinal(challenge));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacMD5 missing from the JDK", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    String response = b64((req.user() + " " + digest).getBytes(StandardCharsets.UTF_8));
    // The response proves knowledge of the password for this challenge: a server that echoes it
    // back must not get it into the transcript either (issue 11 #17).
    c.transcript().secret(response);
    c.transcript().secret(digest);
    r = c.command(Phase.AUTH, response, REDACTED);
    if (r.intermediate()) return cancel(c);
    return r;
  }

  private static Reply xoauth2(SmtpConnection c, AuthRequest req) throws ProbeException {
    String payload =
        "user="
            + req.user()
            + "\u0001auth=Bearer "
            + new String(req.secret().chars())
            + "\u0001\u0001";
    Reply r =
        c.command(
            Phase.AUTH,
            "AUTH XOAUTH2 " + b64(payload.getBytes(StandardCharsets.UTF_8)),
            "AUTH XOAUTH2 " + REDACTED);
    // On failure the server sends a 334 with an error JSON and waits for an empty line.
    if (r.intermediate()) {
      Reply fin = c.command(Phase.AUTH, "", "");
      return fin;
    }
    return r;
  }

  /** RFC 4954 §4: "*" cancels the exchange; the server answers 501. */
  private static Reply cancel(SmtpConnection c) throws ProbeException {
    c.command(Phase.AUTH, "*");
    return new Reply(535, List.of("exchange cancelled by mailcheck after an unexpected challenge"));
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }
}
