package dev.mailcheck.checks.ptr;

import dev.mailcheck.internal.InetAddresses;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognizes reverse names that ISPs generate for whole address pools ("generic rDNS"): the address
 * embedded in the name ({@code 192-0-2-1.dsl.example.net}, {@code c0000201.example.net}) or labels
 * such as {@code dynamic}, {@code dhcp}, {@code dsl}, {@code pool}, {@code ppp}. Receivers (and
 * blocklists such as the Spamhaus PBL) treat mail from such names as coming from end-user machines.
 * A heuristic: it informs a warning, never a failure.
 */
public final class GenericNames {
  private static final Set<String> WORDS =
      Set.of(
          "dynamic",
          "dyn",
          "dynip",
          "dhcp",
          "dsl",
          "adsl",
          "vdsl",
          "xdsl",
          "sdsl",
          "cable",
          "cablemodem",
          "pool",
          "ppp",
          "pppoe",
          "dial",
          "dialup",
          "dialin",
          "broadband",
          "customer",
          "cust",
          "client",
          "clients",
          "residential",
          "resnet",
          "unassigned",
          "unknown",
          "nat",
          "dip",
          "fttx",
          "ftth",
          "wireless",
          "mobile");

  private static final Pattern SPLIT = Pattern.compile("[.\\-_]+");

  private GenericNames() {}

  /** Why the name looks generic, or empty. */
  public static Optional<String> reason(String name, InetAddress address) {
    String n = name.toLowerCase(Locale.ROOT);
    // The host part (first label) and its neighbours carry the pool words; the registered domain
    // itself ("dsl.example") would be a false positive only if the ISP is literally named so.
    String[] labels = n.split("\\.");
    int consider = Math.max(1, labels.length - 2);
    for (int i = 0; i < consider; i++) {
      for (String t : SPLIT.split(labels[i])) {
        String word = t.replaceAll("\\d+$", "");
        if (WORDS.contains(t) || (!word.isEmpty() && WORDS.contains(word))) {
          return Optional.of(
              "the name contains \"" + t + "\", a word ISPs use for end-user address pools");
        }
      }
    }
    byte[] b = address.getAddress();
    if (b.length == 4) {
      String[] o = new String[4];
      for (int i = 0; i < 4; i++) o[i] = Integer.toString(b[i] & 0xff);
      if (embedded(n, o) || embedded(n, reverse(o)))
        return Optional.of("the name contains the address " + address.getHostAddress());
      String hex =
          String.format("%02x%02x%02x%02x", b[0] & 0xff, b[1] & 0xff, b[2] & 0xff, b[3] & 0xff);
      if (n.contains(hex))
        return Optional.of("the name contains the address in hexadecimal (" + hex + ")");
      String[] padded =
          Arrays.stream(o)
              .map(x -> String.format("%03d", Integer.parseInt(x)))
              .toArray(String[]::new);
      if (n.contains(String.join("", padded))
          || embedded(n, padded)
          || embedded(n, reverse(padded)))
        return Optional.of("the name contains the address " + address.getHostAddress());
    } else {
      // IPv6 pools embed the low 64 bits as hex groups, e.g. 2001-db8-0-0-0-0-0-1.example.net.
      String h = InetAddresses.format(address);
      if (n.contains(h.replace(':', '-')) || n.contains(h.replace(":", "")))
        return Optional.of("the name contains the address " + h);
    }
    return Optional.empty();
  }

  private static boolean embedded(String name, String[] octets) {
    Pattern p = Pattern.compile("(^|\\D)" + String.join("[.\\-_x]{1,3}", octets) + "(\\D|$)");
    return p.matcher(name).find();
  }

  private static String[] reverse(String[] o) {
    return new String[] {o[3], o[2], o[1], o[0]};
  }
}
