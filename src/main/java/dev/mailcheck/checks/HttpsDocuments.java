package dev.mailcheck.checks;

import dev.mailcheck.https.AddressFilter;
import dev.mailcheck.https.HttpsRequest;
import dev.mailcheck.https.HttpsResult;
import dev.mailcheck.internal.SpecialAddresses;
import dev.mailcheck.report.view.FetchView;
import java.net.URI;
import java.util.Optional;

/**
 * What the checks that fetch documents over HTTPS share (MTA-STS, BIMI): the request with the run's
 * deadline, trust anchors and address rule (no special-purpose address unless the run allows
 * private addresses, as for MX addresses: RFC 6890 ranges in {@link SpecialAddresses}), and the
 * fetch as the report shows it.
 */
public final class HttpsDocuments {
  private HttpsDocuments() {}

  public static HttpsRequest request(URI url, int maxBytes, CheckSettings s) {
    AddressFilter filter =
        s.allowPrivate()
            ? AddressFilter.allowAll()
            : a ->
                SpecialAddresses.classify(a)
                    .map(r -> r + "; " + s.switches().allowPrivate() + " allows it");
    return new HttpsRequest(url, maxBytes, s.timeout(), s.trustAnchors(), filter);
  }

  public static FetchView view(HttpsResult r) {
    return switch (r) {
      case HttpsResult.Response x ->
          new FetchView(
              x.url(),
              "response",
              x.status(),
              x.header("Content-Type").orElse(""),
              x.size(),
              x.address(),
              x.redirect() ? x.header("Location").orElse("") : "",
              x.certificate(),
              x.millis());
      case HttpsResult.Failure f ->
          new FetchView(
              f.url(), f.kind().token(), 0, "", 0, f.address().orElse(""), "", f.detail(), 0);
    };
  }

  /**
   * Why a fetch gave no usable document, in words, or empty for a 200 response: the status (a
   * redirect with its target, which is never followed), or the failure.
   */
  public static Optional<String> problem(HttpsResult r) {
    return switch (r) {
      case HttpsResult.Response x when x.status() == 200 -> Optional.empty();
      case HttpsResult.Response x when x.redirect() ->
          Optional.of(
              "HTTP "
                  + x.status()
                  + " redirect to "
                  + x.header("Location").orElse("(no Location)")
                  + ": redirects are not followed");
      case HttpsResult.Response x -> Optional.of("HTTP " + x.status() + " " + x.reason());
      case HttpsResult.Failure f -> Optional.of(f.detail());
    };
  }

  /** The failure says nothing about the document (temporary: DNS, timeout, not contacted). */
  public static boolean undetermined(HttpsResult r) {
    return r instanceof HttpsResult.Failure f
        && switch (f.kind()) {
          case DNS_ERROR, TIMEOUT, ADDRESS_REFUSED -> true;
          default -> false;
        };
  }
}
