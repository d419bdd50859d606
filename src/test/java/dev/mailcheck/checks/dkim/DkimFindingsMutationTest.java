package dev.mailcheck.checks.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The words of {@code dkim verify}'s findings, from hand-built verification results: one finding
 * per signature or per group of alike signatures (numbers, evidence and selectors capped at 10),
 * rsa-sha1 and l= in the singular and the plural, remedies by result, "another signature passes",
 * testing keys, and the key-strength thresholds and revoked-key words. Written against the PIT
 * survivors in {@link SignatureFindings} and {@link KeyFindings} (issue 19).
 */
class DkimFindingsMutationTest {
  static final KeyPair RSA = TestSigner.rsa(2048);

  static DkimSignature sig(String tags) {
    return DkimSignature.parse(
        new DkimMessage.HeaderField("DKIM-Signature", "DKIM-Signature: " + tags));
  }

  static DkimSignature sig(String d, String s, String a) {
    return sig(
        "v=1; a=" + a + "; d=" + d + "; s=" + s + "; c=relaxed/relaxed; h=From; bh=AAAA; b=AAAA");
  }

  static SignatureResult result(DkimSignature s, DkimResult r, String reason) {
    return new SignatureResult(s, r, reason, Optional.empty(), List.of(), List.of());
  }

  static List<Finding> findings(SignatureResult... rs) {
    return SignatureFindings.of(new Verification(List.of(rs), false));
  }

  static List<Finding> of(List<Finding> fs, FindingId id) {
    return fs.stream().filter(f -> f.kind() == id).toList();
  }

  static final String BODY = "body hash did not verify";

  @Test
  void oneSignatureIsNamedDescribedAndEvidenced() {
    Finding f =
        of(
                findings(result(sig("example.com", "sel", "rsa-sha256"), DkimResult.FAIL, BODY)),
                FindingId.DKIM_SIGNATURE)
            .get(0);
    assertThat(f.status()).isEqualTo(Status.FAIL);
    assertThat(f.title()).isEqualTo("DKIM signature example.com/sel: fail");
    assertThat(f.detail())
        .isEqualTo(
            "Signature #1 (d=example.com, s=sel, a=rsa-sha256, c=relaxed/relaxed): fail, body hash did not verify.");
    assertThat(f.subject()).hasValue("example.com/sel");
    assertThat(f.evidence())
        .containsExactly("dkim=fail header.d=example.com header.s=sel (body hash did not verify)");
    assertThat(f.remedy())
        .hasValue(
            "The body changed after signing: look for footers, disclaimers or content rewriting (mailing lists, gateways) between signer and recipient.");
  }

  @Test
  void aSignatureWithoutSelectorIsNamedByItsNumber() {
    Finding f =
        of(
                findings(
                    result(sig("example.com", "a", "rsa-sha256"), DkimResult.PASS, "ok"),
                    result(
                        sig("v=1; a=rsa-sha256; d=example.com; h=From; bh=AAAA; b=AAAA"),
                        DkimResult.PERMERROR,
                        "no s= tag")),
                FindingId.DKIM_SIGNATURE)
            .get(1);
    assertThat(f.title()).isEqualTo("DKIM signature #2: permerror");
    assertThat(f.subject()).hasValue("signature #2");
    assertThat(f.status()).isEqualTo(Status.WARN);
    assertThat(f.detail())
        .endsWith(
            ": permerror, no s= tag. Another signature passes, so the message passes DKIM (RFC 6376 §6.1).");
    assertThat(f.remedy()).hasValue("Fix the signature or key record: no s= tag.");
  }

