package dev.mailcheck.report.view;

import java.util.List;

/** {@code mailcheck message --all}: one {@link MessageView} per message of an mbox, in order. */
public record MailboxView(List<MessageView> messages) implements View {
  public MailboxView {
    messages = List.copyOf(messages);
  }
}
