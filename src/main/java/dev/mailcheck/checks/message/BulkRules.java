package dev.mailcheck.checks.message;

import dev.mailcheck.checks.dkim.DkimResult;
import dev.mailcheck.checks.dkim.SignatureResult;
import dev.mailcheck.report.FindingId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bulk-sender requirements of Gmail and Yahoo (February 2024) and Microsoft Outlook.com (May
 * 2025) that one message can show. Each rule names the providers that state it. Pure.
 *
 * <p>Not checkable from a message, and so not here: the spam-complaint rate (Gmail and Yahoo: below
 * 0.3 %), honouring unsubscribes within two days, the sending volume.
 */
final class BulkRules {
  private BulkRules() {}

  /**
   * One rule's outcome.
   *
   * @param met the message meets it; empty when it cannot be told (no connecting address known)
   */
  record Rule(
      FindingId id,
      String rule,
      String providers,
      Optional<Boolean> met,
      String detail,
      String fix) {}

  static final String ALL = "Gmail, Yahoo, Microsoft";

  static List<Rule> evaluate(MessageFacts f, AuthVerdicts a) {
    List<Rule> out = new ArrayList<>();
    boolean spf = a.spfPass();
    boolean dkim = a.dkimPass();
    out.add(
        new Rule(
            FindingId.BULK_AUTHENTICATION,
            "SPF and DKIM both pass",
            ALL,
            a.spf().isEmpty() && dkim ? Optional.empty() : Optional.of(spf && dkim),
            "SPF "
                + a.spf().map(e -> e.result().token()).orElse("not evaluated")
                + ", DKIM "
                + (dkim ? "pass" : "no passing signature"),
            "publish SPF for every sending IP and sign every message with DKIM (2048-bit RSA or Ed25519)"));
    boolean published = a.dmarc().policy().isPresent();
    out.add(
        new Rule(
            FindingId.BULK_DMARC,
            "DMARC policy published (p=none at least)",
            ALL,
            a.dmarc().result().equals("not evaluated") ? Optional.empty() : Optional.of(published),
            published
                ? "p=" + a.dmarc().policy().get().token() + " at _dmarc." + a.dmarc().policyDomain()
                : "no usable DMARC record for " + a.dmarc().fromDomain(),
            "publish _dmarc."
                + (a.dmarc().fromDomain().isEmpty() ? "DOMAIN" : a.dmarc().fromDomain())
                + " TXT \"v=DMARC1; p=none; rua=mailto:...\""));
    boolean aligned = a.dmarc().spfAligned() || a.dmarc().dkimAligned();
    out.add(
        new Rule(
            FindingId.BULK_ALIGNMENT,
            "From domain aligned with SPF or DKIM (DMARC pass)",
            ALL,
            a.dmarc().result().equals("not evaluated") ? Optional.empty() : Optional.of(aligned),
            a.dmarc().reason(),
            "sign with d= the From domain (or a subdomain of its organizational domain), or send with a MAIL FROM in it"));
    out.add(unsubscribe(f, a));
    boolean format =
        f.headers().issues().stream()
            .noneMatch(
                i ->
                    List.of("From", "Date", "Message-ID").contains(i.field())
                        && i.kind() != MessageHeaders.HeaderIssue.Kind.LONG_LINE);
    out.add(
        new Rule(
            FindingId.BULK_FORMAT,
            "From, Date and Message-ID valid (RFC 5322)",
            ALL,
            Optional.of(format),
            format
                ? "From, Date and Message-ID are present and well-formed"
                : "see the message.header-* findings",
            "generate one valid From, Date and Message-ID per message"));
    Optional<Boolean> ptr =
        f.ptr().map(p -> p.forwards().stream().anyMatch(x -> x.confirms(p.address())));
    out.add(
        new Rule(
            FindingId.BULK_PTR,
            "Sending address has forward-confirmed reverse DNS",
            "Gmail",
            ptr,
            f.ptr().isEmpty()
                ? "no connecting address known (give it)"
                : ptr.get()
                    ? "PTR " + String.join(", ", f.ptr().get().names()) + " resolves back"
                    : "PTR missing or not resolving back to the address",
            "ask the owner of the sending IP for a PTR record whose name resolves back to it"));
    Optional<Boolean> tls = f.trace().externalHop().map(h -> h.field().tls());
    out.add(
        new Rule(
            FindingId.BULK_TLS,
            "TLS on the hop into the receiver",
            "Gmail",
            tls,
            tls.isEmpty()
                ? "no external hop found in the trace"
                : tls.get() ? "the external hop used TLS" : "the external hop was in clear text",
            "enable STARTTLS on the sending MTA (Postfix: smtp_tls_security_level = may)"));
    return out;
  }

  /**
   * RFC 8058: an https List-Unsubscribe URI, List-Unsubscribe-Post, both signed by a passing DKIM.
   */
  private static Rule unsubscribe(MessageFacts f, AuthVerdicts a) {
    var lu = f.headers().first("List-Unsubscribe");
    var lup = f.headers().first("List-Unsubscribe-Post");
    List<String> problems = new ArrayList<>();
    if (lu.isEmpty()) problems.add("no List-Unsubscribe");
    else if (!lu.get().value().toLowerCase(Locale.ROOT).contains("<https://"))
      problems.add("List-Unsubscribe has no https URI");
    if (lup.isEmpty()) problems.add("no List-Unsubscribe-Post");
    else if (!lup.get().value().replace("\r\n", "").strip().equals("List-Unsubscribe=One-Click"))
      problems.add("List-Unsubscribe-Post is not exactly \"List-Unsubscribe=One-Click\"");
    if (problems.isEmpty()) {
      boolean covered = false;
      for (SignatureResult s : a.dkim())
        if (s.result() == DkimResult.PASS
            && s.signature().signedHeaders().contains("list-unsubscribe")
            && s.signature().signedHeaders().contains("list-unsubscribe-post")) covered = true;
      if (!covered)
        problems.add(
            "no passing DKIM signature covers List-Unsubscribe and List-Unsubscribe-Post (RFC 8058 §4)");
    }
    return new Rule(
        FindingId.BULK_UNSUBSCRIBE,
        "One-click unsubscribe (RFC 8058)",
        "Gmail, Yahoo",
        Optional.of(problems.isEmpty()),
        problems.isEmpty()
            ? "List-Unsubscribe (https) and List-Unsubscribe-Post, DKIM-signed"
            : String.join("; ", problems),
        "add List-Unsubscribe: <https://...>, List-Unsubscribe-Post: List-Unsubscribe=One-Click, and sign both with DKIM (h=...:list-unsubscribe:list-unsubscribe-post)");
  }
}
