package dev.mailcheck.checks.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.dns.FakeDns;
import dev.mailcheck.dns.RecordType;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.Status;
import dev.mailcheck.report.view.DkimVerifyView;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DkimVerifierTest {
  static final KeyPair RSA = TestSigner.rsa(2048);
  static final KeyPair ED = TestSigner.ed25519();
  static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(1_700_000_100L), ZoneOffset.UTC);
  static final String MESSAGE =
      "From: Joe SixPack <joe@football.example.com>\r\n"
          + "To: Suzie Q <suzie@shopping.example.net>\r\n"
          + "Subject:  Is dinner   ready?\r\n"
          + "Date: Fri, 11 Jul 2003 21:00:37 -0700 (PDT)\r\n"
          + "Message-ID: <20030712040037.46341.5F8J@football.example.com>\r\n"
          + "\r\n"
          + "Hi.  \r\n"
          + "\r\n"
          + "We lost the game.\t Are you hungry yet?\r\n"
          + "\r\n"
          + "Joe.\r\n"
          + "\r\n";

  static FakeDns dns() {
    return new FakeDns()
        .txt("rsa._domainkey.example.com", TestSigner.keyRecord(RSA.getPublic()))
        .txt("ed._domainkey.example.com", TestSigner.keyRecord(ED.getPublic()));
  }

  static SignatureResult verifyOne(byte[] msg) {
    Verification v =
        new DkimVerifier(dns(), NOW, DkimVerifier.Sha1Policy.VERIFY_AND_WARN).verify(msg);
    assertThat(v.signatures()).hasSize(1);
    return v.signatures().get(0);
  }

  static TestSigner.Options opts(String alg, String h, String b) {
    DkimAlgorithm a = DkimAlgorithm.of(alg).orElseThrow();
    return TestSigner.Options.of(a, "example.com", a == DkimAlgorithm.ED25519_SHA256 ? "ed" : "rsa")
        .canon(Canonicalization.valueOf(h), Canonicalization.valueOf(b));
  }

  static byte[] sign(String msg, TestSigner.Options o) {
    var key = o.algorithm() == DkimAlgorithm.ED25519_SHA256 ? ED.getPrivate() : RSA.getPrivate();
    return TestSigner.sign(msg.getBytes(StandardCharsets.ISO_8859_1), key, o);
  }

  @ParameterizedTest(name = "{0} {1}/{2}")
  @CsvSource({
    "rsa-sha256, SIMPLE, SIMPLE", "rsa-sha256, SIMPLE, RELAXED", "rsa-sha256, RELAXED, SIMPLE",
        "rsa-sha256, RELAXED, RELAXED",
    "ed25519-sha256, SIMPLE, SIMPLE", "ed25519-sha256, SIMPLE, RELAXED",
        "ed25519-sha256, RELAXED, SIMPLE", "ed25519-sha256, RELAXED, RELAXED",
    "rsa-sha1, RELAXED, RELAXED",
  })
  void ownSignaturesPassAndOneChangedByteFails(String alg, String h, String b) {
    byte[] signed = sign(MESSAGE, opts(alg, h, b));
    SignatureResult ok = verifyOne(signed);
    assertThat(ok.result()).as(ok.reason()).isEqualTo(DkimResult.PASS);

    String text = new String(signed, StandardCharsets.ISO_8859_1);
    SignatureResult body =
        verifyOne(
            text.replace("lost the game", "won the game").getBytes(StandardCharsets.ISO_8859_1));
    assertThat(body.result()).isEqualTo(DkimResult.FAIL);
    assertThat(body.reason()).startsWith("body hash mismatch");

    SignatureResult header =
        verifyOne(text.replace("dinner", "lunch").getBytes(StandardCharsets.ISO_8859_1));
    assertThat(header.result()).isEqualTo(DkimResult.FAIL);
    assertThat(header.reason()).startsWith("signature mismatch");
  }

  @Test
  void relaxedAbsorbsWhitespaceChangesSimpleDoesNot() {
    String changed =
        MESSAGE.replace("Subject:  Is dinner", "Subject: Is  dinner").replace("Hi.  ", "Hi.")
            + "\r\n\r\n";
    byte[] relaxed = sign(MESSAGE, opts("rsa-sha256", "RELAXED", "RELAXED"));
    byte[] simple = sign(MESSAGE, opts("rsa-sha256", "SIMPLE", "SIMPLE"));
    String r = new String(relaxed, StandardCharsets.ISO_8859_1);
    String s = new String(simple, StandardCharsets.ISO_8859_1);
    String sigR = r.substring(0, r.indexOf("From:"));
    String sigS = s.substring(0, s.indexOf("From:"));
    assertThat(verifyOne((sigR + changed).getBytes(StandardCharsets.ISO_8859_1)).result())
        .isEqualTo(DkimResult.PASS);
    assertThat(verifyOne((sigS + changed).getBytes(StandardCharsets.ISO_8859_1)).result())
        .isEqualTo(DkimResult.FAIL);
  }

  @Test
  void bodyLengthSignsAPrefixAndIsWarned() {
    byte[] signed = sign(MESSAGE, opts("ed25519-sha256", "RELAXED", "RELAXED").bodyLength(20L));
    byte[] appended =
        (new String(signed, StandardCharsets.ISO_8859_1) + "Buy cheap pills!\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    SignatureResult r = verifyOne(appended);
    assertThat(r.result()).isEqualTo(DkimResult.PASS);
    assertThat(r.warnings()).anyMatch(w -> w.contains("l=20"));
  }

  @Test
  void bodyLengthBeyondTheBodyIsPermerror() {
    byte[] signed = sign(MESSAGE, opts("rsa-sha256", "RELAXED", "RELAXED").bodyLength(100000L));
    assertThat(verifyOne(signed).result()).isEqualTo(DkimResult.PERMERROR);
  }

  @Test
  void overSignedHeaderPassesUntilAnInstanceIsAdded() {
    var o =
        opts("rsa-sha256", "RELAXED", "RELAXED")
            .headers(List.of("from", "from", "subject", "subject", "to", "reply-to"));
    byte[] signed = sign(MESSAGE, o);
    assertThat(verifyOne(signed).result()).isEqualTo(DkimResult.PASS);
    String text = new String(signed, StandardCharsets.ISO_8859_1);
    String added = text.replace("\r\n\r\nHi.", "\r\nSubject: Free money\r\n\r\nHi.");
    assertThat(verifyOne(added.getBytes(StandardCharsets.ISO_8859_1)).result())
        .isEqualTo(DkimResult.FAIL);
  }

  @Test
  void expiryAndFutureTimestampAreCheckedAgainstTheInjectedClock() {
    var expired =
        sign(
            MESSAGE,
            opts("rsa-sha256", "RELAXED", "RELAXED").times(1_600_000_000L, 1_600_000_100L));
    SignatureResult e = verifyOne(expired);
    assertThat(e.result()).isEqualTo(DkimResult.PERMERROR);
    assertThat(e.reason()).contains("expired");
    var future =
        sign(MESSAGE, opts("rsa-sha256", "RELAXED", "RELAXED").times(1_800_000_000L, null));
    SignatureResult f = verifyOne(future);
    assertThat(f.result()).isEqualTo(DkimResult.POLICY);
    assertThat(f.reason()).contains("future");
  }

  @Test
  void identityMustBeWithinTheSigningDomain() {
    assertThat(
            verifyOne(
                    sign(
                        MESSAGE,
                        opts("rsa-sha256", "RELAXED", "RELAXED").identity("joe@mail.example.com")))
                .result())
        .isEqualTo(DkimResult.PASS);
    SignatureResult r =
        verifyOne(
            sign(MESSAGE, opts("rsa-sha256", "RELAXED", "RELAXED").identity("joe@example.org")));
    assertThat(r.result()).isEqualTo(DkimResult.PERMERROR);
    assertThat(r.reason()).contains("i=");
  }

  @Test
  void dnsFailuresAreTemperrorAndMissingKeysPermerror() {
    byte[] signed = sign(MESSAGE, opts("rsa-sha256", "RELAXED", "RELAXED"));
    FakeDns timeout = new FakeDns().timeout("rsa._domainkey.example.com", RecordType.TXT);
    assertThat(
            new DkimVerifier(timeout, NOW, DkimVerifier.Sha1Policy.VERIFY_AND_WARN)
                .verify(signed)
                .signatures()
                .get(0)
                .result())
        .isEqualTo(DkimResult.TEMPERROR);
    FakeDns servfail = new FakeDns().servfail("rsa._domainkey.example.com", RecordType.TXT);
    assertThat(
            new DkimVerifier(servfail, NOW, DkimVerifier.Sha1Policy.VERIFY_AND_WARN)
                .verify(signed)
                .signatures()
                .get(0)
                .result())
        .isEqualTo(DkimResult.TEMPERROR);
    FakeDns none = new FakeDns();
    assertThat(
            new DkimVerifier(none, NOW, DkimVerifier.Sha1Policy.VERIFY_AND_WARN)
                .verify(signed)
                .signatures()
                .get(0)
                .result())
        .isEqualTo(DkimResult.PERMERROR);
    FakeDns revoked = new FakeDns().txt("rsa._domainkey.example.com", "v=DKIM1; k=rsa; p=");
    assertThat(
            new DkimVerifier(revoked, NOW, DkimVerifier.Sha1Policy.VERIFY_AND_WARN)
                .verify(signed)
                .signatures()
                .get(0)
                .reason())
        .contains("revoked");
  }

  @Test
  void keySplitOverSeveralTxtStringsIsJoined() {
    String rec = TestSigner.keyRecord(RSA.getPublic());
    FakeDns split =
        new FakeDns().txt("rsa._domainkey.example.com", rec.substring(0, 200), rec.substring(200));
    byte[] signed = sign(MESSAGE, opts("rsa-sha256", "RELAXED", "RELAXED"));
    assertThat(
            new DkimVerifier(split, NOW, DkimVerifier.Sha1Policy.VERIFY_AND_WARN)
                .verify(signed)
                .signatures()
                .get(0)
                .result())
        .isEqualTo(DkimResult.PASS);
  }

  @Test
  void keyFoundThroughCnameIsUsedAndTheChainKept() {
    FakeDns d =
        new FakeDns()
            .cname("rsa._domainkey.example.com", "rsa.dkim.esp.example")
            .txt("rsa.dkim.esp.example", TestSigner.keyRecord(RSA.getPublic()));
    byte[] signed = sign(MESSAGE, opts("rsa-sha256", "RELAXED", "RELAXED"));
    SignatureResult r =
        new DkimVerifier(d, NOW, DkimVerifier.Sha1Policy.VERIFY_AND_WARN)
            .verify(signed)
            .signatures()
            .get(0);
    assertThat(r.result()).isEqualTo(DkimResult.PASS);
    assertThat(r.keyCnameChain()).contains("rsa._domainkey.example.com");
  }

  @Test
  void rsaSha1IsVerifiedAndWarnedByDefaultButRejectedInRfc8301Mode() {
    byte[] signed = sign(MESSAGE, opts("rsa-sha1", "RELAXED", "RELAXED"));
    var outcome = DkimRuns.verify(signed, dns(), NOW);
    assertThat(outcome.section().signatures().get(0).result()).isEqualTo("pass");
    assertThat(outcome.findings())
        .anyMatch(f -> f.id().equals("dkim.rsa-sha1") && f.status() == Status.WARN);
    assertThat(
            new DkimVerifier(dns(), NOW, DkimVerifier.Sha1Policy.REJECT)
                .verify(signed)
                .signatures()
                .get(0)
                .result())
        .isEqualTo(DkimResult.PERMERROR);
  }

  @Test
  void lfOnlyFilesVerifyAndAreReported() {
    byte[] signed = sign(MESSAGE, opts("rsa-sha256", "SIMPLE", "SIMPLE"));
    byte[] lf =
        new String(signed, StandardCharsets.ISO_8859_1)
            .replace("\r\n", "\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    var outcome = DkimRuns.verify(lf, dns(), NOW);
    assertThat(outcome.section().signatures().get(0).result()).isEqualTo("pass");
    assertThat(outcome.section().lineEndingsConverted()).isTrue();
    assertThat(outcome.findings())
        .extracting(Finding::id)
        .contains("dkim.line-endings", "dkim.signature");
  }

  @Test
  void oneFailingSignatureBesideAPassingOneIsOnlyAWarning() {
    byte[] first = sign(MESSAGE, opts("ed25519-sha256", "RELAXED", "RELAXED"));
    byte[] both =
        sign(
            new String(first, StandardCharsets.ISO_8859_1),
            opts("rsa-sha256", "RELAXED", "RELAXED"));
    FakeDns onlyEd =
        new FakeDns().txt("ed._domainkey.example.com", TestSigner.keyRecord(ED.getPublic()));
    var outcome = DkimRuns.verify(both, onlyEd, NOW);
    assertThat(outcome.section().signatures())
        .extracting(DkimVerifyView.SignatureView::result)
        .containsExactly("permerror", "pass");
    assertThat(outcome.findings())
        .filteredOn(f -> f.id().equals("dkim.signature"))
        .extracting(Finding::status)
        .containsExactly(Status.WARN, Status.PASS);

    var noKeys = DkimRuns.verify(both, new FakeDns(), NOW);
    assertThat(noKeys.findings())
        .filteredOn(f -> f.id().equals("dkim.signature"))
        .extracting(Finding::status)
        .containsExactly(Status.FAIL, Status.FAIL);
  }

  @Test
  void unsignedMessageIsReported() {
    var outcome =
        DkimRuns.verify(MESSAGE.getBytes(StandardCharsets.ISO_8859_1), new FakeDns(), NOW);
    assertThat(outcome.findings()).extracting(Finding::id).containsExactly("dkim.unsigned");
    assertThat(outcome.section().signatures()).isEmpty();
  }

  /**
   * A signer hashes its DKIM-Signature with the b= value deleted "including all surrounding
   * whitespace" (RFC 6376 §3.7), then inserts the value. Under c=simple the field is hashed as
   * written, so whitespace left around the value, and tags after b=, must not change what the
   * verifier hashes. The second column is what the signer hashed, written out independently.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "`h=from:to:subject; b=%s` | `h=from:to:subject; b=`",
        "`h=from:to:subject; b=%s \t` | `h=from:to:subject; b=`",
        "`b=%s; h=from:to:subject` | `b=; h=from:to:subject`",
        "`b=%s ; h=from:to:subject` | `b=; h=from:to:subject`",
        "`b=\r\n\t%s \r\n\t; h=from:to:subject` | `b=; h=from:to:subject`",
        "`b= %s\t;\r\n h=from:to:subject;` | `b=;\r\n h=from:to:subject;`",
      })
  void whitespaceAroundTheBValueIsNotSigned(String sent, String hashed) throws Exception {
    DkimMessage m = DkimMessage.parse(MESSAGE.getBytes(StandardCharsets.ISO_8859_1));
    String bh =
        java.util.Base64.getEncoder()
            .encodeToString(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(
                        Canonicalization.SIMPLE
                            .body(m.body())
                            .getBytes(StandardCharsets.ISO_8859_1)));
    String head =
        "DKIM-Signature: v=1; a=rsa-sha256; c=simple/simple; d=example.com; s=rsa;\r\n\tbh="
            + bh
            + "; ";
    StringBuilder data = new StringBuilder();
    for (String name : List.of("From", "To", "Subject")) data.append(m.named(name).get(0).raw());
    data.append(head).append(hashed);
    java.security.Signature signer = java.security.Signature.getInstance("SHA256withRSA");
    signer.initSign(RSA.getPrivate());
    signer.update(data.toString().getBytes(StandardCharsets.ISO_8859_1));
    String b = java.util.Base64.getEncoder().encodeToString(signer.sign());
    String signed = head + sent.formatted(b) + "\r\n" + MESSAGE;
    SignatureResult r = verifyOne(signed.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(r.result()).as(r.reason()).isEqualTo(DkimResult.PASS);
  }

  /**
   * Hundreds of signatures give one finding per distinct problem with a count, not hundreds of
   * copies; distinct problems stay apart, and the dkim section keeps every signature.
   */
  @Test
  void signaturesWithTheSameProblemAreOneFindingWithACount() {
    String m = MESSAGE;
    for (int i = 0; i < 18; i++)
      m =
          new String(
              sign(m, opts("rsa-sha256", "RELAXED", "RELAXED")), StandardCharsets.ISO_8859_1);
    TestSigner.Options lost =
        TestSigner.Options.of(DkimAlgorithm.RSA_SHA256, "example.com", "lost");
    m = new String(sign(m, lost), StandardCharsets.ISO_8859_1);
    m =
        new String(
            sign(m, lost.canon(Canonicalization.SIMPLE, Canonicalization.SIMPLE)),
            StandardCharsets.ISO_8859_1);
    // 300 more copies of the top signature below the first 20: not evaluated (MAX_SIGNATURES)
    String top = m.substring(0, m.indexOf("DKIM-Signature", 1));
    int from = m.indexOf("From: Joe");
    m = m.substring(0, from) + top.repeat(300) + m.substring(from);
    m = m.replace("lost the game", "won the game");

    var outcome = DkimRuns.verify(m.getBytes(StandardCharsets.ISO_8859_1), dns(), NOW);
    assertThat(outcome.section().signatures()).hasSize(320);
    List<Finding> sigs =
        outcome.findings().stream().filter(f -> f.id().equals("dkim.signature")).toList();
    assertThat(sigs)
        .extracting(Finding::title)
        .containsExactly(
            "2 DKIM signatures: permerror, no key record at lost._domainkey.example.com (NXDOMAIN) (d=example.com)",
            "18 DKIM signatures: fail, body hash mismatch (bh=) (d=example.com)",
            "300 DKIM signatures: neutral, not evaluated: only the first 20 signatures of a message are verified (d=example.com)");
    assertThat(sigs)
        .extracting(Finding::status)
        .containsExactly(Status.FAIL, Status.FAIL, Status.WARN);
    assertThat(sigs.get(1).detail())
        .startsWith("Signatures #3, #4, #5")
        .contains("and 8 more")
        .contains("c=relaxed/relaxed)");
    assertThat(sigs.get(0).detail()).contains("c=simple/simple|relaxed/relaxed");
    assertThat(sigs.get(1).evidence()).hasSize(1);
    assertThat(outcome.findings()).hasSizeLessThan(10);
  }

  @Test
  void hostileMessagesStayBounded() {
    // 25 signatures: 20 verified (one key lookup each at most), the rest neutral without DNS
    StringBuilder m = new StringBuilder();
    for (int i = 0; i < 25; i++)
      m.append("DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=k")
          .append(i)
          .append("; h=from; bh=AAAA; b=AAAA\r\n");
    m.append(MESSAGE);
    FakeDns d = new FakeDns();
    Verification v =
        new DkimVerifier(d, NOW, DkimVerifier.Sha1Policy.VERIFY_AND_WARN)
            .verify(m.toString().getBytes(StandardCharsets.ISO_8859_1));
    assertThat(v.signatures()).hasSize(25);
    assertThat(v.signatures().subList(20, 25)).allMatch(r -> r.result() == DkimResult.NEUTRAL);
    assertThat(d.asked()).hasSizeLessThanOrEqualTo(20);

    // a huge h= list and a huge tag-list without '=' are handled in linear time
    String longH = "from:" + "x-a:".repeat(200_000) + "to";
    byte[] big =
        sign(MESSAGE, opts("rsa-sha256", "RELAXED", "RELAXED").headers(List.of(longH.split(":"))));
    long t0 = System.nanoTime();
    assertThat(verifyOne(big).result()).isEqualTo(DkimResult.PASS);
    assertThat(dev.mailcheck.checks.TagList.parse("x;".repeat(500_000)).problems())
        .hasSize(dev.mailcheck.checks.Limits.TAG_LIST_PROBLEMS);
    assertThat((System.nanoTime() - t0) / 1_000_000).as("ms").isLessThan(20_000);
  }

  /**
   * The first {@link dev.mailcheck.checks.Limits#DKIM_SIGNATURES} (20) signatures are verified, the
   * rest reported neutral without a key lookup (issue 19: cap−1, cap, cap+1).
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {-1, 0, 1})
  void signaturesVerifiedAtTheCap(int delta) {
    int cap = dev.mailcheck.checks.Limits.DKIM_SIGNATURES;
    int n = cap + delta;
    FakeDns d = dns();
    String sig =
        "DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=missing; h=From; bh=AAAA; b=AAAA\r\n";
    byte[] msg =
        (sig.repeat(n) + "From: a@example.com\r\n\r\nHi.\r\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Verification v = new DkimVerifier(d, NOW, DkimVerifier.Sha1Policy.VERIFY_AND_WARN).verify(msg);
    assertThat(v.signatures()).hasSize(n);
    assertThat(v.signatures().subList(0, Math.min(n, cap)))
        .noneMatch(r -> r.result() == DkimResult.NEUTRAL);
    assertThat(v.signatures().subList(Math.min(n, cap), n))
        .allMatch(r -> r.result() == DkimResult.NEUTRAL)
        .allMatch(r -> r.reason().contains("only the first 20"));
  }
}
