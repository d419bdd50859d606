/**
 * The HTTPS fetcher: a hand-written HTTP/1.1 GET client over the JDK's TLS, for the documents mail
 * policies publish on the web (the MTA-STS policy, RFC 8461 §3.3; BIMI logos and evidence
 * documents).
 *
 * <p>It is built for hostile servers and for the rules those documents set:
 *
 * <ul>
 *   <li>addresses come from the run's resolver only (A and AAAA, IPv4 first), and each is checked
 *       against the request's {@link dev.mailcheck.https.AddressFilter} before any connection (no
 *       loopback or private address unless the run allows it);
 *   <li>the server certificate is validated for the requested name (RFC 5280 path to the system
 *       store or the given anchors, RFC 6125 name match) before a byte of the request is sent;
 *   <li>redirects are never followed (RFC 8461 §3.3): a 3xx is a response like any other, with its
 *       {@code Location};
 *   <li>one total deadline covers connect, handshake, headers and body, enforced by closing the
 *       socket (a server that drips one byte a second is cut off), and every read has a size cap:
 *       header lines, header count, body ({@link dev.mailcheck.https.HttpsRequest#maxBytes}).
 * </ul>
 *
 * Outcomes are values ({@link dev.mailcheck.https.HttpsResult}), never exceptions.
 */
package dev.mailcheck.https;
