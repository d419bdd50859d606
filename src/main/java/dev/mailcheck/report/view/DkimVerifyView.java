package dev.mailcheck.report.view;

import java.util.List;

/**
 * The {@code dkim} view of {@code mailcheck dkim verify}: one entry per DKIM-Signature, top first,
 * in RFC 8601 terms.
 *
 * @param lineEndingsConverted the file had bare LF line ends, read as CRLF
 */
public record DkimVerifyView(List<SignatureView> signatures, boolean lineEndingsConverted)
    implements View {
  public DkimVerifyView {
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
}