  @Test
  void remediesAndStatusesFollowTheResult() {
    DkimSignature s = sig("example.com", "sel", "rsa-sha256");
    assertThat(of(findings(result(s, DkimResult.PASS, "ok")), FindingId.DKIM_SIGNATURE).get(0))
        .satisfies(
            f -> {
              assertThat(f.remedy()).isEmpty();
              assertThat(f.detail()).doesNotContain("Another signature");
            });
    assertThat(
            of(
                    findings(result(s, DkimResult.FAIL, "signature did not verify")),
                    FindingId.DKIM_SIGNATURE)
                .get(0)
                .remedy())
        .hasValue(
            "A signed header field changed after signing, or the published key does not belong to the signing key: compare the key at sel._domainkey.example.com with the signer's.");
    Finding temp =
        of(
                findings(result(s, DkimResult.TEMPERROR, "key lookup timed out")),
                FindingId.DKIM_SIGNATURE)
            .get(0);
    assertThat(temp.status()).isEqualTo(Status.ERROR);
    assertThat(temp.remedy())
        .hasValue("Retry later; check that the DNS servers of example.com answer.");
    Finding tempBesidePass =
        of(
                findings(
                    result(sig("example.com", "ok", "rsa-sha256"), DkimResult.PASS, "ok"),
                    result(s, DkimResult.TEMPERROR, "key lookup timed out")),
                FindingId.DKIM_SIGNATURE)
            .get(1);
    assertThat(tempBesidePass.status()).isEqualTo(Status.WARN);
  }

  /**
   * Alike signatures are one finding; their numbers, evidence lines and selector values are shown
   * up to 10, the rest counted (9, 10 and 11 signatures).
   */
  @ParameterizedTest(name = "{0} alike signatures")
  @ValueSource(ints = {9, 10, 11})
  void alikeSignaturesAreOneFindingShowingTen(int n) {
    SignatureResult[] rs =
        IntStream.rangeClosed(1, n)
            .mapToObj(i -> result(sig("example.com", "s" + i, "rsa-sha256"), DkimResult.FAIL, BODY))
            .toArray(SignatureResult[]::new);
    Finding f = of(findings(rs), FindingId.DKIM_SIGNATURE).get(0);
    assertThat(f.title())
        .isEqualTo(n + " DKIM signatures: fail, body hash did not verify (d=example.com)");
    assertThat(f.subject()).hasValue("example.com");
    String numbers =
        String.join(
            ", ", IntStream.rangeClosed(1, Math.min(n, 10)).mapToObj(i -> "#" + i).toList());
    String selectors =
        String.join("|", IntStream.rangeClosed(1, Math.min(n, 10)).mapToObj(i -> "s" + i).toList());
    assertThat(f.detail())
        .isEqualTo(
            "Signatures "
                + numbers
                + (n > 10 ? " and 1 more" : "")
                + " (d=example.com, s="
                + selectors
                + (n > 10 ? "|..." : "")
                + ", a=rsa-sha256, c=relaxed/relaxed): fail, body hash did not verify. Each is listed in the dkim section.");
    assertThat(f.evidence()).hasSize(Math.min(n, 10) + (n > 10 ? 1 : 0));
    assertThat(f.evidence().get(0))
        .isEqualTo("dkim=fail header.d=example.com header.s=s1 (body hash did not verify)");
    if (n > 10) assertThat(f.evidence().get(10)).isEqualTo("... 1 more (see the dkim section)");
  }

  @Test
  void groupSubjectsNameTheSelectorOrTheMissingDomain() {
    DkimSignature s = sig("example.com", "sel", "rsa-sha256");
    assertThat(
            of(
                    findings(result(s, DkimResult.FAIL, BODY), result(s, DkimResult.FAIL, BODY)),
                    FindingId.DKIM_SIGNATURE)
                .get(0)
                .subject())
        .hasValue("example.com/sel");
    DkimSignature noD = sig("v=1; a=rsa-sha256; s=sel; h=From; bh=AAAA; b=AAAA");
    Finding f =
        of(
                findings(
                    result(noD, DkimResult.PERMERROR, "no d= tag"),
                    result(noD, DkimResult.PERMERROR, "no d= tag")),
                FindingId.DKIM_SIGNATURE)
            .get(0);
    assertThat(f.subject()).hasValue("signatures without d=");
    assertThat(f.title()).endsWith("(d= missing)");
  }

