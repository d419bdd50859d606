package dev.mailcheck.checks.dkim;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every body hash ({@code bh=}, RFC 6376 §3.7) a message's signatures need, computed in one pass
 * over the body: one {@link BodyCanonicalizer} per canonicalization, feeding one digest per
 * distinct (canonicalization, hash, {@code l=}). Nothing of the body is kept, so memory does not
 * grow with the message.
 */
public final class BodyHashes implements BodySink {
  /**
   * What one signature needs.
   *
   * @param limit {@code l=}, or {@link Long#MAX_VALUE} when the whole body is signed
   */
  public record Request(Canonicalization canon, String digestName, long limit) {}

  /**
   * @param hash the digest of the first {@code limit} canonical octets
   * @param canonicalLength the length of the whole canonical body, to check {@code l=} against
   */
  public record Result(byte[] hash, long canonicalLength) {}

  private final Map<Request, LimitedDigest> digests = new LinkedHashMap<>();
  private final Map<Canonicalization, BodyCanonicalizer> canonicalizers =
      new EnumMap<>(Canonicalization.class);

  public BodyHashes(Collection<Request> requests) {
    Map<Canonicalization, List<LimitedDigest>> byCanon = new EnumMap<>(Canonicalization.class);
    for (Request r : requests) {
      if (digests.containsKey(r)) continue;
      LimitedDigest d = new LimitedDigest(digest(r.digestName()), r.limit());
      digests.put(r, d);
      byCanon.computeIfAbsent(r.canon(), c -> new ArrayList<>()).add(d);
    }
    byCanon.forEach(
        (canon, sinks) ->
            canonicalizers.put(
                canon,
                new BodyCanonicalizer(
                    canon,
                    (b, off, len) -> {
                      for (LimitedDigest d : sinks) d.write(b, off, len);
                    })));
  }

  /** Body octets, CRLF line ends, in order. */
  @Override
  public void update(byte[] b, int off, int len) {
    for (BodyCanonicalizer c : canonicalizers.values()) c.update(b, off, len);
  }

  /** Ends the body; the result for every request. */
  public Map<Request, Result> finish() {
    canonicalizers.values().forEach(BodyCanonicalizer::finish);
    Map<Request, Result> out = new LinkedHashMap<>();
    digests.forEach((r, d) -> out.put(r, new Result(d.md.digest(), d.total)));
    return out;
  }

  /**
   * A fresh digest: a copy of one made once per algorithm (the provider lookup of {@code
   * getInstance} costs more than hashing a small body), or from {@code getInstance} when the
   * provider's digests cannot be copied.
   */
  private static MessageDigest digest(String name) {
    MessageDigest prototype = PROTOTYPES.computeIfAbsent(name, BodyHashes::newDigest);
    try {
      return (MessageDigest) prototype.clone();
    } catch (CloneNotSupportedException e) {
      return newDigest(name);
    }
  }

  private static final Map<String, MessageDigest> PROTOTYPES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static MessageDigest newDigest(String name) {
    try {
      return MessageDigest.getInstance(name);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK lacks " + name, e);
    }
  }

  /** Hashes the first {@code limit} octets written and counts them all. */
  private static final class LimitedDigest implements BodyCanonicalizer.Sink {
    final MessageDigest md;
    final long limit;
    long total;

    LimitedDigest(MessageDigest md, long limit) {
      this.md = md;
      this.limit = limit;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (total < limit) md.update(b, off, (int) Math.min(len, limit - total));
      total += len;
    }
  }
}
