package dev.mailcheck.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one code table: real reply texts (providers' wording) to the meaning users need. */
class ReplyExplanationsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "550|5.1.1|<bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table|the mailbox does not exist",
        "552|5.2.2|Mailbox full|the mailbox is full",
        "452|4.2.2|The email account that you tried to reach is over quota|the mailbox is full (temporary)",
        "554|5.7.1|<bob@example.org>: Relay access denied|relay access denied",
        "550|5.7.26|Unauthenticated email from example.com is not accepted due to domain's DMARC policy|rejected by the sender domain's DMARC policy",
        "550|5.7.515|Access denied, sending domain example.com does not meet the required authentication level|Microsoft: the sender does not meet its authentication requirements",
        "421|4.7.28|Our system has detected an unusual rate of unsolicited mail originating from your IP address|rate limited",
        "550|5.7.27|The sender does not meet basic authentication requirements|the message is not authenticated enough for the receiver",
        "450|4.2.0|Greylisted, please try again later|greylisted (temporary)",
        "554|5.7.1|Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org|the sending IP is on a blocklist",
        "550|5.1.10|RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup|the mailbox does not exist",
        "550|5.1.10|Recipient address has null MX|the recipient domain accepts no mail (null MX, RFC 7505)",
        "554|5.3.4|Message too big for system|the message is too big",
        "451|4.4.1|No answer from host|the receiving server could not be reached (temporary)",
        "550||Administrative prohibition|refused by the receiver's policy",
        "550||Go away|permanent failure",
        "535|5.7.8|Error: authentication failed: authentication failure|authentication failed: wrong credentials",
        "535|5.7.139|Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.|Microsoft 365: SMTP AUTH is disabled for this mailbox or tenant",
        "530|5.7.0|Must issue a STARTTLS command first|TLS is required first",
        "550|5.7.708|Service unavailable. Access denied, traffic not accepted from this IP.|Microsoft: traffic not accepted from this IP",
        "550|5.7.1|Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).|Microsoft: the sending IP is on Microsoft's block list",
        "421|4.7.0|This message is suspicious due to the very low reputation of the sending IP address.|deferred: the sending IP's reputation is low (Gmail 4.7.0)",
        "550|5.7.1|Our system has detected that this message is likely unsolicited mail.|refused as spam or by the recipient's policy",
        "550|5.7.25|The IP address sending this message does not have a PTR record setup.|rejected: no valid reverse DNS",
        "421|4.7.0|[TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints|rate limited",
        "553|5.6.7|SMTPUTF8 is required for this address|an internationalized address needs SMTPUTF8",
        "552|5.3.4|Error: message file too big|the message is too big",
        "500|5.5.2|Error: command not recognized|the server refused the command's syntax or sequence",
      })
  void explainsCommonFailures(int code, String enhanced, String text, String meaning) {
    var e =
        ReplyExplanations.explain(
            code, Optional.ofNullable(enhanced).filter(s -> !s.isBlank()), text);
    assertThat(e.meaning()).isEqualTo(meaning);
    assertThat(e.cause()).isNotBlank();
    assertThat(e.fix()).isNotBlank();
  }

  /** The same table classifies what Postfix logs after status=deferred/bounced. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "connect to mx.slow.example[192.0.2.44]:25: Connection timed out|TIMEOUT",
        "connect to 127.25.0.10[127.25.0.10]:2599: Connection refused|CONNECTION_REFUSED",
        "mail for 127.25.0.11 loops back to myself|LOOP",
        "unknown user: \"no-such-user-4711\"|MAILBOX_UNKNOWN",
        "host gmail-smtp-in.l.google.com[142.250.1.27] said: 550-5.1.1 The email account that you tried to reach does not exist. (in reply to RCPT TO command)|MAILBOX_UNKNOWN",
        "host mx.grey.example[192.0.2.50] said: 450 4.7.1 <x@grey.example>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/grey.example.html (in reply to RCPT TO command)|GREYLISTED",
        "host relay.example[192.0.2.1] said: 554 5.7.1 <a@b.example>: Relay access denied (in reply to RCPT TO command)|RELAY_DENIED",
        "SASL authentication failed; server relay.example[192.0.2.1] said: 535 5.7.8 Error: authentication failed|CREDENTIALS",
        "host mx.example[192.0.2.1] said: 552 5.3.4 Message size exceeds fixed limit (in reply to end of DATA command)|MESSAGE_TOO_BIG",
        "host mx.example[192.0.2.1] said: 421 4.7.28 Gmail has detected an unusual rate of unsolicited mail|RATE_LIMITED",
        "host mx.example[192.0.2.1] said: 550 5.7.26 Unauthenticated email from a.example is not accepted due to domain's DMARC policy|AUTHENTICATION",
        "host mx.example[192.0.2.1] said: 554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org|BLOCKLISTED",
        "Host or domain name not found. Name service error for name=x.example type=MX|DNS",
        "something nobody has ever written|OTHER",
      })
  void classifiesPostfixStatusTexts(String text, DeliveryProblem want) {
    assertThat(ReplyExplanations.classify(text)).isEqualTo(want);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "451 4.7.1 Greylisted, please try again in 5 minutes|PT5M",
        "421 4.7.0 Too many connections, retry after 300 seconds|PT5M",
        "450 4.2.0 try again later|''",
      })
  void readsTheRetryTheServerAskedFor(String text, String want) {
    assertThat(ReplyExplanations.retryAfter(text).map(Object::toString).orElse("")).isEqualTo(want);
  }

  @org.junit.jupiter.api.Test
  void remedyNamesTheRetry() {
    var e = ReplyExplanations.explain(Reply.of(450, "4.2.0 Greylisted, try again in 5 minutes"));
    assertThat(e.kind()).isEqualTo(DeliveryProblem.GREYLISTED);
    assertThat(e.remedy()).contains("retry after 5 minute(s)");
  }

  @org.junit.jupiter.api.Test
  void remediesAreWholeSentences() {
    for (Reply r :
        java.util.List.of(
            Reply.of(554, "5.7.1 <x@example.org>: Relay access denied"),
            Reply.of(450, "4.2.0 Greylisted, try again in 5 minutes"),
            Reply.of(550, "5.1.1 <x@example.org>: Recipient address rejected: User unknown"))) {
      String remedy = ReplyExplanations.explain(r).remedy();
      assertThat(remedy).as(r.toString()).endsWith(".").doesNotContain("..");
      assertThat(remedy.split("\\. ")).allSatisfy(s -> assertThat(s).matches("^[A-Z0-9(].*"));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "'550 5.1.1 <a@b>: unknown',5.1.1",
    "'smtp; 421 4.7.0 try later',4.7.0",
    "'no code here',''"
  })
  void findsTheEnhancedCodeInAText(String text, String want) {
    assertThat(ReplyExplanations.enhancedCodeIn(text).orElse("")).isEqualTo(want);
  }
}
