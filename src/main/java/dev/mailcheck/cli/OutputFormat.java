package dev.mailcheck.cli;

/**
 * {@code --format}: text for people, json for machines, csv for spreadsheets (the table of {@code
 * dmarc report} and {@code blocklist}, the findings of every other command).
 */
public enum OutputFormat {
  text,
  json,
  csv
}
