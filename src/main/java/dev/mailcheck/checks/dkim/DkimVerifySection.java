package dev.mailcheck.checks.dkim;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code dkim} JSON section of {@code mailcheck dkim verify}: one entry per DKIM-Signature, top
 * first, in RFC 8601 terms.
 *
 * @param lineEndingsConverted the file had bare LF line ends, read as CRLF
 */
public record DkimVerifySection(List<SignatureView> signatures, boolean lineEndingsConverted)
    implements DkimSection {
  public DkimVerifySection {
    signatures = List.copyOf(signatures);
  }

  /**
   * One signature.
   *
   * @param domain {@code d=}
   * @param selector {@code s=}
   * @param algorithm {@code a=} as written
   * @param canonicalization {@code c=} as header/body
   * @param result pass, fail, neutral, policy, temperror or permerror
   * @param bodyLength {@code l=}, null when absent
   * @param keyBits length of the key used, null when no key was used
   */
  public record SignatureView(
      String domain,
      String selector,
      String algorithm,
      String canonicalization,
      String result,
      String reason,
      String identity,
      Long bodyLength,
      Integer keyBits,
      List<String> signedHeaders,
      List<String> warnings) {
    public SignatureView {
      signedHeaders = List.copyOf(signedHeaders);
      warnings = List.copyOf(warnings);
    }
  }

  static DkimVerifySection of(Verification v) {
    List<SignatureView> views = new ArrayList<>();
    for (SignatureResult r : v.signatures()) {
      DkimSignature s = r.signature();
      views.add(
          new SignatureView(
              s.domain(),
              s.selector(),
              s.algorithmToken(),
              s.canonicalization(),
              r.result().token(),
              r.reason(),
              s.identity(),
              s.bodyLength()
                  .map(l -> l.bitLength() < 63 ? l.longValue() : Long.MAX_VALUE)
                  .orElse(null),
              r.key().filter(k -> k.keyBits() > 0).map(DkimKey::keyBits).orElse(null),
              s.signedHeaders(),
              r.warnings()));
    }
    return new DkimVerifySection(views, v.lineEndingsConverted());
  }

  @Override
  public List<String> textLines() {
    List<String> lines = new ArrayList<>();
    if (signatures.isEmpty()) lines.add("no DKIM-Signature header field");
    int i = 1;
    for (SignatureView v : signatures) {
      lines.add(
          "#"
              + i++
              + " d="
              + v.domain()
              + " s="
              + v.selector()
              + " a="
              + v.algorithm()
              + " c="
              + v.canonicalization()
              + ": "
              + v.result()
              + " ("
              + v.reason()
              + ")");
    }
    if (lineEndingsConverted) lines.add("input had LF line endings; read as CRLF");
    return lines;
  }
}
