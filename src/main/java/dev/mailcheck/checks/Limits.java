package dev.mailcheck.checks;

/**
 * Every size and count cap of the checks in one place (docs/testing.md, "Limits, proven by tests"):
 * how much of a hostile record, zone, message, report or configuration a check reads, follows or
 * reports. The protocol layers keep theirs in {@code dns/Limits}, {@code smtp/Limits} and {@code
 * https/Limits}. A cap reached is reported or counted, never a crash.
 */
public final class Limits {
  private Limits() {}

  // --- tag lists (DKIM, DMARC, TLS-RPT, BIMI records) ---

  /** Problems kept per tag list, so hostile input cannot make a huge report. */
  public static final int TAG_LIST_PROBLEMS = 20;

  // --- SPF ---

  /** Problems kept per SPF record. */
  public static final int SPF_PROBLEMS = 20;

  /** DNS-querying terms an SPF audit follows at most, over the whole include tree. */
  public static final int SPF_AUDIT_TERMS = 100;

  // --- DMARC ---

  /** dmarc.syntax findings per record; a hostile record may have hundreds of errors. */
  public static final int DMARC_SYNTAX_FINDINGS = 10;

  /** External report destinations checked per record; a hostile record may list hundreds. */
  public static final int DMARC_REPORT_DESTINATIONS = 10;

  // --- DKIM ---

  /** RFC 1035 §3.3.14: one character-string of a key record holds at most 255 octets. */
  public static final int DKIM_KEY_STRING_BYTES = 255;

  /**
   * Signatures past this many are reported as neutral without DNS or crypto work, so that a hostile
   * message cannot make thousands of key lookups (RFC 6376 §6.1 lets verifiers limit).
   */
  public static final int DKIM_SIGNATURES = 20;

  /**
   * Parsed DKIM key records a run keeps ({@code DkimKey.cached}, by record text); past this many
   * distinct records the cache starts over.
   */
  public static final int DKIM_PARSED_KEYS = 256;

  // --- messages (dkim verify, message, DSNs) ---

  /**
   * Header sections larger than this are refused. Postfix's default limit is 100 KB; this leaves
   * room for hundreds of signatures while keeping a hostile header from filling the heap.
   */
  public static final int MESSAGE_HEADER_BYTES = 1024 * 1024;

  /**
   * Received fields analysed; a message with more is reported as truncated (hop loop or attack).
   */
  public static final int RECEIVED_FIELDS = 100;

  /** Authentication-Results fields read. */
  public static final int AUTH_RESULTS_FIELDS = 20;

  /** Results read from one Authentication-Results field. */
  public static final int AUTH_RESULTS_PER_FIELD = 50;

  /** Recipients read from one delivery status notification. */
  public static final int DSN_RECIPIENTS = 100;

  /** RFC 5322 §2.1.1: body lines longer than this many octets (CRLF excluded) are counted. */
  public static final int BODY_LINE = 998;

  /** Nested multiparts followed in a message body, so a DSN wrapped by a gateway is found. */
  public static final int BODY_MULTIPART_NESTING = 8;

  /** Messages read from one mbox. */
  public static final int MBOX_MESSAGES = 10_000;

  /** RFC 8617 §4.2.1: at most 50 ARC instances; beyond that the chain is failed. */
  public static final int ARC_INSTANCES = 50;

  // --- MX, PTR and the hosts a domain report probes ---

  /** More exchanges than any sane domain publishes; the rest are ignored (hostile zones). */
  public static final int MX_EXCHANGES = 32;

  /** PTR names followed per address; a hostile zone may publish hundreds. */
  public static final int PTR_NAMES = 10;

  /**
   * Exchanges (lowest preference first) whose addresses get PTR lookups and SMTP probes in a domain
   * report; a hostile zone may list dozens.
   */
  public static final int DOMAIN_PROBED_EXCHANGES = 10;

  /** Addresses per exchange that get PTR lookups and SMTP probes in a domain report. */
  public static final int DOMAIN_PROBED_ADDRESSES = 4;

  /** Exchanges probed by the MTA-STS report (as the domain report does). */
  public static final int MTA_STS_PROBED_EXCHANGES = 10;

  /** Addresses per exchange probed by the MTA-STS report. */
  public static final int MTA_STS_PROBED_ADDRESSES = 4;

  /** MX hosts whose TLSA records DANE checks, lowest preference first. */
  public static final int DANE_HOSTS = 10;

  /** Addresses per host DANE probes. */
  public static final int DANE_ADDRESSES_PER_HOST = 4;

