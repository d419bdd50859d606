package dev.mailcheck.checks.postfix.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyslogLineTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "May  3 10:00:01 mail postfix/smtpd[1001]: connect from x[192.0.2.1]|2024-05-03T10:00:01Z|mail|postfix/smtpd|1001|connect from x[192.0.2.1]",
        "Dec 04 18:27:02 mx1 postfix/submission/smtpd[6646]: lost connection|2023-12-04T18:27:02Z|mx1|postfix/submission/smtpd|6646|lost connection",
        "2024-05-03T10:00:01.123456+02:00 mail postfix/qmgr[9]: ABC: removed|2024-05-03T08:00:01Z|mail|postfix/qmgr|9|ABC: removed",
        "2024-05-03T10:00:01+0200 mail postfix/qmgr[9]: ABC: removed|2024-05-03T08:00:01Z|mail|postfix/qmgr|9|ABC: removed",
        "2024-05-03T10:00:01Z mail postfix/qmgr[9]: ABC: removed|2024-05-03T10:00:01Z|mail|postfix/qmgr|9|ABC: removed",
        "2024-05-03T10:00:01 mail postfix/qmgr: ABC: removed|2024-05-03T10:00:01Z|mail|postfix/qmgr||ABC: removed",
        "<22>1 2024-05-03T10:00:01Z mail postfix/smtp 77 - - ABC: to=<a@b>|2024-05-03T10:00:01Z|mail|postfix/smtp|77|ABC: to=<a@b>",
        "<22>1 2024-05-03T10:00:01Z mail postfix/smtp 77 ID1 [x a=\"]\"][y] ABC: x|2024-05-03T10:00:01Z|mail|postfix/smtp|77|ABC: x",
      })
  void parsesEveryFormat(
      String line, String time, String host, String program, String pid, String msg) {
    // RFC 3164 year: lines from a month after the reference (May 2024) are from the year before
    SyslogLine l = new SyslogLine(ZoneOffset.UTC, 2024, 5);
    assertThat(l.parse(line)).isTrue();
    assertThat(Instant.ofEpochSecond(l.epochSecond)).isEqualTo(Instant.parse(time));
    assertThat(l.host).isEqualTo(host);
    assertThat(l.program).isEqualTo(program);
    assertThat(l.pid).isEqualTo(pid == null ? "" : pid);
    assertThat(l.message).isEqualTo(msg);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not a log line at all",
        "Foo  3 10:00:01 mail postfix/smtpd[1]: x",
        "May 32 10:00:01 mail postfix/smtpd[1]: x",
        "May  3 25:00:01 mail postfix/smtpd[1]: x",
        "2024-02-30T10:00:01Z mail postfix/smtpd[1]: x",
        "<22>2 2024-05-03T10:00:01Z mail postfix/smtp 77 - - x",
        "-- No entries --",
      })
  void refusesWhatIsNoSyslogLine(String line) {
    assertThat(new SyslogLine(ZoneOffset.UTC, 2024, 5).parse(line)).isFalse();
  }
}
