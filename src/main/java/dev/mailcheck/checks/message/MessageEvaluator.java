package dev.mailcheck.checks.message;

import dev.mailcheck.checks.CheckSettings;
import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.dkim.SignatureFindings;
import dev.mailcheck.checks.message.MessageHeaders.HeaderIssue;
import dev.mailcheck.checks.spf.SpfResult;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings of a message analysis; pure (docs/checks.md, "message.*" and "bulk.*").
 *
 * <p>Over the ~300-line guide on purpose: the findings in the order a receiver decides (trace,
 * authentication, headers, bounce, bulk-sender rules) share the computed verdicts; parsing lives in
 * the other classes of the package.
 */
final class MessageEvaluator {
  private MessageEvaluator() {}

  static List<Finding> evaluate(MessageFacts f, boolean profile, CheckSettings settings) {
    AuthVerdicts a = AuthVerdicts.of(f);
    List<BulkRules.Rule> bulk = BulkRules.evaluate(f, a);
    Verdict v = Verdict.of(f, a, bulk, profile);
    List<Finding> out = new ArrayList<>();
    out.add(Finding.of(FindingId.MESSAGE_VERDICT, v.status(), v.text()).remedy(v.fix()).build());
    trace(f, out);
    authentication(f, a, out);
    headers(f, out);
    bounce(f, out);
    for (BulkRules.Rule r : bulk) {
      Status s = bulkStatus(r, profile);
      out.add(
          Finding.of(r.id(), s, r.rule() + " (" + r.providers() + ")")
              .detail(
                  r.detail()
                      + (profile || s == Status.PASS
                          ? ""
                          : ". Shown as info: "
                              + settings.switches().bulkSenderProfile()
                              + " makes these rules fail."))
              .remedy(r.met().filter(m -> !m).isPresent() ? r.fix() : "")
              .build());
    }
    return out;
  }

  static Status bulkStatus(BulkRules.Rule r, boolean profile) {
    if (r.met().isEmpty()) return Status.INFO;
    if (r.met().get()) return Status.PASS;
    return profile ? Status.FAIL : Status.INFO;
  }

  static String spfNotEvaluated(MessageFacts f) {
    Connection c = f.connection();
    if (c.ip().isEmpty())
      return "no connecting address: no Received field records one from outside the trust boundary (give the connecting address, or the receiver's trusted hosts so that the trace shows it)";
    if (!c.mailFromKnown())
      return "no MAIL FROM: the message has no Return-Path (give the MAIL FROM)";
    return "no domain to check: the MAIL FROM is empty and the HELO name is not a domain (give the HELO name)";
  }

  private static void trace(MessageFacts f, List<Finding> out) {
    Trace t = f.trace();
    List<String> evidence = new ArrayList<>();
    for (int i = 0; i < t.hops().size(); i++) {
      var h = t.hops().get(i);
      evidence.add(
          (i + 1)
              + ": "
              + (h.field().parsed()
                  ? h.field().fromName()
                      + " ["
                      + h.field().fromAddress().orElse("")
                      + "] -> "
                      + h.field().by()
                      + " "
                      + h.field().with()
                  : "(unparsed) " + MessageHeaders.clip(h.field().raw()))
              + h.delay().map(d -> " +" + d.toSeconds() + "s").orElse(""));
    }
    String detail =
        t.hops().size()
            + " hop(s)"
            + t.slowest()
                .map(
                    i ->
                        "; slowest: hop "
                            + (i + 1)
                            + " ("
                            + t.hops().get(i).delay().get().toSeconds()
                            + " s)")
                .orElse("")
            + t.external()
                .map(
                    i ->
                        "; first hop from outside the trust boundary: hop "
                            + (i + 1)
                            + " from "
                            + t.hops().get(i).field().fromAddress().orElse("?"))
                .orElse("; no hop from outside the trust boundary found");
    Status traceStatus = t.truncated() ? Status.WARN : Status.INFO;
    out.add(
        Finding.of(
                FindingId.MESSAGE_TRACE,
                traceStatus,
                t.truncated()
                    ? "The trace is longer than "
                        + Limits.RECEIVED_FIELDS
                        + " hops: only the top ones were read (a mail loop?)"
                    : "Received trace")
            .detail(detail)
            .evidence(evidence.size() > 20 ? evidence.subList(0, 20) : evidence)
            .build());
    for (int i = 0; i < t.hops().size(); i++) {
      var h = t.hops().get(i);
      if (!h.field().parsed())
        out.add(
            Finding.of(
                    FindingId.MESSAGE_RECEIVED_UNPARSED,
                    Status.INFO,
                    "Received field " + (i + 1) + " does not parse (shown raw)")
                .evidence(List.of(MessageHeaders.clip(h.field().raw())))
                .subject("hop " + (i + 1))
                .build());
      if (h.clockSkew())
        out.add(
            Finding.of(
                    FindingId.MESSAGE_CLOCK_SKEW,
                    Status.WARN,
                    "Hop "
                        + (i + 1)
                        + " is dated "
                        + (-h.delay().get().toSeconds())
                        + " s before the hop before it")
                .detail(
                    "A host's clock is wrong (or its time zone): delays in this trace are not reliable.")
                .remedy("Run NTP on " + h.field().by() + " (or the host before it).")
                .subject("hop " + (i + 1))
                .build());
    }
    t.externalHop()
        .ifPresent(
            h ->
                out.add(
                    Finding.of(
                            FindingId.MESSAGE_TLS,
                            h.field().tls() ? Status.PASS : Status.WARN,
                            h.field().tls()
                                ? "The hop into the receiver used TLS"
                                : "The hop into the receiver was not encrypted")
                        .detail(
                            h.field().by()
                                + " received from "
                                + h.field().fromAddress().orElse("?")
                                + " with "
                                + (h.field().with().isEmpty() ? "?" : h.field().with())
                                + (h.field().tlsNote().isEmpty()
                                    ? ""
                                    : " (" + h.field().tlsNote() + ")"))
                        .remedy(
                            h.field().tls()
                                ? ""
                                : "Enable STARTTLS on the sending MTA; Gmail marks unencrypted mail with a red padlock.")
                        .build()));
  }

