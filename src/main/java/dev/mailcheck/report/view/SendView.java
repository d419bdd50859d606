package dev.mailcheck.report.view;

import java.util.List;

/**
 * The {@code send} view (and the recipient check of {@code smtp --rcpt}): where the message went
 * and, per attempt (one per MX tried, or the one server), each stage with its time and replies.
 *
 * @param route {@code server HOST:PORT} or {@code MX of DOMAIN}
 * @param quitAfter the stage the transaction stopped after ({@code data}: the message was sent)
 * @param outcome {@code delivered}, {@code refused}, {@code deferred}, {@code failed} or {@code
 *     stopped}
 * @param queueId the queue id of the accepting server, or null
 */
public record SendView(
    String from,
    List<String> to,
    String route,
    String quitAfter,
    String outcome,
    String queueId,
    List<Attempt> attempts)
    implements View {
  public SendView {
    to = List.copyOf(to);
    attempts = List.copyOf(attempts);
  }

  /**
   * One server tried.
   *
   * @param preference the MX preference, or null for {@code --server}
   * @param address the address connected to, or null
   * @param tls the TLS protocol of the session, or null when unencrypted
   * @param failure why this attempt ended early, or null
   */
  public record Attempt(
      String host,
      Integer preference,
      String address,
      int port,
      String tls,
      String outcome,
      String queueId,
      String failure,
      List<StageRow> stages) {
    public Attempt {
      stages = List.copyOf(stages);
    }
  }

  /**
   * One stage of a session ({@code connect}, {@code banner}, {@code ehlo}, {@code starttls}, {@code
   * auth}, {@code mail}, {@code rcpt}, {@code data}, {@code quit}).
   *
   * @param replies the server's replies in this stage, first line each ({@code 250 2.1.5 Ok})
   */
  public record StageRow(String stage, long millis, boolean ok, List<String> replies) {
    public StageRow {
      replies = List.copyOf(replies);
    }
  }
}
