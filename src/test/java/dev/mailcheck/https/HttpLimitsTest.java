package dev.mailcheck.https;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTPS reader's caps at cap−1, cap and cap+1 (issue 19): header line length, header count, and
 * the body caps the MTA-STS policy and the BIMI logo are read with (Content-Length, chunked, and to
 * the end of the connection).
 */
class HttpLimitsTest {
  private static HttpReader reader(String head, byte[] body) {
    byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return new HttpReader(new ByteArrayInputStream(all));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  void headerLineLength(int delta) throws Exception {
    // MAX_LINE octets before LF, a CR included
    String value = "v".repeat(Limits.HEAD_LINE - "X-Long: ".length() - 1 + delta);
    var r = reader("HTTP/1.1 200 OK\r\nX-Long: " + value + "\r\n\r\n", new byte[0]);
    if (delta <= 0) assertThat(r.head().header("X-Long")).isEqualTo(value);
    else
      assertThatThrownBy(r::head)
          .isInstanceOf(HttpReader.Malformed.class)
          .hasMessageContaining("longer than");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  void headerCount(int delta) throws Exception {
    int n = Limits.HEADERS + delta;
    var r = reader("HTTP/1.1 200 OK\r\n" + "X-H: 1\r\n".repeat(n) + "\r\n", new byte[0]);
    if (delta <= 0) assertThat(r.head().headers()).hasSize(n);
    else assertThatThrownBy(r::head).hasMessage("more than " + Limits.HEADERS + " headers");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  void policyAndLogoBodiesByContentLength(int delta) throws Exception {
    for (int cap :
        new int[] {
          dev.mailcheck.checks.Limits.MTA_STS_POLICY_BYTES,
          dev.mailcheck.checks.Limits.BIMI_LOGO_BYTES,
          dev.mailcheck.checks.Limits.BIMI_EVIDENCE_BYTES
        }) {
      int size = cap + delta;
      var r = reader("HTTP/1.1 200 OK\r\nContent-Length: " + size + "\r\n\r\n", new byte[size]);
      var head = r.head();
      if (delta <= 0) assertThat(r.body(head, cap)).hasSize(size);
      else assertThatThrownBy(() -> r.body(head, cap)).isInstanceOf(HttpReader.TooLarge.class);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  void policyBodyToTheEndOfTheConnection(int delta) throws Exception {
    int cap = dev.mailcheck.checks.Limits.MTA_STS_POLICY_BYTES;
    var r = reader("HTTP/1.1 200 OK\r\n\r\n", new byte[cap + delta]);
    var head = r.head();
    if (delta <= 0) assertThat(r.body(head, cap)).hasSize(cap + delta);
    else assertThatThrownBy(() -> r.body(head, cap)).isInstanceOf(HttpReader.TooLarge.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  void policyBodyChunked(int delta) throws Exception {
    int cap = dev.mailcheck.checks.Limits.MTA_STS_POLICY_BYTES;
    int size = cap + delta;
    String chunks = Integer.toHexString(size) + "\r\n" + "a".repeat(size) + "\r\n0\r\n\r\n";
    var r =
        reader(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
            chunks.getBytes(StandardCharsets.ISO_8859_1));
    var head = r.head();
    if (delta <= 0) assertThat(r.body(head, cap)).hasSize(size);
    else assertThatThrownBy(() -> r.body(head, cap)).isInstanceOf(HttpReader.TooLarge.class);
  }
}
