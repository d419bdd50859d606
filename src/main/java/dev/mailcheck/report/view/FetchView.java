package dev.mailcheck.report.view;

/**
 * One HTTPS fetch as the report shows it (MTA-STS policy, BIMI logo and evidence document).
 *
 * @param outcome {@code response}, or why there was none: {@code no-address}, {@code dns-error},
 *     {@code address-refused}, {@code connect}, {@code timeout}, {@code tls}, {@code
 *     certificate-untrusted}, {@code certificate-name}, {@code too-large}, {@code protocol}
 * @param status the HTTP status (0 without a response)
 * @param contentType the Content-Type header as sent ("" when absent)
 * @param bytes the body size read (only a 200's body is read)
 * @param address the address that answered or failed ("" before any)
 * @param location the Location header of a 3xx (never followed)
 * @param detail the failure in words, or the server certificate of a response
 */
public record FetchView(
    String url,
    String outcome,
    int status,
    String contentType,
    int bytes,
    String address,
    String location,
    String detail,
    long ms) {}
