package dev.mailcheck.cli;

import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.blocklist.Blocklist;
import dev.mailcheck.checks.blocklist.BlocklistCheck;
import dev.mailcheck.checks.blocklist.BlocklistTarget;
import dev.mailcheck.internal.DomainNames;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.internal.InputException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailcheck blocklist IP|CIDR|DOMAIN...}: DNS blocklist lookups. */
@Command(
    name = "blocklist",
    description = {
      "Look up addresses and domains on DNS blocklists.",
      "Addresses (IPv4 reversed, IPv6 as nibbles) are asked of the DNSBLs (Spamhaus ZEN, SpamCop, Barracuda, PSBL, Mailspike, UCEPROTECT L1), domains of the domain lists (Spamhaus DBL, SURBL, URIBL), all at once. An answer a list does not document as a listing (Spamhaus' 127.255.255.254 for public resolvers, 127.0.0.1, anything outside 127/8) is an error with the reason, never 'listed'; a timeout or SERVFAIL is an error, never 'not listed'.",
      "A CIDR block is expanded to at most 256 addresses (an IPv4 /24, an IPv6 /120)."
    })
final class BlocklistCommand extends BaseCommand {
  /** Addresses one CIDR argument may expand to. */
  static final int MAX_CIDR = 256;

  /** Targets one run looks up. */
  static final int MAX_TARGETS = 1024;

  @Parameters(
      arity = "1..*",
      paramLabel = "IP|CIDR|DOMAIN",
      description = "IPv4 or IPv6 addresses, CIDR blocks (at most 256 addresses) or domains.")
  List<String> targets = new ArrayList<>();

  @Mixin BlocklistOptions lists = new BlocklistOptions();

  @Option(
      names = "--allow-private",
      description =
          "Also look up loopback, private and reserved addresses (labs, private lists); by default"
              + " they are skipped.")
  boolean allowPrivate;

  @Override
  public Integer call() throws Exception {
    RunContext ctx = context();
    List<BlocklistTarget> parsed = parse(targets);
    List<Blocklist> chosen = lists.resolve();
    BlocklistCheck.Query query = new BlocklistCheck.Query(parsed, chosen);
    String shown = String.join(" ", targets.stream().map(String::strip).toList());
    return runWithDns(
        ctx,
        settings(ctx).withAllowPrivate(allowPrivate),
        checks -> report("blocklist", shown, Checks.BLOCKLIST.run(query, checks).join()));
  }

  static List<BlocklistTarget> parse(List<String> args) {
    Set<BlocklistTarget> out = new LinkedHashSet<>();
    for (String raw : args) {
      String s = raw.strip();
      if (s.isEmpty()) throw new InputException("an empty target; give an IP, CIDR or domain");
      if (s.contains("/")) {
        for (InetAddress a : expand(s))
          out.add(BlocklistTarget.address(a, BlocklistTarget.Role.GIVEN, ""));
      } else {
        Optional<InetAddress> a = InetAddresses.parse(s);
        if (a.isPresent()) {
          Hosts.notAHostAddress(a.get())
              .ifPresent(
                  what -> {
                    throw new InputException("'" + s + "' is " + what + ", not a host address");
                  });
          out.add(BlocklistTarget.address(a.get(), BlocklistTarget.Role.GIVEN, ""));
        } else {
          if (s.matches("[0-9.]+"))
            throw new InputException("'" + s + "' is not a valid IPv4 address");
          out.add(BlocklistTarget.domain(DomainNames.normalize(s), BlocklistTarget.Role.GIVEN, ""));
        }
      }
      if (out.size() > MAX_TARGETS)
        throw new InputException("more than " + MAX_TARGETS + " targets in one run; split them");
    }
    return List.copyOf(out);
  }

  /** The addresses of a CIDR block, at most {@link #MAX_CIDR}; host bits are ignored. */
  static List<InetAddress> expand(String cidr) {
    int slash = cidr.indexOf('/');
    Optional<InetAddress> base = InetAddresses.parse(cidr.substring(0, slash));
    String bitsText = cidr.substring(slash + 1);
    if (base.isEmpty() || !bitsText.matches("\\d{1,3}"))
      throw new InputException("'" + cidr + "' is not a CIDR block (e.g. 192.0.2.0/28)");
    byte[] b = base.get().getAddress();
    int width = b.length * 8;
    int bits = Integer.parseInt(bitsText);
    if (bits > width)
      throw new InputException("'" + cidr + "': the prefix length is at most " + width);
    int hostBits = width - bits;
    if (hostBits > 8)
      throw new InputException(
          "'"
              + cidr
              + "' holds 2^"
              + hostBits
              + " addresses; at most "
              + MAX_CIDR
              + " are looked up at once (an IPv4 /24 or an IPv6 /120): split it");
    BigInteger start = new BigInteger(1, b).shiftRight(hostBits).shiftLeft(hostBits);
    List<InetAddress> out = new ArrayList<>();
    for (int i = 0; i < (1 << hostBits); i++) {
      byte[] raw = start.add(BigInteger.valueOf(i)).toByteArray();
      byte[] addr = new byte[b.length];
      int copy = Math.min(raw.length, addr.length);
      System.arraycopy(raw, raw.length - copy, addr, addr.length - copy, copy);
      try {
        out.add(InetAddress.getByAddress(addr));
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }
}
