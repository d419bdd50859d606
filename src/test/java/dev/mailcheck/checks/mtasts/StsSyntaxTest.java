package dev.mailcheck.checks.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StsSyntaxTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          v=STSv1; id=20240101T000000              | true  |
          v=STSv1;id=abc;                          | true  |
          v=STSv1; id=abc; ext_1=x                 | true  |
          v=STSv1; id=                             | false | id= must be 1 to 32
          v=STSv1; id=2024-01-01                   | false | id= must be 1 to 32
          v=STSv1; id=123456789012345678901234567890123 | false | id= must be 1 to 32
          v=STSv1                                  | false | no id= field
          v=STSv1 id=abc                           | false | begin with
          id=abc; v=STSv1                          | false | begin with
          """)
  void stsRecords(String text, boolean valid, String problem) {
    StsRecord r = StsRecord.parse(text);
    assertThat(r.valid()).as(text).isEqualTo(valid);
    if (problem != null) assertThat(r.problems().toString()).contains(problem);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          version: STSv1\\r\\nmode: enforce\\r\\nmx: mx.example.com\\r\\nmax_age: 604800\\r\\n | true  | CRLF  |
          version: STSv1\\nmode: testing\\nmx: *.example.com\\nmax_age: 86400\\n           | true  | LF    |
          version: STSv1\\nmode: testing\\nmx: *.example.com\\nmax_age: 86400             | true  | LF    |
          version: STSv1\\nmode: none\\nmax_age: 86400\\n                                  | true  | LF    |
          version: STSv1\\r\\nmode: enforce\\nmx: a.example\\r\\nmax_age: 1\\n              | true  | mixed |
          version: STSv2\\nmode: enforce\\nmx: a.example\\nmax_age: 1\\n                   | false | LF    | version must be STSv1
          version: STSv1\\nmode: strict\\nmx: a.example\\nmax_age: 1\\n                    | false | LF    | mode must be enforce
          version: STSv1\\nmode: enforce\\nmax_age: 1\\n                                   | false | LF    | no mx field
          version: STSv1\\nmode: enforce\\nmx: a.example\\n                                | false | LF    | no max_age
          version: STSv1\\nmode: enforce\\nmx: a.example\\nmax_age: -5\\n                  | false | LF    | max_age must be
          version: STSv1\\nmode: enforce\\nmx: a.example\\nmax_age: 12345678901\\n         | false | LF    | max_age must be
          version: STSv1\\nmode: enforce\\nmx: a.*.example\\nmax_age: 1\\n                 | false | LF    | mx must be a host name
          version: STSv1\\nMode: enforce\\nmx: a.example\\nmax_age: 1\\n                   | false | LF    | case-sensitive
          version: STSv1\\nmode: enforce\\nmx: a.example\\nmax_age: 1\\nfoo: bar\\n        | true  | LF    |
          <html>not a policy</html>                                                     | false | LF    | not a "key: value" line
          """)
  void policies(String escaped, boolean valid, String ending, String problem) {
    String text = escaped.replace("\\r", "\r").replace("\\n", "\n");
    StsPolicy p = StsPolicy.parse(text.getBytes(StandardCharsets.UTF_8));
    assertThat(p.valid()).as(escaped + " " + p.problems()).isEqualTo(valid);
    assertThat(p.lineEnding()).isEqualTo(ending);
    if (problem != null) assertThat(p.problems().toString()).contains(problem);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          mx.example.com     | mx.example.com   | true
          mx.example.com     | MX.Example.COM.  | true
          *.example.com      | mx.example.com   | true
          *.example.com      | example.com      | false
          *.example.com      | a.b.example.com  | false
          mx.example.com     | mx2.example.com  | false
          *.mail.example.net | a.mail.example.net | true
          """)
  void mxPatterns(String pattern, String host, boolean matches) {
    assertThat(MxPatterns.matches(pattern, host)).isEqualTo(matches);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          v=TLSRPTv1; rua=mailto:tls@example.com                          | true  |
          v=TLSRPTv1; rua=mailto:tls@example.com,https://r.example.com/in | true  |
          v=TLSRPTv1;rua=https://r.example.com/in;                        | true  |
          v=TLSRPTv1                                                      | false | no rua=
          v=TLSRPTv1; rua=tls@example.com                                 | false | must be mailto: or https:
          v=TLSRPTv1; rua=mailto:tls@example.com, http://r.example.com    | false | must be mailto: or https:
          v=TLSRPTv1; rua=mailto:nobody                                   | false | not a mailto: address
          """)
  void tlsRptRecords(String text, boolean valid, String problem) {
    TlsRptRecord r = TlsRptRecord.parse(text);
    assertThat(r.valid()).as(text + " " + r.problems()).isEqualTo(valid);
    if (problem != null) assertThat(r.problems().toString()).contains(problem);
  }

  @org.junit.jupiter.api.Test
  void tlsRptProblemsCarryThePositionOfTheBadUri() {
    TlsRptRecord r = TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:a@example.com,ftp://x");
    assertThat(r.problems()).hasSize(1);
    assertThat(r.problems().get(0).position()).isEqualTo(38);
  }
}
