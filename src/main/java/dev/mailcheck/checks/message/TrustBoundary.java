package dev.mailcheck.checks.message;

import java.util.List;
import java.util.Locale;

/**
 * Where the receiving side's own Received fields end (the {@code --trusted-hosts} of the CLI): the
 * first hop below it is the connection from the outside, whose address SPF and PTR are evaluated
 * for. Fields above it are the receiver's word; fields below it are the sender's claims.
 */
public sealed interface TrustBoundary {
  /** The first field (from the top) whose connecting address is public, else the first with any. */
  record Auto() implements TrustBoundary {}

  /** The top {@code fields} Received fields were added by the receiving side. */
  record Count(int fields) implements TrustBoundary {
    public Count {
      if (fields < 1) throw new IllegalArgumentException("at least 1");
    }
  }

  /** Hosts of the receiving side, by name (a name matches itself and its subdomains) or address. */
  record Hosts(List<String> names) implements TrustBoundary {
    public Hosts {
      names = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    boolean trusts(ReceivedField f) {
      for (String n : names) {
        for (String h : List.of(f.fromName(), f.fromRdns(), f.fromAddress().orElse(""))) {
          String x = h.toLowerCase(Locale.ROOT);
          if (!x.isEmpty() && (x.equals(n) || x.endsWith("." + n))) return true;
        }
      }
      return false;
    }
  }
}
