package dev.mailcheck.checks.dkim;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the octets that end a run of plain text in a body or message, eight octets at a time: each
 * word is compared with the wanted values all at once (exact per-octet equality, no false
 * positives), so the loops that copy text as blocks spend about one operation per octet finding
 * where a block ends instead of a compare and a branch each. The hot loops of verifying a large
 * body.
 */
final class OctetScan {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  private static final long ONES = 0x0101010101010101L;
  private static final long CRS = '\r' * ONES;
  private static final long LFS = '\n' * ONES;
  private static final long SPS = ' ' * ONES;
  private static final long TABS = '\t' * ONES;
  private static final long TOP = 0x8000000000000000L;

  private OctetScan() {}

  /** 0x80 in each octet of {@code w} equal to the octet repeated in {@code k}, 0 elsewhere. */
  static long equal(long w, long k) {
    long t = w ^ k;
    return ~(((t & LOW7) + LOW7) | t | LOW7);
  }

  /** The index of the first CR in {@code b[i, end)}, or {@code end}. */
  static int cr(byte[] b, int i, int end) {
    for (; i + 8 <= end; i += 8) {
      long m = equal((long) LONGS.get(b, i), CRS);
      if (m != 0) return i + (Long.numberOfTrailingZeros(m) >>> 3);
    }
    for (; i < end; i++) if (b[i] == '\r') return i;
    return end;
  }

  /** The index of the first CR or LF in {@code b[i, end)}, or {@code end}. */
  static int crOrLf(byte[] b, int i, int end) {
    for (; i + 16 <= end; i += 16) {
      long w1 = (long) LONGS.get(b, i);
      long w2 = (long) LONGS.get(b, i + 8);
      long m1 = equal(w1, CRS) | equal(w1, LFS);
      long m2 = equal(w2, CRS) | equal(w2, LFS);
      if ((m1 | m2) != 0) {
        return m1 != 0
            ? i + (Long.numberOfTrailingZeros(m1) >>> 3)
            : i + 8 + (Long.numberOfTrailingZeros(m2) >>> 3);
      }
    }
    for (; i + 8 <= end; i += 8) {
      long w = (long) LONGS.get(b, i);
      long m = equal(w, CRS) | equal(w, LFS);
      if (m != 0) return i + (Long.numberOfTrailingZeros(m) >>> 3);
    }
    for (; i < end; i++) if (b[i] == '\r' || b[i] == '\n') return i;
    return end;
  }

  /**
   * Copies octets of {@code b[i, end)} to {@code o} from {@code n} up to the first one {@link
   * #crOrLf} would find, or until {@code o} is full; returns how many were copied. Copies a word at
   * a time while it scans, so it may write up to 7 octets past the ones it reports copied (never
   * past {@code o}'s end): the caller overwrites them.
   */
  static int copyToCrOrLf(byte[] b, int i, int end, byte[] o, int n) {
    int start = i;
    for (; i + 8 <= end && n + 8 <= o.length; i += 8, n += 8) {
      long w = (long) LONGS.get(b, i);
      LONGS.set(o, n, w);
      long m = equal(w, CRS) | equal(w, LFS);
      if (m != 0) return i + (Long.numberOfTrailingZeros(m) >>> 3) - start;
    }
    for (; i < end && n < o.length; i++, n++) {
      byte c = b[i];
      if (c == '\r' || c == '\n') break;
      o[n] = c;
    }
    return i - start;
  }

  /**
   * Copies octets of {@code b[i, end)} to {@code o} from {@code n} up to the first one {@link
   * #relaxedBreak} would find, or until {@code o} is full; returns how many were copied. Like
   * {@link #copyToCrOrLf}, it may write up to 7 octets past the ones it reports.
   */
  static int copyToRelaxedBreak(byte[] b, int i, int end, byte[] o, int n) {
    int start = i;
    for (; i + 8 <= end && n + 8 <= o.length; i += 8, n += 8) {
      long w = (long) LONGS.get(b, i);
      LONGS.set(o, n, w);
      long m = relaxedBreaks(w, b, i + 8, end);
      if (m != 0) return i + (Long.numberOfTrailingZeros(m) >>> 3) - start;
    }
    int k = relaxedBreak(b, i, Math.min(end, i + (o.length - n)));
    System.arraycopy(b, i, o, n, k - i);
    return k - start;
  }

  /**
   * The break octets of word {@code w} (0x80 in each): CR, HTAB, and SP followed by SP, HTAB or CR.
   * For an SP in the word's last octet the following octet is {@code b[next]}; at {@code end} it is
   * unknown, and the SP counts.
   */
  private static long relaxedBreaks(long w, byte[] b, int next, int end) {
    long sp = equal(w, SPS);
    long tab = equal(w, TABS);
    long cr = equal(w, CRS);
    long m = tab | cr | (sp & ((sp | tab | cr) >>> 8));
    if ((sp & TOP) != 0) {
      if (next >= end) return m | TOP;
      byte c = b[next];
      if (c == ' ' || c == '\t' || c == '\r') m |= TOP;
    }
    return m;
  }

  /**
   * The index of the first octet in {@code b[i, end)} that relaxed canonicalization (RFC 6376
   * §3.4.4) may change or that ends a line: CR, HTAB, or an SP that is followed by SP, HTAB or CR.
   * An SP in the last octet of the range counts too (what follows it is not known), so the answer
   * may come early, never late.
   */
  static int relaxedBreak(byte[] b, int i, int end) {
    for (; i + 8 <= end; i += 8) {
      long m = relaxedBreaks((long) LONGS.get(b, i), b, i + 8, end);
      if (m != 0) return i + (Long.numberOfTrailingZeros(m) >>> 3);
    }
    for (; i < end; i++) {
      byte c = b[i];
      if (c == '\r' || c == '\t') return i;
      if (c == ' ' && (i + 1 == end || b[i + 1] == ' ' || b[i + 1] == '\t' || b[i + 1] == '\r')) {
        return i;
      }
    }
    return end;
  }
}
