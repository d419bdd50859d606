package dev.mailcheck.report.view;

import java.util.List;
import java.util.Optional;

/**
 * The {@code mtaSts} view (RFC 8461): the {@code _mta-sts} record, the policy fetch, the parsed
 * policy, and each MX against it.
 *
 * @param recordOutcome outcome of the {@code _mta-sts} TXT lookup (NOERROR, NXDOMAIN, ...)
 * @param records the TXT records there that begin with v=STSv1
 * @param id the id= of the one valid record, else ""
 * @param fetch the policy fetch (made whether or not the record exists)
 * @param policy the parsed policy, when the fetch returned 200
 * @param mx each MX host against the policy (empty without a usable policy)
 */
public record MtaStsView(
    String domain,
    String recordOutcome,
    List<String> records,
    String id,
    FetchView fetch,
    Optional<Policy> policy,
    List<Mx> mx)
    implements View {
  public MtaStsView {
    records = List.copyOf(records);
    mx = List.copyOf(mx);
  }

  public MtaStsView withMx(List<Mx> rows) {
    return new MtaStsView(domain, recordOutcome, records, id, fetch, policy, rows);
  }

  /**
   * @param maxAge seconds; -1 when missing or invalid
   * @param lineEnding CRLF, LF or mixed
   * @param problems syntax problems, each with its line number
   */
  public record Policy(
      String version,
      String mode,
      long maxAge,
      List<String> mx,
      String lineEnding,
      List<String> unknownFields,
      List<String> problems) {
    public Policy {
      mx = List.copyOf(mx);
      unknownFields = List.copyOf(unknownFields);
      problems = List.copyOf(problems);
    }
  }

  /**
   * @param pattern the mx: pattern that matches the host, "" when none does
   * @param certificate the port-25 certificate verdict: valid, untrusted, name-mismatch, old-tls,
   *     no-starttls, no-connection, not-probed
   * @param detail the verdict in words
   */
  public record Mx(String host, String pattern, String certificate, String detail) {}
}
