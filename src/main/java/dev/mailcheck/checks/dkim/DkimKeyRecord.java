package dev.mailcheck.checks.dkim;

import dev.mailcheck.checks.Limits;
import java.util.ArrayList;
import java.util.List;

/** The DNS TXT record that publishes a signing key (RFC 6376 §3.6.1), zone-file ready. */
public final class DkimKeyRecord {
  private DkimKeyRecord() {}

  /** {@code v=DKIM1; k=rsa; p=...}. */
  public static String text(DkimPrivateKey key) {
    return "v=DKIM1; k=" + key.keyType() + "; p=" + key.publicKeyData();
  }

  /** The text as quoted character-strings of at most 255 octets each. */
  public static List<String> strings(String text) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < text.length(); i += Limits.DKIM_KEY_STRING_BYTES)
      out.add(
          "\""
              + text.substring(i, Math.min(text.length(), i + Limits.DKIM_KEY_STRING_BYTES))
              + "\"");
    return out;
  }

  /**
   * The zone-file line: {@code sel._domainkey.example.com. 3600 IN TXT ( "..." "..." )}, one string
   * per line so that it pastes into BIND, Knot and NSD zone files.
   */
  public static String zoneLine(String selector, String domain, DkimPrivateKey key) {
    List<String> parts = strings(text(key));
    String owner = selector + "._domainkey." + domain + ".";
    if (parts.size() == 1) return owner + " 3600 IN TXT " + parts.get(0);
    return owner + " 3600 IN TXT ( " + String.join("\n\t", parts) + " )";
  }
}
