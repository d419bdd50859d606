package dev.mailcheck.report.view;

import java.util.List;

/**
 * The {@code tlsRpt} view (RFC 8460): the {@code _smtp._tls} TXT record and its report URIs.
 *
 * @param outcome outcome of the TXT lookup
 * @param records the TXT records there that begin with v=TLSRPTv1
 * @param rua the rua= URIs of the one record, when there is exactly one
 * @param problems syntax problems with their character positions
 */
public record TlsRptView(
    String domain, String outcome, List<String> records, List<String> rua, List<String> problems)
    implements View {
  public TlsRptView {
    records = List.copyOf(records);
    rua = List.copyOf(rua);
    problems = List.copyOf(problems);
  }
}