  private static void authentication(MessageFacts f, AuthVerdicts a, List<Finding> out) {
    Connection c = f.connection();
    if (a.spf().isPresent()) {
      var e = a.spf().get();
      Status s =
          switch (e.result()) {
            case PASS -> Status.PASS;
            case FAIL, PERMERROR -> Status.FAIL;
            case SOFTFAIL, NEUTRAL, NONE -> Status.WARN;
            case TEMPERROR -> Status.ERROR;
          };
      out.add(
          Finding.of(
                  FindingId.MESSAGE_SPF,
                  s,
                  "SPF "
                      + e.result().token()
                      + " for "
                      + c.ip().map(InetAddresses::format).orElse("?")
                      + " as "
                      + a.spfDomain())
              .detail(
                  e.reason()
                      + ". MAIL FROM "
                      + (c.mailFrom().isEmpty() ? "<>" : c.mailFrom())
                      + " ("
                      + c.mailFromSource()
                      + "), HELO "
                      + c.helo()
                      + ".")
              .remedy(
                  e.result() == SpfResult.PASS
                      ? ""
                      : "Add the sending address to the SPF record of "
                          + a.spfDomain()
                          + " (ip4:/include:), or send with a MAIL FROM whose domain allows it.")
              .subject(a.spfDomain())
              .build());
    } else {
      out.add(
          Finding.of(FindingId.MESSAGE_SPF, Status.INFO, "SPF not evaluated")
              .detail(spfNotEvaluated(f))
              .build());
    }
    for (Finding d : SignatureFindings.of(f.dkim()))
      if (d.kind() != FindingId.DKIM_LINE_ENDINGS) out.add(d);

    var d = a.dmarc();
    Status ds =
        switch (d.result()) {
          case "pass" -> Status.PASS;
          case "fail" -> d.disposition().equals("none") ? Status.WARN : Status.FAIL;
          case "temperror" -> Status.ERROR;
          case "none" -> Status.WARN;
          default -> Status.INFO;
        };
    out.add(
        Finding.of(
                FindingId.MESSAGE_DMARC,
                ds,
                "DMARC "
                    + d.result()
                    + (d.fromDomain().isEmpty() ? "" : " for " + d.fromDomain())
                    + (d.result().equals("fail")
                        ? ": the policy asks to "
                            + (d.disposition().equals("none")
                                ? "deliver (p=none)"
                                : d.disposition())
                        : ""))
            .detail(
                d.reason()
                    + (d.policy().isPresent()
                        ? " (policy p="
                            + d.policy().get().token()
                            + " from _dmarc."
                            + d.policyDomain()
                            + ", aspf="
                            + d.aspf().token()
                            + ", adkim="
                            + d.adkim().token()
                            + (d.testing() ? ", t=y: one level weaker" : "")
                            + ")"
                        : ""))
            .remedy(
                ds == Status.PASS || ds == Status.INFO
                    ? ""
                    : d.result().equals("none")
                        ? "Publish a DMARC record for " + d.fromDomain() + " (p=none at least)."
                        : "Sign with DKIM as d="
                            + d.fromDomain()
                            + " or use an SPF-passing MAIL FROM in "
                            + d.fromDomain()
                            + ".")
            .subject(d.fromDomain())
            .build());

    var arc = f.arc();
    if (!arc.cv().equals("none"))
      out.add(
          Finding.of(
                  FindingId.MESSAGE_ARC,
                  arc.cv().equals("pass")
                      ? Status.PASS
                      : arc.temporary() ? Status.ERROR : Status.WARN,
                  "ARC chain "
                      + arc.cv()
                      + " ("
                      + arc.instances().size()
                      + " instance(s)"
                      + arc.sealer().map(s -> ", sealed last by " + s).orElse("")
                      + ")")
              .detail(
                  arc.reason()
                      + (arc.oldestPass() > 0 ? "; oldest pass: i=" + arc.oldestPass() : ""))
              .remedy(
                  arc.cv().equals("pass")
                      ? ""
                      : "A forwarder's ARC set does not validate: receivers will not use it to override a DMARC failure.")
              .build());

    for (AuthVerdicts.Comparison c2 : a.comparisons())
      out.add(
          Finding.of(
                  FindingId.MESSAGE_AUTH_RESULTS,
                  c2.agree() ? Status.PASS : Status.WARN,
                  c2.authservId()
                      + " said "
                      + c2.method()
                      + "="
                      + c2.receiver()
                      + (c2.agree() ? ", as mailcheck" : ", mailcheck says " + c2.mailcheck()))
              .detail(c2.note())
              .subject(c2.method() + (c2.subject().isEmpty() ? "" : " " + c2.subject()))
              .build());
  }

