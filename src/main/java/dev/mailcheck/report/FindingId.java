package dev.mailcheck.report;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The catalog of finding ids: every id a check may emit, with its report category and a short
 * title. docs/checks.md lists the same ids (a test holds the two together in both directions);
 * scoring is keyed by these constants. Ids are never renamed or reused: a new meaning is a new
 * constant.
 */
public enum FindingId {
  MX_PRESENT("mx.present", Category.MX, "The domain has somewhere to deliver mail"),
  MX_NULL("mx.null", Category.MX, "RFC 7505 null MX (MX 0 .)"),
  MX_IMPLICIT("mx.implicit", Category.MX, "No MX records"),
  MX_CNAME(
      "mx.cname",
      Category.MX,
      "An MX target is a CNAME (RFC 2181 §10.3, RFC 5321 §5.1 require the canonical name)"),
  MX_IP_LITERAL(
      "mx.ip-literal",
      Category.MX,
      "An MX target is written as an IP address instead of a host name"),
  MX_RESOLVABLE("mx.resolvable", Category.MX, "Every MX target resolves to an address"),
  MX_PRIVATE_ADDRESS(
      "mx.private-address",
      Category.MX,
      "MX addresses in special-purpose (private, loopback, reserved) ranges"),
  MX_DUPLICATE("mx.duplicate", Category.MX, "The same MX target is listed more than once"),
  MX_SAME_PREFERENCE("mx.same-preference", Category.MX, "All MX targets share one preference"),
  PTR_PRESENT("ptr.present", Category.PTR, "The address has a PTR record"),
  PTR_FCRDNS("ptr.fcrdns", Category.PTR, "Forward-confirmed reverse DNS"),
  PTR_GENERIC("ptr.generic", Category.PTR, "PTR name looks like an ISP pool name"),
  PTR_MULTIPLE("ptr.multiple", Category.PTR, "The address has several PTR names"),
  PTR_MATCHES_BANNER("ptr.matches-banner", Category.PTR, "PTR name matches the SMTP greeting"),
  PTR_MATCHES_MX("ptr.matches-mx", Category.PTR, "PTR name matches the MX name"),
  SMTP_CONNECT("smtp.connect", Category.SMTP, "The TCP connection"),
  SMTP_BANNER("smtp.banner", Category.SMTP, "The 220 greeting (RFC 5321 §4.3.1)"),
  SMTP_EHLO("smtp.ehlo", Category.SMTP, "The EHLO reply and its extensions (before and after TLS)"),
  SMTP_STARTTLS("smtp.starttls", Category.SMTP, "STARTTLS (RFC 3207) on 25/587"),
  SMTP_TLS("smtp.tls", Category.SMTP, "The implicit TLS handshake (RFC 8314, port 465 / --tls)"),
  SMTP_TLS_VERSION("smtp.tls-version", Category.SMTP, "The negotiated protocol"),
  SMTP_TLS_LEGACY(
      "smtp.tls-legacy", Category.SMTP, "A separate connection offering only TLS 1.0 and 1.1"),
  SMTP_CERTIFICATE("smtp.certificate", Category.SMTP, "Certificate chain validates (PKIX)"),
  SMTP_CERTIFICATE_NAME(
      "smtp.certificate-name", Category.SMTP, "Certificate names the probed host (RFC 6125)"),
  SMTP_CERTIFICATE_KEY(
      "smtp.certificate-key",
      Category.SMTP,
      "Key sizes and signatures of the chain the server sent"),
  SMTP_CERTIFICATE_EXPIRY(
      "smtp.certificate-expiry", Category.SMTP, "Days until the leaf's notAfter"),
  SMTP_PLAINTEXT_AUTH("smtp.plaintext-auth", Category.SMTP, "AUTH advertised before TLS"),
  SMTP_AUTH("smtp.auth", Category.SMTP, "The AUTH attempt (RFC 4954) with --user, or its absence"),
  SMTP_AUTH_OBSOLETE("smtp.auth-obsolete", Category.SMTP, "Obsolete AUTH mechanisms advertised"),
  SMTP_OPEN_RELAY("smtp.open-relay", Category.SMTP, "Relaying refused to strangers (--relay-test)"),
  SMTP_SIZE("smtp.size", Category.SMTP, "The RFC 1870 SIZE limit of the last EHLO"),
  SMTP_SESSION(
      "smtp.session", Category.SMTP, "The connection broke off during AUTH or the relay test"),
  SMTP_PORTS("smtp.ports", Category.SMTP, "Mail port state (ports, smtp --all-ports)"),
  // smtp --rcpt and send (issue 14)
  SMTP_RCPT("smtp.rcpt", Category.SMTP, "The recipient check (smtp --rcpt): RCPT TO, never DATA"),
  SEND_CONNECT("send.connect", Category.SEND, "Reaching the server: connect, greeting, EHLO, TLS"),
  SEND_AUTH("send.auth", Category.SEND, "The AUTH of the sending session (--user)"),
  SEND_MAIL_FROM("send.mail-from", Category.SEND, "MAIL FROM and its parameters"),
  SEND_RCPT("send.rcpt", Category.SEND, "RCPT TO, one per recipient"),
  SEND_DATA("send.data", Category.SEND, "DATA (or BDAT) and the message"),
  SEND_DELIVERED("send.delivered", Category.SEND, "The outcome: accepted for delivery or not"),
  SPF_PRESENT("spf.present", Category.SPF, "SPF record published"),
  SPF_MULTIPLE("spf.multiple", Category.SPF, "More than one SPF record at one name"),
  SPF_SYNTAX("spf.syntax", Category.SPF, "The record parses by the RFC 7208 ABNF"),
  SPF_LOOKUPS("spf.lookups", Category.SPF, "DNS-querying terms within the limit of 10"),
  SPF_VOID_LOOKUPS("spf.void-lookups", Category.SPF, "Void lookups within the limit of 2"),
  SPF_ALL("spf.all", Category.SPF, "The all mechanism that ends evaluation"),
  SPF_PTR("spf.ptr", Category.SPF, "A ptr mechanism or %{p} macro anywhere in the tree"),
  SPF_INCLUDE_MISSING("spf.include-missing", Category.SPF, "include: names a domain without SPF"),
  SPF_REDIRECT("spf.redirect", Category.SPF, "A redirect= modifier"),
  SPF_LOOP(
      "spf.loop",
      Category.SPF,
      "An include or redirect that leads back to a record already on its path"),
  SPF_MX_NAMES("spf.mx-names", Category.SPF, "An mx term whose domain has more than 10 MX names"),
  SPF_DNS("spf.dns", Category.SPF, "A lookup in the tree failed temporarily (SERVFAIL, timeout)"),
  SPF_AFTER_ALL("spf.after-all", Category.SPF, "Mechanisms after all in the domain's record"),
  SPF_TYPE99("spf.type99", Category.SPF, "An obsolete SPF (type 99) record is published"),
  SPF_TXT_STRINGS("spf.txt-strings", Category.SPF, "SPF TXT record split into several strings"),
  SPF_SIZE("spf.size", Category.SPF, "TXT answer size at the domain"),
  SPF_RESULT("spf.result", Category.SPF, "Result of check_host() for the given address and sender"),
  DKIM_SELECTOR("dkim.selector", Category.DKIM, "DKIM key found for a selector"),
  DKIM_DOMAINKEY(
      "dkim.domainkey", Category.DKIM, "_domainkey answers NXDOMAIN although keys exist below it"),
  DKIM_KEY_SYNTAX("dkim.key-syntax", Category.DKIM, "DKIM key record parses"),
  DKIM_KEY_STRENGTH("dkim.key-strength", Category.DKIM, "DKIM key size"),
  DKIM_KEY_REVOKED("dkim.key-revoked", Category.DKIM, "DKIM key revoked (empty p=)"),
  DKIM_TESTING("dkim.testing", Category.DKIM, "DKIM key in testing mode (t=y)"),
  DKIM_SIGNATURE("dkim.signature", Category.DKIM, "DKIM-Signature verifies"),
  DKIM_RSA_SHA1("dkim.rsa-sha1", Category.DKIM, "rsa-sha1 signature or key"),
  DKIM_BODY_LENGTH(
      "dkim.body-length", Category.DKIM, "Signature covers only part of the body (l=)"),
  DKIM_UNSIGNED("dkim.unsigned", Category.DKIM, "Message carries no DKIM signature"),
  DKIM_LINE_ENDINGS("dkim.line-endings", Category.DKIM, "Message uses bare LF line endings"),
  DMARC_PRESENT("dmarc.present", Category.DMARC, "A DMARC record applies to the domain"),
  DMARC_MULTIPLE("dmarc.multiple", Category.DMARC, "Several v=DMARC1 records at one _dmarc name"),
  DMARC_SYNTAX("dmarc.syntax", Category.DMARC, "The record parses"),
  DMARC_POLICY("dmarc.policy", Category.DMARC, "The DMARC policy applied to the domain"),
  DMARC_TESTING("dmarc.testing", Category.DMARC, "The policy is only partly applied"),
  DMARC_SUBDOMAIN_POLICY(
      "dmarc.subdomain-policy", Category.DMARC, "sp= weaker than p=, or np= weaker than sp=/p="),
  DMARC_REMOVED_TAGS("dmarc.removed-tags", Category.DMARC, "pct, rf or ri present"),
  DMARC_UNKNOWN_TAGS(
      "dmarc.unknown-tags", Category.DMARC, "Tags neither RFC defines; ignored (often a typo)"),
  DMARC_TAG_ORDER("dmarc.tag-order", Category.DMARC, "p= right after v="),
  DMARC_RUA("dmarc.rua", Category.DMARC, "Aggregate reporting"),
  DMARC_RUA_AUTHORIZED(
      "dmarc.rua-authorized", Category.DMARC, "External report destination authorizes the reports"),
  DMARC_ALIGNMENT(
      "dmarc.alignment",
      Category.DMARC,
      "Strict alignment (adkim=s or aspf=s) and what it means for subdomain senders"),
  DMARC_PSD(
      "dmarc.psd", Category.DMARC, "The domain's own record says it is a public suffix (psd=y)"),
  DMARC_DISCOVERY("dmarc.discovery", Category.DMARC, "RFC 9989 and RFC 7489 discovery agree"),
  DMARC_OTHER_RECORDS("dmarc.other-records", Category.DMARC, "Non-DMARC TXT records at _dmarc"),
  BLOCKLIST_LISTED("blocklist.listed", Category.BLOCKLIST, "Listed on a DNS blocklist"),
  BLOCKLIST_POLICY(
      "blocklist.policy",
      Category.BLOCKLIST,
      "Policy listing (Spamhaus PBL): not for direct-to-MX delivery, not spam"),
  BLOCKLIST_ERROR(
      "blocklist.error",
      Category.BLOCKLIST,
      "A list refused the query or could not answer: neither listed nor not listed"),
  BLOCKLIST_SKIPPED(
      "blocklist.skipped", Category.BLOCKLIST, "A special-purpose address was not looked up"),
  DMARC_REPORT_UNALIGNED_SOURCE(
      "dmarc-report.unaligned-source",
      Category.DMARC_REPORT,
      "A source that authenticates, but not aligned with the From domain"),
  DMARC_REPORT_SPOOFING(
      "dmarc-report.spoofing",
      Category.DMARC_REPORT,
      "Sources that fail every authentication: likely spoofing"),
  DMARC_REPORT_FORWARDED(
      "dmarc-report.forwarded",
      Category.DMARC_REPORT,
      "Forwarded or mailing-list mail that failed DMARC"),
  DMARC_REPORT_POLICY_READINESS(
      "dmarc-report.policy-readiness",
      Category.DMARC_REPORT,
      "Whether the domain is ready for a stricter policy (share of aligned mail)"),
  DMARC_REPORT_SKIPPED(
      "dmarc-report.skipped",
      Category.DMARC_REPORT,
      "An input that is not a readable aggregate report"),
  DMARC_REPORT_MALFORMED(
      "dmarc-report.malformed",
      Category.DMARC_REPORT,
      "A report read only in part (broken XML, bad values)"),
  DMARC_REPORT_DUPLICATE(
      "dmarc-report.duplicate",
      Category.DMARC_REPORT,
      "The same report (reporter and report id) seen more than once, counted once"),
  DOMAIN_PORT25_BLOCKED(
      "domain.port25-blocked", Category.SMTP, "Outbound port 25 blocked where mailcheck runs"),
  DOMAIN_TRUNCATED("domain.truncated", Category.MX, "Not every MX address was checked"),
  DOMAIN_NULL_MX_SPF(
      "domain.null-mx-spf", Category.MX, "Null MX and SPF agree that the domain sends no mail"),
  MX_IPV6("mx.ipv6", Category.MX, "Each MX host has an IPv6 address"),
  DNSSEC_DOMAIN(
      "dnssec.domain",
      Category.TRANSPORT,
      "The domain's MX answer validates by DNSSEC from the trust anchor"),
  DNSSEC_MX("dnssec.mx", Category.TRANSPORT, "Each MX host's address answer validates by DNSSEC"),
  DNSSEC_UPSTREAM_AD(
      "dnssec.upstream-ad",
      Category.TRANSPORT,
      "The resolver's AD bit agrees with mailcheck's own validation"),
  DANE_TLSA_PRESENT(
      "dane.tlsa-present", Category.TRANSPORT, "TLSA records at _25._tcp.HOST (RFC 7672 §2.2)"),
  DANE_DNSSEC(
      "dane.dnssec",
      Category.TRANSPORT,
      "The TLSA records and the host's addresses validate as secure (RFC 7672 §2.2)"),
  DANE_USAGE(
      "dane.usage",
      Category.TRANSPORT,
      "TLSA usage, selector and matching type fit SMTP (RFC 7672 §3.1, RFC 7218)"),
  DANE_MATCH(
      "dane.match",
      Category.TRANSPORT,
      "The TLSA records match the certificate chain the server presents (RFC 6698 §2.1)"),
  MTA_STS_RECORD(
      "mta-sts.record",
      Category.TRANSPORT,
      "One valid v=STSv1 TXT record at _mta-sts (RFC 8461 §3.1)"),
  MTA_STS_POLICY(
      "mta-sts.policy",
      Category.TRANSPORT,
      "The policy at https://mta-sts.DOMAIN/.well-known/mta-sts.txt is served and parses"),
  MTA_STS_MODE("mta-sts.mode", Category.TRANSPORT, "The policy mode: enforce, testing or none"),
  MTA_STS_MAX_AGE("mta-sts.max-age", Category.TRANSPORT, "The policy's max_age"),
  MTA_STS_MX_COVERAGE(
      "mta-sts.mx-coverage", Category.TRANSPORT, "Every MX matches an mx: pattern of the policy"),
  MTA_STS_CERTIFICATES(
      "mta-sts.certificates",
      Category.TRANSPORT,
      "Every MX presents a trusted certificate for its name on port 25 (RFC 8461 §4.2)"),
  TLS_RPT_RECORD(
      "tls-rpt.record",
      Category.TRANSPORT,
      "One valid v=TLSRPTv1 TXT record at _smtp._tls (RFC 8460)"),
  CAA_MX("caa.mx", Category.TRANSPORT, "CAA records that apply to each MX name (RFC 8659)"),
  BIMI_RECORD("bimi.record", Category.BIMI, "The BIMI record at SELECTOR._bimi.DOMAIN"),
  BIMI_DMARC(
      "bimi.dmarc", Category.BIMI, "DMARC enforces (p=quarantine or reject, pct=100, sp not none)"),
  BIMI_LOGO(
      "bimi.logo", Category.BIMI, "The l= logo is served over HTTPS as SVG Tiny Portable/Secure"),
  BIMI_CERTIFICATE(
      "bimi.certificate",
      Category.BIMI,
      "The a= evidence document (VMC/CMC): dates, names, logotype hash of the logo"),
  DNS_UNREACHABLE(
      "dns.unreachable", Category.DNS, "A DNS server answered (none did: nothing was checked)"),
  // --- many-domain runs (issue 17) ---
  DOMAIN_ERROR("domain.error", Category.DNS, "The domain could be checked (in a many-domain run)"),
  EXPECT_GRADE("expect.grade", Category.EXPECT, "The grade is at least the expected one"),
  EXPECT_MX("expect.mx", Category.EXPECT, "The MX hosts are exactly the expected ones"),
  EXPECT_SPF("expect.spf", Category.EXPECT, "SPF has the expected includes, addresses and all"),
  EXPECT_DMARC("expect.dmarc", Category.EXPECT, "DMARC has at least the expected policy and rua"),
  EXPECT_DKIM("expect.dkim", Category.EXPECT, "The expected DKIM keys exist and are long enough"),
  EXPECT_MTA_STS("expect.mta-sts", Category.EXPECT, "MTA-STS is in the expected mode"),
  // --- end many-domain runs ---
  POSTFIX_LOG_INPUT("postfix.log.input", Category.POSTFIX, "The log input: lines read and skipped"),
  POSTFIX_LOG_DEFERRED("postfix.log.deferred", Category.POSTFIX, "Deferred deliveries and why"),
  POSTFIX_LOG_BOUNCED("postfix.log.bounced", Category.POSTFIX, "Bounced recipients and why"),
  POSTFIX_LOG_EXPIRED(
      "postfix.log.expired", Category.POSTFIX, "Messages that expired in the queue"),
  POSTFIX_LOG_REJECTED(
      "postfix.log.rejected", Category.POSTFIX, "Rejections by restriction, postscreen and DNSBL"),
  POSTFIX_LOG_SASL_FAILURES(
      "postfix.log.sasl-failures", Category.POSTFIX, "Failed SASL logins per client (brute force)"),
  POSTFIX_LOG_TLS("postfix.log.tls", Category.POSTFIX, "TLS use of inbound and outbound SMTP"),
  POSTFIX_LOG_ERRORS("postfix.log.errors", Category.POSTFIX, "fatal and panic lines"),
  POSTFIX_CONFIG_FILES(
      "postfix.config.files", Category.POSTFIX, "main.cf and master.cf read and parsed"),
  POSTFIX_CONFIG_EXPANSION(
      "postfix.config.expansion", Category.POSTFIX, "$name expansion: loops and undefined names"),
  POSTFIX_CONFIG_RELAY(
      "postfix.config.relay",
      Category.POSTFIX,
      "Relay restrictions end in reject_unauth_destination"),
  POSTFIX_CONFIG_MYNETWORKS(
      "postfix.config.mynetworks", Category.POSTFIX, "mynetworks no wider than needed"),
  POSTFIX_CONFIG_SUBMISSION(
      "postfix.config.submission", Category.POSTFIX, "Submission (587): TLS required, SASL only"),
  POSTFIX_CONFIG_SMTPS("postfix.config.smtps", Category.POSTFIX, "Submissions (465): implicit TLS"),
  POSTFIX_CONFIG_TLS_LEVEL(
      "postfix.config.tls-level", Category.POSTFIX, "smtpd_tls_security_level on port 25"),
  POSTFIX_CONFIG_TLS_PROTOCOLS(
      "postfix.config.tls-protocols",
      Category.POSTFIX,
      "TLS protocols exclude SSLv2/3, TLS 1.0/1.1"),
  POSTFIX_CONFIG_TLS_CIPHERS(
      "postfix.config.tls-ciphers", Category.POSTFIX, "TLS cipher grades exclude export/low"),
  POSTFIX_CONFIG_CERTIFICATE(
      "postfix.config.certificate",
      Category.POSTFIX,
      "Certificate and key files: present, matching, valid, naming myhostname"),
  POSTFIX_CONFIG_TLS_AUTH_ONLY(
      "postfix.config.tls-auth-only", Category.POSTFIX, "AUTH only after STARTTLS"),
  POSTFIX_CONFIG_SASL_ANONYMOUS(
      "postfix.config.sasl-anonymous", Category.POSTFIX, "SASL refuses anonymous mechanisms"),
  POSTFIX_CONFIG_MYHOSTNAME(
      "postfix.config.myhostname", Category.POSTFIX, "myhostname is a fully qualified name"),
  POSTFIX_CONFIG_MYHOSTNAME_DNS(
      "postfix.config.myhostname-dns",
      Category.POSTFIX,
      "myhostname resolves and its addresses reverse to it"),
  POSTFIX_CONFIG_OUTBOUND_TLS(
      "postfix.config.outbound-tls", Category.POSTFIX, "smtp_tls_security_level for outbound mail"),
  POSTFIX_CONFIG_VRFY("postfix.config.vrfy", Category.POSTFIX, "VRFY disabled"),
  POSTFIX_CONFIG_HELO_REQUIRED(
      "postfix.config.helo-required", Category.POSTFIX, "HELO/EHLO required"),
  POSTFIX_CONFIG_MESSAGE_SIZE(
      "postfix.config.message-size", Category.POSTFIX, "message_size_limit"),
  POSTFIX_CONFIG_RATE_LIMITS(
      "postfix.config.rate-limits", Category.POSTFIX, "anvil client rate limits"),
  POSTFIX_CONFIG_DNSBL(
      "postfix.config.dnsbl", Category.POSTFIX, "postscreen or smtpd DNS blocklists"),
  POSTFIX_CONFIG_DKIM("postfix.config.dkim", Category.POSTFIX, "A DKIM signing milter"),
  MESSAGE_VERDICT("message.verdict", Category.MESSAGE, "Would a receiver trust this message"),
  MESSAGE_TRACE(
      "message.trace", Category.MESSAGE, "The Received trace: hops, delays, first external hop"),
  MESSAGE_RECEIVED_UNPARSED(
      "message.received-unparsed", Category.MESSAGE, "A Received field that does not parse"),
  MESSAGE_CLOCK_SKEW(
      "message.clock-skew", Category.MESSAGE, "A hop dated before the one before it"),
  MESSAGE_TLS(
      "message.tls", Category.MESSAGE, "TLS on each hop, above all the one into the receiver"),
  MESSAGE_SPF("message.spf", Category.MESSAGE, "SPF for the connecting address and MAIL FROM"),
  MESSAGE_DMARC("message.dmarc", Category.MESSAGE, "DMARC for the From domain and its disposition"),
  MESSAGE_ARC("message.arc", Category.MESSAGE, "ARC chain validation (RFC 8617)"),
  MESSAGE_AUTH_RESULTS(
      "message.auth-results",
      Category.MESSAGE,
      "A receiver's Authentication-Results compared with mailcheck's verdicts"),
  MESSAGE_HEADER_MISSING(
      "message.header-missing", Category.MESSAGE, "A required header field is missing"),
  MESSAGE_HEADER_DUPLICATE(
      "message.header-duplicate", Category.MESSAGE, "A single-instance header field appears twice"),
  MESSAGE_HEADER_MALFORMED(
      "message.header-malformed", Category.MESSAGE, "From, Date or Message-ID does not parse"),
  MESSAGE_HEADER_8BIT(
      "message.header-8bit", Category.MESSAGE, "8-bit header octets without SMTPUTF8"),
  MESSAGE_BARE_LF("message.bare-lf", Category.MESSAGE, "Bare LF line endings"),
  MESSAGE_LINE_LENGTH("message.line-length", Category.MESSAGE, "Lines longer than 998 octets"),
  MESSAGE_NUL("message.nul", Category.MESSAGE, "NUL octets in the message"),
  MESSAGE_HEADER_END(
      "message.header-end", Category.MESSAGE, "No empty line ends the header section"),
  MESSAGE_MIME("message.mime", Category.MESSAGE, "The MIME structure is broken"),
  MESSAGE_BOUNCE(
      "message.bounce", Category.MESSAGE, "A failed recipient of a delivery status notification"),
  BULK_AUTHENTICATION("bulk.authentication", Category.BULK, "SPF and DKIM both pass"),
  BULK_DMARC("bulk.dmarc", Category.BULK, "A DMARC policy is published (p=none at least)"),
  BULK_ALIGNMENT("bulk.alignment", Category.BULK, "DMARC passes: From aligned with SPF or DKIM"),
  BULK_UNSUBSCRIBE(
      "bulk.unsubscribe", Category.BULK, "One-click unsubscribe (RFC 8058), covered by DKIM"),
  BULK_FORMAT("bulk.format", Category.BULK, "Valid From, Date and Message-ID (RFC 5322)"),
  BULK_PTR("bulk.ptr", Category.BULK, "The sending address has forward-confirmed reverse DNS"),
  BULK_TLS("bulk.tls", Category.BULK, "TLS on the hop into the receiver");

  private static final Map<String, FindingId> BY_ID =
      Stream.of(values()).collect(Collectors.toUnmodifiableMap(FindingId::id, Function.identity()));

  private final String id;
  private final Category category;
  private final String title;

  FindingId(String id, Category category, String title) {
    this.id = id;
    this.category = category;
    this.title = title;
  }

  /** The stable dotted id, e.g. {@code dmarc.policy}. */
  public String id() {
    return id;
  }

  /** The report group its findings appear under. */
  public Category category() {
    return category;
  }

  /** What the check is about, in a few words (the findings' own titles say how it came out). */
  public String title() {
    return title;
  }

  /** The constant for a dotted id, if the catalog has it. */
  public static Optional<FindingId> find(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  /** The constant for a dotted id; an id outside the catalog is a bug. */
  public static FindingId of(String id) {
    return find(id)
        .orElseThrow(() -> new IllegalArgumentException("finding id not in the catalog: " + id));
  }

  @Override
  public String toString() {
    return id;
  }
}
