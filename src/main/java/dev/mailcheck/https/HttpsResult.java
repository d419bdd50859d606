package dev.mailcheck.https;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of one fetch: a response (any status, 3xx included: redirects are never followed) or
 * a classified failure. The variants stay apart to the report: a timeout is not "no policy".
 */
public sealed interface HttpsResult {
  String url();

  /**
   * A complete response. {@code body} is empty for any status but 200 (only a 200's body is read).
   *
   * @param address the address that answered
   * @param certificate subject and names of the (validated) server certificate, for display
   */
  record Response(
      String url,
      String address,
      int status,
      String reason,
      List<Header> headers,
      byte[] body,
      String certificate,
      long millis)
      implements HttpsResult {
    public Response {
      headers = List.copyOf(headers);
      body = body.clone();
    }

    @Override
    public byte[] body() {
      return body.clone();
    }

    public int size() {
      return body.length;
    }

    /** The first header of that name (case-insensitive). */
    public Optional<String> header(String name) {
      return headers.stream()
          .filter(h -> h.name().equalsIgnoreCase(name))
          .map(Header::value)
          .findFirst();
    }

    /** The media type of Content-Type, lower case, without parameters; empty when absent. */
    public String mediaType() {
      String ct = header("Content-Type").orElse("");
      int semi = ct.indexOf(';');
      return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    public boolean redirect() {
      return status >= 300 && status < 400;
    }
  }

  record Header(String name, String value) {}

  /**
   * The fetch did not get a response.
   *
   * @param address the address concerned, when there was one
   */
  record Failure(String url, Kind kind, String detail, Optional<String> address)
      implements HttpsResult {}

  /** Why a fetch failed. */
  enum Kind {
    /** The host has no A/AAAA record (NXDOMAIN, NODATA). */
    NO_ADDRESS,
    /** The address lookup failed temporarily (SERVFAIL, timeout). */
    DNS_ERROR,
    /** Every address is in a range the run may not contact (loopback, private, reserved). */
    ADDRESS_REFUSED,
    /** Connection refused or unreachable at every address. */
    CONNECT,
    /** The deadline passed (connect, handshake, headers or body). */
    TIMEOUT,
    /** The TLS handshake failed. */
    TLS,
    /** The certificate does not chain to a trusted root, or is expired. */
    CERTIFICATE_UNTRUSTED,
    /** The certificate does not name the host (RFC 6125). */
    CERTIFICATE_NAME,
    /** The body is longer than the cap. */
    TOO_LARGE,
    /** The reply is not HTTP/1.x, or breaks its framing. */
    PROTOCOL;

    public String token() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
