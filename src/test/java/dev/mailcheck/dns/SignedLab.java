package dev.mailcheck.dns;

import dev.mailcheck.dns.testserver.TestDnsServer;
import dev.mailcheck.dns.testserver.ZoneSigner;
import java.time.Instant;

/**
 * A signed DNS tree for tests, generated at test time: the anchor zone {@code test} (its DNSKEY is
 * the trust anchor) with the delegations the DNSSEC and DANE tests need.
 *
 * <ul>
 *   <li>{@code good.test}: signed, DS in {@code test} (secure)
 *   <li>{@code insecure.test}: unsigned, delegated without DS (insecure, with the NSEC proof)
 *   <li>{@code expired.test}: signed with signatures that expired in 2020 (bogus)
 *   <li>{@code wrongkey.test}: signed, but the DS in {@code test} is another key's (bogus)
 * </ul>
 */
public final class SignedLab {
  public final ZoneSigner.Key root = ZoneSigner.newKey("test");
  public final ZoneSigner.Key good = ZoneSigner.newKey("good.test");
  public final ZoneSigner.Key expired = ZoneSigner.newKey("expired.test");
  public final ZoneSigner.Key wrongkey = ZoneSigner.newKey("wrongkey.test");
  private final ZoneSigner.Key other = ZoneSigner.newKey("wrongkey.test");

  /** Serves the tree on {@code dns}; {@code goodExtra} is added to good.test before signing. */
  public SignedLab serve(TestDnsServer dns, String goodExtra) {
    String parent =
        String.join(
            "\n",
            "good NS ns.invalid.",
            good.ds().toString(),
            "insecure NS ns.invalid.",
            "expired NS ns.invalid.",
            expired.ds().toString(),
            "wrongkey NS ns.invalid.",
            other.ds().toString(),
            "");
    dns.zone("test", ZoneSigner.sign("test", parent, root));
    dns.zone(
        "good.test",
        ZoneSigner.sign(
            "good.test", "@ MX 10 mx\nmx A 127.0.0.1\nalias CNAME mx\n" + goodExtra, good));
    dns.zone("insecure.test", "@ MX 10 mx\nmx A 127.0.0.1\n");
    dns.zone(
        "expired.test",
        ZoneSigner.sign(
            "expired.test",
            "@ MX 10 mx\nmx A 127.0.0.1\n",
            expired,
            Instant.parse("2020-01-01T00:00:00Z"),
            Instant.parse("2020-01-15T00:00:00Z")));
    dns.zone(
        "wrongkey.test",
        ZoneSigner.sign("wrongkey.test", "@ MX 10 mx\nmx A 127.0.0.1\n", wrongkey));
    return this;
  }

  /** The trust anchor file's text: the DNSKEY of {@code test}. */
  public String anchorText() {
    return root.dnskey().toString() + "\n";
  }

  public TrustAnchors anchors() {
    return TrustAnchors.parse(anchorText(), "test anchors");
  }
}
