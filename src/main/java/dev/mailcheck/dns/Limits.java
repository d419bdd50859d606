package dev.mailcheck.dns;

/** Every size and count cap of the DNS layer in one place (docs/dns.md). */
public final class Limits {
  private Limits() {}

  /** CNAME records followed for one question. */
  public static final int CNAME_HOPS = 8;

  /**
   * The EDNS(0) UDP payload size offered (the DNS flag day 2020 value); larger answers come over
   * TCP.
   */
  public static final int EDNS_PAYLOAD = 1232;

  /** A --dns-replay file larger than this is refused rather than read into memory. */
  public static final long REPLAY_FILE_BYTES = 64L * 1024 * 1024;

  /** Zone levels a DNSSEC chain of trust or insecure proof walks from the anchor down. */
  public static final int DNSSEC_PROOF_LEVELS = 12;

  /** Questions the run-wide cache of a many-domain run keeps (least recently used dropped). */
  public static final int SHARED_CACHE_QUESTIONS = 20_000;
}
