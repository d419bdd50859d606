package dev.mailcheck.report.view;

import java.util.List;

/**
 * The {@code blocklist} view: per target (address or domain), what each list answered; and the
 * lists asked, with their delisting pages and usage terms.
 */
public record BlocklistView(List<Target> targets, List<ListInfo> lists) implements View {
  public BlocklistView {
    targets = List.copyOf(targets);
    lists = List.copyOf(lists);
  }

  /**
   * @param kind {@code ip} or {@code domain}
   * @param role {@code given}, {@code mx}, {@code sender} or {@code domain}
   * @param note where the target came from ("MX mx1.example.com"), or empty
   * @param skipped why the target was not looked up (a loopback or private address), or empty
   */
  public record Target(
      String target, String kind, String role, String note, String skipped, List<Result> results) {
    public Target {
      results = List.copyOf(results);
    }
  }

  /**
   * @param verdict {@code not-listed}, {@code listed}, {@code policy}, {@code error} or {@code
   *     not-asked} (the list does not cover IPv6)
   * @param outcome the DNS outcome of the A lookup (NOERROR, NXDOMAIN, TIMEOUT...)
   * @param answers the A records answered
   * @param meanings what the answered codes mean, per the list's documentation
   * @param reason the list's TXT reason, or empty
   * @param error why the answer is not usable ({@code public-resolver}, {@code rate-limit}, {@code
   *     lookup-failed}...), or empty
   */
  public record Result(
      String list,
      String query,
      String verdict,
      String outcome,
      List<String> answers,
      List<String> meanings,
      String reason,
      String error) {
    public Result {
      answers = List.copyOf(answers);
      meanings = List.copyOf(meanings);
    }
  }

  /**
   * @param kind {@code ip}, {@code domain} or {@code any} (a list given with --list NAME=ZONE)
   */
  public record ListInfo(
      String name, String title, String zone, String kind, String delist, String terms) {}
}
