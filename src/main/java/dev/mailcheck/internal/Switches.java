package dev.mailcheck.internal;

import java.util.Objects;

/**
 * How the front end names the switches a finding or message may point to: the core says what to do
 * ("run again with " + {@link #allowPrivate()}), the front end decides how it is spelled. The CLI
 * passes its option names ({@code --allow-private}); a library user gets {@link #WORDS}, plain noun
 * phrases that read the same in every message.
 *
 * @param allowPrivate contact addresses in loopback, private and reserved ranges
 * @param insecure go on after a certificate problem on a submission service
 * @param allowPlaintextAuth send credentials over an unencrypted connection
 * @param longerTimeout a longer deadline for each network step (a noun phrase: "a longer ...")
 * @param resolver the DNS server to ask
 * @param selector a DKIM selector to check, with its placeholder
 * @param listsFile a file of extra DNS blocklists
 * @param noSmtp skip the SMTP probes of the domain report
 * @param implicitTls probe with TLS from the first byte (port 465)
 * @param bulkSenderProfile judge a message by the bulk-sender rules
 * @param server the server to deliver to instead of the recipient domain's MX
 * @param authMechanism the SASL mechanism to use
 * @param starttls upgrade the connection with STARTTLS
 * @param caFile the CA certificates to verify servers against
 */
public record Switches(
    String allowPrivate,
    String insecure,
    String allowPlaintextAuth,
    String longerTimeout,
    String resolver,
    String selector,
    String listsFile,
    String noSmtp,
    String implicitTls,
    String bulkSenderProfile,
    String server,
    String authMechanism,
    String starttls,
    String caFile) {
  public Switches {
    Objects.requireNonNull(allowPrivate);
    Objects.requireNonNull(insecure);
    Objects.requireNonNull(allowPlaintextAuth);
    Objects.requireNonNull(longerTimeout);
    Objects.requireNonNull(resolver);
    Objects.requireNonNull(selector);
    Objects.requireNonNull(listsFile);
    Objects.requireNonNull(noSmtp);
    Objects.requireNonNull(implicitTls);
    Objects.requireNonNull(bulkSenderProfile);
    Objects.requireNonNull(server);
    Objects.requireNonNull(authMechanism);
    Objects.requireNonNull(starttls);
    Objects.requireNonNull(caFile);
  }

  /** For callers without a command line: what each switch does, in words. */
  public static final Switches WORDS =
      new Switches(
          "the allow-private setting",
          "the insecure setting",
          "the allow-plaintext-auth setting",
          "a longer timeout",
          "the resolver setting",
          "the selector setting",
          "the lists-file setting",
          "the no-SMTP setting",
          "the implicit-TLS setting",
          "the bulk-sender profile",
          "the server setting",
          "the AUTH mechanism setting",
          "the STARTTLS setting",
          "the CA file setting");
}
