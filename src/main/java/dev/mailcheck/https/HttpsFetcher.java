package dev.mailcheck.https;

/**
 * Fetches one HTTPS document. Never throws for anything the server or network does: every outcome
 * is an {@link HttpsResult}. Blocking; thread-safe; run fetches in parallel on virtual threads.
 */
@FunctionalInterface
public interface HttpsFetcher {
  HttpsResult fetch(HttpsRequest request);
}
