package dev.mailcheck.cli;

import dev.mailcheck.internal.InputException;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validates a domain given on the command line and converts it to A-labels. Stop-gap until
 * {@code dev.mailcheck.internal.DomainNames} (the DNS work) lands; then this delegates to it.
 */
final class TargetDomain {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private TargetDomain() {}

  static String parse(String input) {
    if (input == null || input.isBlank()) throw new InputException("a domain is required");
    String s = input.strip();
    if (s.endsWith(".") && s.length() > 1) s = s.substring(0, s.length() - 1);
    String ascii;
    try {
      ascii = IDN.toASCII(s, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new InputException("'" + input + "' is not a valid domain name");
    }
    if (ascii.length() > 253 || ascii.isEmpty()) throw new InputException("'" + input + "' is not a valid domain name (too long)");
    for (String label : ascii.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) throw new InputException("'" + input + "' is not a valid domain name");
    }
    if (ascii.matches("[0-9.]+")) throw new InputException("'" + input + "' is an address, not a domain name");
    return ascii;
  }
}
