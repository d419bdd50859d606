package dev.mailcheck.smtp.testserver;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;

/**
 * A well-behaved SMTP server script, configurable: greeting, extensions before and after TLS,
 * STARTTLS (or a refusal such as 454), users for AUTH PLAIN/LOGIN/CRAM-MD5, open or closed relay.
 * Never accepts DATA (answers 554) so a test can assert it was never sent.
 */
public final class StandardSmtp implements ScriptedSmtpServer.Script {
  private String banner = "220 mx.test.example ESMTP ready";
  private List<String> extensions =
      new ArrayList<>(
          List.of("PIPELINING", "SIZE 52428800", "8BITMIME", "ENHANCEDSTATUSCODES", "SMTPUTF8"));
  private List<String> extensionsTls = null;
  private SSLContext starttls;
  private String starttlsReply = "220 2.0.0 Ready to start TLS";
  private final Map<String, String> users = new LinkedHashMap<>();
  private List<String> authMechanisms = List.of();
  private boolean authBeforeTls;
  private boolean openRelay;
  private boolean refuseEhlo;

  public StandardSmtp banner(String v) {
    banner = v;
    return this;
  }

  public StandardSmtp extensions(String... v) {
    extensions = new ArrayList<>(List.of(v));
    return this;
  }

  public StandardSmtp extensionsAfterTls(String... v) {
    extensionsTls = new ArrayList<>(List.of(v));
    return this;
  }

  /** Advertises STARTTLS and upgrades with this context. */
  public StandardSmtp starttls(SSLContext ctx) {
    starttls = ctx;
    return this;
  }

  /**
   * Advertises STARTTLS but answers the command with this reply (e.g. {@code 454 4.7.0 TLS not
   * available}).
   */
  public StandardSmtp starttlsReply(String reply) {
    starttlsReply = reply;
    return this;
  }

  public StandardSmtp user(String name, String password) {
    users.put(name, password);
    return this;
  }

  /** AUTH mechanisms to advertise (after TLS; also before when {@link #authBeforeTls}). */
  public StandardSmtp auth(String... mechanisms) {
    authMechanisms = List.of(mechanisms);
    return this;
  }

  public StandardSmtp authBeforeTls(boolean v) {
    authBeforeTls = v;
    return this;
  }

  public StandardSmtp openRelay(boolean v) {
    openRelay = v;
    return this;
  }

  public StandardSmtp refuseEhlo(boolean v) {
    refuseEhlo = v;
    return this;
  }

  @Override
  public void run(ScriptedSmtpServer.Session s) throws Exception {
    s.send(banner);
    boolean authed = false;
    String line;
    while ((line = s.readLine()) != null) {
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.startsWith("EHLO ")) {
        if (refuseEhlo) {
          s.send("502 5.5.2 Error: command not recognized");
          continue;
        }
        var lines = new ArrayList<String>();
        lines.add("mx.test.example Hello " + line.substring(5));
        List<String> ext = s.isTls() && extensionsTls != null ? extensionsTls : extensions;
        lines.addAll(ext);
        if (!s.isTls() && (starttls != null || !starttlsReply.startsWith("220")))
          lines.add("STARTTLS");
        if (!authMechanisms.isEmpty() && (s.isTls() || authBeforeTls))
          lines.add("AUTH " + String.join(" ", authMechanisms));
        for (int i = 0; i < lines.size(); i++)
          s.send("250" + (i == lines.size() - 1 ? " " : "-") + lines.get(i));
      } else if (upper.startsWith("HELO ")) {
        s.send("250 mx.test.example");
      } else if (upper.equals("STARTTLS") && !s.isTls()) {
        s.send(starttlsReply);
        if (starttlsReply.startsWith("220")) s.startTls(starttls);
      } else if (upper.startsWith("AUTH ")) {
        authed = auth(s, line.substring(5));
      } else if (upper.startsWith("MAIL FROM:")) {
        s.send("250 2.1.0 Ok");
      } else if (upper.startsWith("RCPT TO:")) {
        s.send(
            openRelay || authed
                ? "250 2.1.5 Ok"
                : "554 5.7.1 <"
                    + line.substring(8).replaceAll("[<>]", "")
                    + ">: Relay access denied");
      } else if (upper.equals("RSET")) {
        s.send("250 2.0.0 Ok");
      } else if (upper.equals("DATA")) {
        s.send("554 5.5.1 Error: no valid recipients");
      } else if (upper.equals("QUIT")) {
        s.send("221 2.0.0 Bye");
        s.close();
        return;
      } else {
        s.send("502 5.5.2 Error: command not recognized");
      }
    }
  }

  private boolean auth(ScriptedSmtpServer.Session s, String args) throws Exception {
    String[] parts = args.split(" ", 2);
    String mech = parts[0].toUpperCase(Locale.ROOT);
    if (!authMechanisms.contains(mech)) {
      s.send("504 5.5.4 Unrecognized authentication type");
      return false;
    }
    String user;
    String pass;
    switch (mech) {
      case "PLAIN" -> {
        String ir = parts.length > 1 ? parts[1] : null;
        if (ir == null) {
          s.send("334 ");
          ir = s.readLine();
        }
        String[] f =
            new String(Base64.getDecoder().decode(ir), StandardCharsets.UTF_8).split("\0", -1);
        user = f[1];
        pass = f[2];
      }
      case "LOGIN" -> {
        s.send("334 VXNlcm5hbWU6");
        user = decode(s.readLine());
        s.send("334 UGFzc3dvcmQ6");
        pass = decode(s.readLine());
      }
      case "CRAM-MD5" -> {
        String challenge = "<1896.697170952@mx.test.example>";
        s.send(
            "334 "
                + Base64.getEncoder()
                    .encodeToString(challenge.getBytes(StandardCharsets.US_ASCII)));
        String[] f = decode(s.readLine()).split(" ", 2);
        user = f[0];
        String expected = users.get(user);
        if (expected == null) {
          s.send("535 5.7.8 Error: authentication failed: authentication failure");
          return false;
        }
        Mac mac = Mac.getInstance("HmacMD5");
        mac.init(new SecretKeySpec(expected.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
        String digest =
            HexFormat.of().formatHex(mac.doFinal(challenge.getBytes(StandardCharsets.US_ASCII)));
        pass = digest.equals(f[1]) ? expected : null;
      }
      case "XOAUTH2" -> {
        String ir = parts.length > 1 ? parts[1] : "";
        String[] f = decode(ir).split("\u0001");
        user = f[0].startsWith("user=") ? f[0].substring(5) : "";
        String bearer = f.length > 1 && f[1].startsWith("auth=Bearer ") ? f[1].substring(12) : "";
        if (!bearer.equals(users.get(user))) {
          // RFC 7628-style error challenge; the client answers with an empty line
          s.send(
              "334 "
                  + Base64.getEncoder()
                      .encodeToString("{\"status\":\"401\"}".getBytes(StandardCharsets.US_ASCII)));
          s.readLine();
          s.send("535 5.7.8 Username and Password not accepted");
          return false;
        }
        pass = bearer;
      }
      default -> {
        s.send("504 5.5.4 Unrecognized authentication type");
        return false;
      }
    }
    if (pass != null && pass.equals(users.get(user))) {
      s.send("235 2.7.0 Authentication successful");
      return true;
    }
    s.send("535 5.7.8 Error: authentication failed: authentication failure");
    return false;
  }

  private static String decode(String b64) {
    return new String(Base64.getDecoder().decode(b64 == null ? "" : b64), StandardCharsets.UTF_8);
  }
}
