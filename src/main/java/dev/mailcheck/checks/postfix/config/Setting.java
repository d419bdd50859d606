package dev.mailcheck.checks.postfix.config;

/**
 * The value of a parameter as one service sees it, with where it came from.
 *
 * @param raw the value as written (or the default)
 * @param value {@code raw} with every {@code $name} expanded
 * @param origin {@code main.cf:12}, {@code default}, or {@code master.cf:20 (-o on
 *     submission/inet)}
 * @param explicit set in main.cf or master.cf (not a default)
 * @param service the master.cf service whose -o set it, or "" (main.cf or default)
 */
public record Setting(
    String name, String raw, String value, String origin, boolean explicit, String service) {
  public boolean isYes() {
    return value.strip().equalsIgnoreCase("yes");
  }

  public boolean fromOverride() {
    return !service.isEmpty();
  }
}