  @Test
  void rsaSha1IsWordedForOneOrSeveralSignatures() {
    DkimSignature sha1 = sig("example.com", "sel", "rsa-sha1");
    Finding one = of(findings(result(sha1, DkimResult.PASS, "ok")), FindingId.DKIM_RSA_SHA1).get(0);
    assertThat(one.title()).isEqualTo("Signature example.com/sel uses rsa-sha1");
    assertThat(one.subject()).hasValue("example.com/sel");
    assertThat(one.detail())
        .isEqualTo(
            "RFC 8301 §3.1: rsa-sha1 MUST NOT be used for signing or verifying. mailcheck verified it anyway (result pass), but receivers following RFC 8301 treat it as permerror.");
    Finding two =
        of(
                findings(result(sha1, DkimResult.PASS, "ok"), result(sha1, DkimResult.FAIL, BODY)),
                FindingId.DKIM_RSA_SHA1)
            .get(0);
    assertThat(two.title()).isEqualTo("2 signatures example.com/sel use rsa-sha1");
    assertThat(two.detail())
        .contains("verified them anyway (result pass/fail)")
        .contains("treat them as");
    assertThat(
            of(
                findings(result(sig("example.com", "sel", "rsa-sha256"), DkimResult.PASS, "ok")),
                FindingId.DKIM_RSA_SHA1))
        .isEmpty();
    DkimSignature noS = sig("v=1; a=rsa-sha1; d=example.com; h=From; bh=AAAA; b=AAAA");
    assertThat(
            of(
                    findings(
                        result(sha1, DkimResult.PASS, "ok"),
                        result(noS, DkimResult.PERMERROR, "no s=")),
                    FindingId.DKIM_RSA_SHA1)
                .get(1))
        .satisfies(
            f -> {
              assertThat(f.title()).isEqualTo("Signature #2 uses rsa-sha1");
              assertThat(f.subject()).hasValue("signature #2");
            });
  }

  @Test
  void partialBodySignaturesAreWordedForOneOrSeveral() {
    DkimSignature l100 =
        sig("v=1; a=rsa-sha256; d=example.com; s=sel; l=100; h=From; bh=AAAA; b=AAAA");
    DkimSignature l200 =
        sig("v=1; a=rsa-sha256; d=example.com; s=sel; l=200; h=From; bh=AAAA; b=AAAA");
    Finding one =
        of(findings(result(l100, DkimResult.PASS, "ok")), FindingId.DKIM_BODY_LENGTH).get(0);
    assertThat(one.title()).isEqualTo("Signature example.com/sel uses l= (partial body)");
    assertThat(one.detail())
        .isEqualTo(
            "l=100: only the first octets of the body are signed; content appended later keeps the signature valid (RFC 6376 §8.2).");
    Finding two =
        of(
                findings(result(l100, DkimResult.PASS, "ok"), result(l200, DkimResult.PASS, "ok")),
                FindingId.DKIM_BODY_LENGTH)
            .get(0);
    assertThat(two.title()).isEqualTo("2 signatures example.com/sel use l= (partial body)");
    assertThat(two.detail()).startsWith("l=100, 200: ");
    DkimSignature noS = sig("v=1; a=rsa-sha256; d=example.com; l=5; h=From; bh=AAAA; b=AAAA");
    assertThat(
            of(findings(result(noS, DkimResult.PERMERROR, "no s=")), FindingId.DKIM_BODY_LENGTH)
                .get(0))
        .satisfies(
            f -> {
              assertThat(f.title()).isEqualTo("Signature #1 uses l= (partial body)");
              assertThat(f.subject()).hasValue("signature #1");
            });
  }

