package dev.mailcheck.internal;

/**
 * Punycode (RFC 3492), the encoding of a U-label into the ASCII part of an A-label after "xn--".
 * Plain encoding without any IDNA mapping: {@link java.net.IDN} always applies the IDNA 2003
 * nameprep mapping (ß to "ss", ς to σ...), which IDNA 2008 does not, so {@link DomainNames} checks
 * and maps labels itself and uses this class for the encoding only.
 */
final class Punycode {
  private static final int BASE = 36;
  private static final int TMIN = 1;
  private static final int TMAX = 26;
  private static final int SKEW = 38;
  private static final int DAMP = 700;
  private static final int INITIAL_BIAS = 72;
  private static final int INITIAL_N = 128;

  private Punycode() {}

  /** "bücher" → "bcher-kva". */
  static String encode(String input) {
    int[] cps = input.codePoints().toArray();
    StringBuilder out = new StringBuilder();
    for (int cp : cps) if (cp < 0x80) out.append((char) cp);
    int basic = out.length();
    int handled = basic;
    if (basic > 0) out.append('-');
    int n = INITIAL_N;
    long delta = 0;
    int bias = INITIAL_BIAS;
    while (handled < cps.length) {
      int m = Integer.MAX_VALUE;
      for (int cp : cps) if (cp >= n && cp < m) m = cp;
      delta += (long) (m - n) * (handled + 1);
      if (delta > Integer.MAX_VALUE) throw new IllegalArgumentException("label too long to encode");
      n = m;
      for (int cp : cps) {
        if (cp < n) delta++;
        if (cp == n) {
          long q = delta;
          for (int k = BASE; ; k += BASE) {
            int t = threshold(k, bias);
            if (q < t) break;
            out.append(digit((int) (t + (q - t) % (BASE - t))));
            q = (q - t) / (BASE - t);
          }
          out.append(digit((int) q));
          bias = adapt(delta, handled + 1, handled == basic);
          delta = 0;
          handled++;
        }
      }
      delta++;
      n++;
    }
    return out.toString();
  }

  /** "bcher-kva" → "bücher"; IllegalArgumentException for anything that is not valid Punycode. */
  static String decode(String input) {
    int b = input.lastIndexOf('-');
    StringBuilder basic = new StringBuilder();
    for (int j = 0; j < Math.max(b, 0); j++) {
      char c = input.charAt(j);
      if (c >= 0x80) throw new IllegalArgumentException("non-ASCII in Punycode");
      basic.append(c);
    }
    java.util.List<Integer> out = new java.util.ArrayList<>(basic.codePoints().boxed().toList());
    int n = INITIAL_N;
    long i = 0;
    int bias = INITIAL_BIAS;
    int in = b > 0 ? b + 1 : 0;
    while (in < input.length()) {
      long oldi = i;
      long w = 1;
      for (int k = BASE; ; k += BASE) {
        if (in >= input.length()) throw new IllegalArgumentException("truncated Punycode");
        int digit = value(input.charAt(in++));
        i += digit * w;
        if (i > Integer.MAX_VALUE) throw new IllegalArgumentException("Punycode overflow");
        int t = threshold(k, bias);
        if (digit < t) break;
        w *= BASE - t;
        if (w > Integer.MAX_VALUE) throw new IllegalArgumentException("Punycode overflow");
      }
      int len = out.size() + 1;
      bias = adapt(i - oldi, len, oldi == 0);
      n += (int) (i / len);
      if (n > Character.MAX_CODE_POINT || (n >= 0xD800 && n <= 0xDFFF)) {
        throw new IllegalArgumentException("Punycode decodes to an invalid code point");
      }
      i %= len;
      out.add((int) i, n);
      i++;
    }
    StringBuilder sb = new StringBuilder();
    out.forEach(sb::appendCodePoint);
    return sb.toString();
  }

  private static int threshold(int k, int bias) {
    return k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
  }

  private static int adapt(long delta, int points, boolean first) {
    delta = first ? delta / DAMP : delta / 2;
    delta += delta / points;
    int k = 0;
    while (delta > ((BASE - TMIN) * TMAX) / 2) {
      delta /= BASE - TMIN;
      k += BASE;
    }
    return (int) (k + (BASE - TMIN + 1) * delta / (delta + SKEW));
  }

  private static char digit(int d) {
    return (char) (d < 26 ? 'a' + d : '0' + d - 26);
  }

  private static int value(char c) {
    if (c >= '0' && c <= '9') return c - '0' + 26;
    if (c >= 'a' && c <= 'z') return c - 'a';
    if (c >= 'A' && c <= 'Z') return c - 'A';
    throw new IllegalArgumentException("invalid Punycode digit '" + c + "'");
  }
}
