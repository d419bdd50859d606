package dev.mailcheck.checks.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The word-at-a-time scans against octet-by-octet loops, on random ranges of random arrays over the
 * octets that matter (and their neighbours in value, and octets above 0x7F, where a borrow or a
 * sign would show).
 */
class OctetScanTest {
  private static final byte[] ALPHABET = {
    '\r',
    '\n',
    ' ',
    '\t',
    'a',
    0x0c,
    0x0e,
    0x08,
    0x0a + 0x80 - 256,
    0x0d + 0x80 - 256,
    (byte) 0xa0,
    (byte) 0x89,
    (byte) 0xff,
    0,
    0x21,
    0x1f
  };

  @Test
  void scansAgreeWithOctetLoops() {
    Random r = new Random(8);
    for (int n = 0; n < 200_000; n++) {
      byte[] b = new byte[r.nextInt(40)];
      boolean sparse = r.nextBoolean();
      for (int i = 0; i < b.length; i++) {
        b[i] = sparse && r.nextInt(6) > 0 ? (byte) 'x' : ALPHABET[r.nextInt(ALPHABET.length)];
      }
      int from = b.length == 0 ? 0 : r.nextInt(b.length + 1);
      int to = from + r.nextInt(b.length - from + 1);
      assertThat(OctetScan.cr(b, from, to)).isEqualTo(first(b, from, to, false));
      assertThat(OctetScan.crOrLf(b, from, to)).isEqualTo(first(b, from, to, true));
      int brk = OctetScan.relaxedBreak(b, from, to);
      int exact = relaxedBreak(b, from, to);
      // exact (an SP in the last octet of the range counts: what follows it is not known)
      assertThat(brk).isEqualTo(exact);
      for (int i = from; i < brk; i++) assertThat(b[i]).isNotIn((byte) '\r', (byte) '\t');
      // the copying scans: the same stops, or earlier when the output is full; the octets copied
      byte[] o = new byte[r.nextInt(48)];
      int at = o.length == 0 ? 0 : r.nextInt(o.length + 1);
      int room = o.length - at;
      int copied = OctetScan.copyToCrOrLf(b, from, to, o, at);
      assertThat(copied).isEqualTo(Math.min(first(b, from, to, true) - from, room));
      assertThat(java.util.Arrays.copyOfRange(o, at, at + copied))
          .isEqualTo(java.util.Arrays.copyOfRange(b, from, from + copied));
      copied = OctetScan.copyToRelaxedBreak(b, from, to, o, at);
      assertThat(copied).isLessThanOrEqualTo(Math.min(exact - from, room));
      if (copied < room && copied < exact - from)
        assertThat(b[from + copied]).isEqualTo((byte) ' ');
      assertThat(java.util.Arrays.copyOfRange(o, at, at + copied))
          .isEqualTo(java.util.Arrays.copyOfRange(b, from, from + copied));
    }
  }

  @Test
  void equalMarksExactlyTheEqualOctets() {
    Random r = new Random(64);
    for (int n = 0; n < 100_000; n++) {
      long w = r.nextLong();
      int k = r.nextInt(256);
      if (r.nextBoolean())
        w = (w & ~(0xffL << (8 * r.nextInt(8)))) | ((long) k << (8 * r.nextInt(8)));
      long m = OctetScan.equal(w, k * 0x0101010101010101L);
      for (int i = 0; i < 8; i++) {
        boolean same = ((w >>> (8 * i)) & 0xff) == k;
        assertThat((m >>> (8 * i)) & 0xff).isEqualTo(same ? 0x80L : 0L);
      }
    }
  }

  private static int first(byte[] b, int from, int to, boolean lf) {
    for (int i = from; i < to; i++) if (b[i] == '\r' || (lf && b[i] == '\n')) return i;
    return to;
  }

  /** The exact answer: CR, HTAB, or SP followed by SP, HTAB or CR (or by the end of the range). */
  private static int relaxedBreak(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\r' || b[i] == '\t') return i;
      if (b[i] == ' ' && (i + 1 == to || b[i + 1] == ' ' || b[i + 1] == '\t' || b[i + 1] == '\r'))
        return i;
    }
    return to;
  }
}
