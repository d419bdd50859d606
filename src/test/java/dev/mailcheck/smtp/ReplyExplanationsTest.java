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
        "550|5.1.10|RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup|the recipient domain accepts no mail (null MX, RFC 7505)",
        "554|5.3.4|Message too big for system|the message is too big",
        "451|4.4.1|No answer from host|the receiving server could not be reached (temporary)",
        "550||Administrative prohibition|permanent failure",
      })
  void explainsCommonFailures(int code, String enhanced, String text, String meaning) {
    var e =
        ReplyExplanations.explain(
            code, Optional.ofNullable(enhanced).filter(s -> !s.isBlank()), text);
    assertThat(e.meaning()).isEqualTo(meaning);
    assertThat(e.cause()).isNotBlank();
    assertThat(e.fix()).isNotBlank();
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
