package dev.mailcheck.cli;

/** {@code --format}: text for people, json for machines. */
public enum OutputFormat {
  text,
  json
}
