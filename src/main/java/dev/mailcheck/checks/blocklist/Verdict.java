package dev.mailcheck.checks.blocklist;

import dev.mailcheck.dns.DnsRecord;
import dev.mailcheck.dns.DnsResult;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * What one list's answer about one target means. Pure: an answer is a listing only when it is one
 * of the codes the list documents; everything else that is not NXDOMAIN is an error with a reason,
 * never a listing and never "not listed".
 */
public sealed interface Verdict {
  /** NXDOMAIN (or a name without A records): not on the list. */
  record NotListed() implements Verdict {}

  /**
   * Listed for abuse; {@code codes} may also hold policy codes answered alongside (ZEN answers
   * 127.0.0.2 and 127.0.0.10 together).
   */
  record Listed(List<ReturnCode> codes, List<String> answers) implements Verdict {
    public Listed {
      codes = List.copyOf(codes);
      answers = List.copyOf(answers);
    }
  }

  /** Listed only by policy (PBL): not for direct-to-MX delivery. */
  record Policy(List<ReturnCode> codes, List<String> answers) implements Verdict {
    public Policy {
      codes = List.copyOf(codes);
      answers = List.copyOf(answers);
    }
  }

  /**
   * No usable answer.
   *
   * @param meaning the list's own words for a documented error code, else empty
   */
  record Failed(ReturnCode.ErrorReason reason, String meaning, List<String> answers)
      implements Verdict {
    public Failed {
      answers = List.copyOf(answers);
    }
  }

  static Verdict of(Blocklist list, DnsResult a) {
    return switch (a) {
      case DnsResult.NxDomain n -> new NotListed();
      case DnsResult.NoData n -> new NotListed();
      case DnsResult.ServFail s -> failed(a);
      case DnsResult.Timeout t -> failed(a);
      case DnsResult.Refused r -> failed(a);
      case DnsResult.Records r -> classify(list, r.of(DnsRecord.Address.class));
    };
  }

  private static Verdict failed(DnsResult a) {
    return new Failed(ReturnCode.ErrorReason.LOOKUP_FAILED, a.outcome(), List.of());
  }

  private static Verdict classify(Blocklist list, List<DnsRecord.Address> records) {
    List<ReturnCode> listed = new ArrayList<>();
    List<ReturnCode> policy = new ArrayList<>();
    List<String> answers = new ArrayList<>();
    Failed failure = null;
    for (DnsRecord.Address r : records) {
      InetAddress address = r.address();
      answers.add(address.getHostAddress());
      if (address.getAddress().length != 4) {
        failure = worse(failure, ReturnCode.ErrorReason.NOT_LOOPBACK, "");
        continue;
      }
      long n = ReturnCode.number(address);
      List<ReturnCode> hits = list.codes().stream().filter(c -> c.matches(n)).toList();
      ReturnCode error =
          hits.stream().filter(c -> c.type() == ReturnCode.Type.ERROR).findFirst().orElse(null);
      if (error != null) {
        failure = worse(failure, error.reason().orElseThrow(), error.meaning());
      } else if (!hits.isEmpty()) {
        for (ReturnCode c : hits) (c.type() == ReturnCode.Type.POLICY ? policy : listed).add(c);
      } else if ((n >>> 24) != 127) {
        failure = worse(failure, ReturnCode.ErrorReason.NOT_LOOPBACK, "");
      } else if (n == 0x7f000001L) {
        failure = worse(failure, ReturnCode.ErrorReason.LOOPBACK_ANSWER, "");
      } else {
        failure = worse(failure, ReturnCode.ErrorReason.UNDOCUMENTED, "");
      }
    }
    if (failure != null) return new Failed(failure.reason(), failure.meaning(), answers);
    if (!listed.isEmpty()) {
      listed.addAll(policy);
      return new Listed(listed, answers);
    }
    if (!policy.isEmpty()) return new Policy(policy, answers);
    return new NotListed();
  }

  /** The first documented error wins over a guess; otherwise the first seen. */
  private static Failed worse(Failed sofar, ReturnCode.ErrorReason reason, String meaning) {
    if (sofar == null || (sofar.meaning().isEmpty() && !meaning.isEmpty()))
      return new Failed(reason, meaning, List.of());
    return sofar;
  }
}
