package dev.mailcheck.report;

/**
 * Command-specific facts carried by a report beside its findings (the MX list, the SPF tree, the
 * SMTP phases...). Implementations are records of plain values: the JSON renderer serializes them
 * with Jackson under {@link #key()}, the text renderer asks them for lines. They never hold
 * internal or dnsjava objects.
 */
public interface Section {
  /** The top-level JSON key, e.g. {@code mx}, {@code spf}, {@code smtp}. */
  String key();

  /** Lines for people, in the order they should appear; no colour, no trailing newline. */
  java.util.List<String> textLines();
}