  /** MX hosts DNSSEC validates, lowest preference first (a hostile zone may list dozens). */
  public static final int DNSSEC_HOSTS = 10;

  // --- MTA-STS and BIMI over HTTPS ---

  /** RFC 8461 §3.3: senders may limit the policy size; 64 KiB is the usual cap. */
  public static final int MTA_STS_POLICY_BYTES = 64 * 1024;

  /** The logo fetch; BIMI asks for at most 32 KB, the excess is reported. */
  public static final int BIMI_LOGO_BYTES = 64 * 1024;

  /** The evidence (VMC) fetch: a certificate chain with its embedded logo is a few tens of KB. */
  public static final int BIMI_EVIDENCE_BYTES = 256 * 1024;

  /** Certificates read from one evidence document. */
  public static final int BIMI_EVIDENCE_CERTIFICATES = 10;

  /**
   * The logo embedded in a VMC as a data: URI, once decompressed (the fetched logo has {@link
   * #BIMI_LOGO_BYTES}).
   */
  public static final int BIMI_EMBEDDED_LOGO_BYTES = 1024 * 1024;

  /** Elements of one SVG logo. */
  public static final int SVG_ELEMENTS = 10_000;

  /** Element nesting of one SVG logo. */
  public static final int SVG_DEPTH = 64;

  // --- blocklists ---

  /** A lists file larger than this is not a lists file. */
  public static final int BLOCKLIST_CATALOG_BYTES = 1 << 20;

  /** Blocklist queries outstanding at once, so a /24 against every list does not flood. */
  public static final int BLOCKLIST_QUERIES_IN_FLIGHT = 64;

  // --- DMARC aggregate reports ---

  /** Containers inside containers (a zip in a gzip in a mail) followed at most this deep. */
  public static final int REPORT_CONTAINER_NESTING = 4;

  /** Multipart nesting followed in a report mail; deeper parts are skipped. */
  public static final int REPORT_MIME_DEPTH = 8;

  /** Header fields read per MIME part of a report mail; later ones are ignored. */
  public static final int REPORT_MIME_HEADER_FIELDS = 1000;

  /** Characters of one unfolded MIME header field: continuation lines past this are dropped. */
  public static final int REPORT_MIME_HEADER_CHARS = 8192;

  /** One line of a report mail or mbox, in bytes; a longer line comes back in pieces. */
  public static final int REPORT_LINE = 1 << 20;

  /** Characters kept of one XML element's text (a value is a few dozen at most). */
  public static final int REPORT_ELEMENT_TEXT = 2048;

  /** Problems listed per report; the rest are counted. */
  public static final int REPORT_PROBLEMS = 10;

  /**
   * Entries kept per record of a report: policy override reasons, DKIM and SPF auth results each.
   */
  public static final int REPORT_RECORD_ENTRIES = 8;

  /** Keys kept per map of one source (DKIM signatures, SPF domains...). */
  public static final int REPORT_KEYS_PER_SOURCE = 16;

  /** Unaligned sources given a finding each; the rest share one. */
  public static final int REPORT_UNALIGNED_FINDINGS = 20;

  /** Input notes given a finding each. */
  public static final int REPORT_INPUT_FINDINGS = 50;

  // --- Postfix log and configuration ---

  /** Postfix log lines are at most a few kilobytes (line_length_limit is 2048 by default). */
  public static final int POSTFIX_LOG_LINE = 16 * 1024;

  /** One main.cf or master.cf file. */
  public static final long POSTFIX_CONFIG_FILE_BYTES = 10L * 1024 * 1024;

  /** Problems listed per main.cf. */
  public static final int POSTFIX_MAIN_CF_PROBLEMS = 50;

  /** Nested $name references expanded in one parameter value. */
  public static final int POSTFIX_EXPANSION_DEPTH = 30;

  /** Characters of one expanded parameter value. */
  public static final int POSTFIX_EXPANSION_LENGTH = 64 * 1024;

  /** One certificate or key file named by the configuration. */
  public static final long POSTFIX_CERTIFICATE_FILE_BYTES = 1024 * 1024;

  /** Lookup tables of mynetworks read. */
  public static final int POSTFIX_NETWORK_TABLES = 16;

  /** One mynetworks table source file. */
  public static final long POSTFIX_NETWORK_TABLE_BYTES = 1024 * 1024;

  /** Addresses of myhostname whose PTR lookups are checked. */
  public static final int POSTFIX_HOSTNAME_ADDRESSES = 4;
}