  private static void headers(MessageFacts f, List<Finding> out) {
    for (HeaderIssue i : f.headers().issues()) {
      FindingId id =
          switch (i.kind()) {
            case MISSING -> FindingId.MESSAGE_HEADER_MISSING;
            case DUPLICATE -> FindingId.MESSAGE_HEADER_DUPLICATE;
            case MALFORMED -> FindingId.MESSAGE_HEADER_MALFORMED;
            case EIGHT_BIT -> FindingId.MESSAGE_HEADER_8BIT;
            case LONG_LINE -> FindingId.MESSAGE_LINE_LENGTH;
            case NUL -> FindingId.MESSAGE_NUL;
            case NO_SEPARATOR -> FindingId.MESSAGE_HEADER_END;
          };
      Status s =
          i.field().equals("From")
                  && (i.kind() == HeaderIssue.Kind.MISSING
                      || i.kind() == HeaderIssue.Kind.DUPLICATE
                      || i.kind() == HeaderIssue.Kind.MALFORMED)
              ? Status.FAIL
              : Status.WARN;
      out.add(Finding.of(id, s, i.detail()).subject(i.field()).build());
    }
    if (f.lineEndingsConverted())
      out.add(
          Finding.of(
                  FindingId.MESSAGE_BARE_LF, Status.WARN, "The message uses bare LF line endings")
              .detail(
                  "RFC 5322 §2.3 and RFC 5321 §2.3.8 require CRLF; some receivers reject bare LF (SMTP smuggling defences). Read as CRLF here. A file saved by a mail client often has LF endings: then this is about the copy, not the message.")
              .build());
    if (f.body().longLines() > 0)
      out.add(
          Finding.of(
                  FindingId.MESSAGE_LINE_LENGTH,
                  Status.WARN,
                  f.body().longLines()
                      + " body line(s) longer than 998 octets (longest "
                      + f.body().longestLine()
                      + ")")
              .detail(
                  "RFC 5322 §2.1.1: receivers may break or reject such lines, which breaks DKIM. Use quoted-printable or base64.")
              .subject("body")
              .build());
    if (f.body().nulOctets() > 0)
      out.add(
          Finding.of(
                  FindingId.MESSAGE_NUL,
                  Status.WARN,
                  f.body().nulOctets() + " NUL octet(s) in the body")
              .detail(
                  "RFC 5322 §2.3 does not allow NUL; many MTAs reject or strip it. Binary content needs base64.")
              .subject("body")
              .build());
    f.body()
        .mimeProblem()
        .ifPresent(
            p ->
                out.add(
                    Finding.of(FindingId.MESSAGE_MIME, Status.WARN, "Broken MIME: " + p).build()));
  }

  private static void bounce(MessageFacts f, List<Finding> out) {
    if (f.body().dsn().isEmpty()) return;
    Dsn dsn = f.body().dsn().get();
    for (Dsn.Recipient r : dsn.recipients()) {
      Status s =
          r.failed() ? Status.FAIL : r.action().equals("delayed") ? Status.WARN : Status.INFO;
      out.add(
          Finding.of(
                  FindingId.MESSAGE_BOUNCE,
                  s,
                  (r.finalRecipient().isEmpty() ? "recipient" : r.finalRecipient())
                      + ": "
                      + r.action()
                      + " "
                      + r.status()
                      + " — "
                      + r.explanation().meaning())
              .detail(r.explanation().cause())
              .remedy(r.explanation().fix())
              .evidence(r.diagnostic().isEmpty() ? List.of() : List.of(r.diagnostic()))
              .subject(r.finalRecipient())
              .build());
    }
  }
}
