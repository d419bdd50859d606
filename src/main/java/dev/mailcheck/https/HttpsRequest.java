package dev.mailcheck.https;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One GET. {@code url} must be {@code https://host[:port]/path}, host a DNS name.
 *
 * @param maxBytes the body cap: a longer body is {@link HttpsResult.Kind#TOO_LARGE}
 * @param timeout the total deadline: resolve, connect, handshake, headers and body together
 * @param trustAnchors CAs to validate the server certificate against; empty means the system store
 * @param filter which resolved addresses may be contacted
 */
public record HttpsRequest(
    URI url,
    int maxBytes,
    Duration timeout,
    List<X509Certificate> trustAnchors,
    AddressFilter filter) {
  public HttpsRequest {
    Objects.requireNonNull(url);
    Objects.requireNonNull(timeout);
    Objects.requireNonNull(filter);
    trustAnchors = List.copyOf(trustAnchors);
    if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes " + maxBytes);
    if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null)
      throw new IllegalArgumentException("not an https URL with a host: " + url);
  }

  /** The host, lower case, without a trailing dot. */
  public String host() {
    String h = url.getHost().toLowerCase(Locale.ROOT);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  public int port() {
    return url.getPort() < 0 ? 443 : url.getPort();
  }

  /** The request target: path and query, "/" when empty. */
  public String target() {
    String p = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return url.getRawQuery() == null ? p : p + "?" + url.getRawQuery();
  }
}