  @Test
  void aTestingKeyIsWarnedOnceAndANormalKeyIsNot() {
    DkimSignature s = sig("example.com", "sel", "rsa-sha256");
    String record = TestSigner.keyRecord(RSA.getPublic());
    DkimKey testing = DkimKey.parse(record.replace("v=DKIM1;", "v=DKIM1; t=y;"));
    DkimKey normal = DkimKey.parse(record);
    List<Finding> fs =
        findings(
            new SignatureResult(
                s, DkimResult.PASS, "ok", Optional.of(testing), List.of(), List.of()),
            new SignatureResult(
                s, DkimResult.PASS, "ok", Optional.of(testing), List.of(), List.of()));
    assertThat(of(fs, FindingId.DKIM_TESTING))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.title())
                    .isEqualTo("Key sel._domainkey.example.com is in testing mode (t=y)"));
    assertThat(of(fs, FindingId.DKIM_KEY_STRENGTH)).hasSize(1);
    assertThat(
            of(
                findings(
                    new SignatureResult(
                        s, DkimResult.PASS, "ok", Optional.of(normal), List.of(), List.of())),
                FindingId.DKIM_TESTING))
        .isEmpty();
  }

  @ParameterizedTest(name = "RSA {0}")
  @CsvSource({"1023, FAIL", "1024, WARN", "2047, WARN", "2048, PASS"})
  void rsaKeyStrengthThresholds(int bits, Status status) {
    DkimKey key = DkimKey.parse(TestSigner.keyRecord(RSA.getPublic()));
    DkimKey sized =
        new DkimKey(
            key.record(),
            key.version(),
            key.keyType(),
            key.hashes(),
            key.services(),
            key.flags(),
            key.notes(),
            key.publicKeyData(),
            key.publicKey(),
            bits,
            key.problems());
    Finding f = KeyFindings.strength("sel._domainkey.example.com", sized);
    assertThat(f.status()).isEqualTo(status);
    assertThat(f.title()).isEqualTo("Key sel._domainkey.example.com is RSA " + bits + " bits");
    assertThat(f.remedy().isPresent()).isEqualTo(status != Status.PASS);
  }

  static SelectorProbe probe(List<String> records, String keyRecord) {
    return new SelectorProbe(
        "sel",
        DkimAudit.EXPLICIT,
        "answer",
        false,
        records,
        Optional.of(DkimKey.parse(keyRecord)),
        List.of());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          INFO | Fine if intended; remove the record once no mail in transit uses it.
          FAIL | The selector was named explicitly, so mail is expected to be signed with it.
          WARN | No other usable key was found for this domain.
          """)
  void aRevokedKeyIsWordedByTheSelectorsVerdict(Status status, String sentence) {
    List<Finding> fs =
        KeyFindings.of(
            "sel._domainkey.example.com", probe(List.of("v=DKIM1; p="), "v=DKIM1; p="), status);
    assertThat(fs)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(FindingId.DKIM_KEY_REVOKED);
              assertThat(f.status()).isEqualTo(status);
              assertThat(f.detail())
                  .isEqualTo(
                      "An empty p= tells verifiers the key was withdrawn (RFC 6376 §3.6.1); signatures made with it fail as permerror. "
                          + sentence);
            });
  }

  @Test
  void anUnusableKeyExplainsEveryDefectAndShowsTheRecords() {
    String rsa =
        TestSigner.keyRecord(RSA.getPublic()).replace("v=DKIM1;", "v=DKIM1; h=sha1; s=web;");
    Finding f =
        KeyFindings.unusable(
            probe(List.of(rsa), rsa),
            "sel._domainkey.example.com",
            "sel._domainkey.example.com",
            Status.FAIL);
    assertThat(f.detail())
        .isEqualTo(
            "sel._domainkey.example.com: s=web limits the key to other services; without email or * verifiers must not use it for mail (RFC 6376 §3.6.1). h=sha1 allows only rsa-sha1 signatures, which RFC 8301 §3.1 forbids verifiers to accept. Every signature with s=sel fails as permerror.");
    assertThat(f.evidence()).containsExactly(rsa);
    // several records: each one is evidence, and the count is explained
    Finding several =
        KeyFindings.unusable(probe(List.of(rsa, "v=DKIM1; p="), rsa), "n", "n", Status.FAIL);
    assertThat(several.detail())
        .startsWith(
            "n: 2 TXT records answer at this name; RFC 6376 §3.6.2.2 requires one, and with several the results are undefined");
    assertThat(several.evidence()).containsExactly(rsa, "v=DKIM1; p=");
    // no records kept (a probe built from the key alone): the key's own record is the evidence
    assertThat(KeyFindings.unusable(probe(List.of(), rsa), "n", "n", Status.FAIL).evidence())
        .containsExactly(rsa);
    String ed = "v=DKIM1; k=ed25519; h=sha1; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
    assertThat(KeyFindings.unusable(probe(List.of(ed), ed), "n", "n", Status.FAIL).detail())
        .contains("h=sha1 does not allow sha256, the only hash ed25519-sha256 uses (RFC 8463).");
  }
}
