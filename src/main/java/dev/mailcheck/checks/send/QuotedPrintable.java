package dev.mailcheck.checks.send;

/** Quoted-printable encoding (RFC 2045 §6.7) of CRLF text: soft line breaks at 76 characters. */
final class QuotedPrintable {
  private QuotedPrintable() {}

  static String encode(byte[] crlfText) {
    var out = new StringBuilder(crlfText.length + crlfText.length / 8);
    int col = 0;
    for (int i = 0; i < crlfText.length; i++) {
      int b = crlfText[i] & 0xff;
      if (b == '\r' && i + 1 < crlfText.length && crlfText[i + 1] == '\n') {
        out.append("\r\n");
        col = 0;
        i++;
        continue;
      }
      boolean lineEnd = i + 1 >= crlfText.length || crlfText[i + 1] == '\r';
      String enc =
          (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !lineEnd)
              ? String.valueOf((char) b)
              : String.format(java.util.Locale.ROOT, "=%02X", b);
      // rule 5: encoded lines are at most 76 characters, the soft break '=' included
      if (col + enc.length() > 75) {
        out.append("=\r\n");
        col = 0;
      }
      out.append(enc);
      col += enc.length();
    }
    return out.toString();
  }
}
