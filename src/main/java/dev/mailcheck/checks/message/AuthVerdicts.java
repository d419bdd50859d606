package dev.mailcheck.checks.message;

import dev.mailcheck.checks.arc.ArcValidator;
import dev.mailcheck.checks.dkim.DkimResult;
import dev.mailcheck.checks.dkim.SignatureResult;
import dev.mailcheck.checks.dmarc.Alignment;
import dev.mailcheck.checks.dmarc.DmarcDiscovery;
import dev.mailcheck.checks.dmarc.DmarcRecord;
import dev.mailcheck.checks.dmarc.Policy;
import dev.mailcheck.checks.dmarc.PublicSuffixes;
import dev.mailcheck.checks.spf.SpfEvaluation;
import dev.mailcheck.checks.spf.SpfResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * mailcheck's own verdicts on a message, derived purely from the facts: SPF for the connection,
 * every DKIM signature, DMARC for the From domain (RFC 9989 discovery, identifier alignment, the
 * disposition the policy asks for), ARC; and how they compare with the receivers' {@code
 * Authentication-Results}.
 */
record AuthVerdicts(
    Optional<SpfEvaluation> spf,
    String spfDomain,
    List<SignatureResult> dkim,
    Dmarc dmarc,
    ArcValidator.Result arc,
    List<Comparison> comparisons) {

  /**
   * @param result pass, fail, none (no policy), temperror, or "not evaluated"
   * @param disposition what the policy asks for this message: none, quarantine or reject
   */
  record Dmarc(
      String result,
      String fromDomain,
      String policyDomain,
      Optional<Policy> policy,
      String disposition,
      Alignment aspf,
      Alignment adkim,
      boolean spfAligned,
      boolean dkimAligned,
      String alignedDkimDomain,
      boolean testing,
      String reason) {}

  /**
   * One result of a receiver's Authentication-Results next to mailcheck's.
   *
   * @param subject what the result is about (header.d, smtp.mailfrom)
   * @param note which side changed and the likely reason, when they differ
   */
  record Comparison(
      String authservId,
      String method,
      String subject,
      String receiver,
      String mailcheck,
      boolean agree,
      String note) {}

  static AuthVerdicts of(MessageFacts f) {
    Optional<SpfEvaluation> spf = f.spf().flatMap(s -> s.evaluation());
    String spfDomain = f.spfQuery().map(q -> q.domain()).orElse("");
    List<SignatureResult> dkim = f.dkim().signatures();
    Dmarc dmarc = dmarc(f, spf, spfDomain, dkim);
    AuthVerdicts partial = new AuthVerdicts(spf, spfDomain, dkim, dmarc, f.arc(), List.of());
    return new AuthVerdicts(spf, spfDomain, dkim, dmarc, f.arc(), compare(f, partial));
  }

  boolean spfPass() {
    return spf.filter(e -> e.result() == SpfResult.PASS).isPresent();
  }

  boolean dkimPass() {
    return dkim.stream().anyMatch(s -> s.result() == DkimResult.PASS);
  }

  static boolean aligned(String identifier, String from, Alignment mode) {
    if (identifier.isEmpty() || from.isEmpty()) return false;
    String a = identifier.toLowerCase(Locale.ROOT);
    String b = from.toLowerCase(Locale.ROOT);
    return mode == Alignment.STRICT
        ? a.equals(b)
        : a.equals(b) || PublicSuffixes.sameOrganization(a, b);
  }

  private static Dmarc dmarc(
      MessageFacts f, Optional<SpfEvaluation> spf, String spfDomain, List<SignatureResult> dkim) {
    String from = f.headers().fromDomain().orElse("");
    if (from.isEmpty() || f.dmarc().isEmpty())
      return new Dmarc(
          "not evaluated",
          from,
          "",
          Optional.empty(),
          "none",
          Alignment.RELAXED,
          Alignment.RELAXED,
          false,
          false,
          "",
          false,
          "the message has no single From domain");
    var outcome = DmarcDiscovery.rfc9989(f.dmarc().get());
    Alignment aspf = Alignment.RELAXED;
    Alignment adkim = Alignment.RELAXED;
    Optional<Policy> policy = Optional.empty();
    String policyDomain = "";
    boolean testing = false;
    if (outcome.found().isPresent()) {
      DmarcRecord r = outcome.found().get().record();
      aspf = r.aspf();
      adkim = r.adkim();
      policyDomain = outcome.found().get().domain();
      testing = r.testing();
      if (r.usable())
        policy =
            policyDomain.equalsIgnoreCase(from)
                ? r.p()
                : f.dmarc().get().nonExistent() ? r.effectiveNp() : r.effectiveSp();
    }
    boolean spfAligned =
        spf.filter(e -> e.result() == SpfResult.PASS).isPresent() && aligned(spfDomain, from, aspf);
    String dkimDomain = "";
    for (SignatureResult s : dkim)
      if (s.result() == DkimResult.PASS && aligned(s.signature().domain(), from, adkim)) {
        dkimDomain = s.signature().domain().toLowerCase(Locale.ROOT);
        break;
      }
    boolean dkimAligned = !dkimDomain.isEmpty();
    String result;
    String reason;
    String disposition = "none";
    if (outcome.kind() == DmarcDiscovery.Kind.ERROR) {
      result = "temperror";
      reason = outcome.detail();
    } else if (policy.isEmpty()) {
      result = "none";
      reason =
          outcome.found().isPresent()
              ? "the DMARC record at _dmarc." + policyDomain + " is not usable"
              : "no DMARC record for " + from;
    } else if (spfAligned || dkimAligned) {
      result = "pass";
      reason =
          (dkimAligned ? "DKIM d=" + dkimDomain + " aligned" : "")
              + (dkimAligned && spfAligned ? ", " : "")
              + (spfAligned ? "SPF " + spfDomain + " aligned" : "");
    } else {
      result = "fail";
      Policy p = policy.get();
      if (testing && p != Policy.NONE) p = Policy.values()[p.ordinal() - 1]; // RFC 9989 t=y
      disposition = p.token();
      List<String> why = new ArrayList<>();
      if (spf.filter(e -> e.result() == SpfResult.PASS).isEmpty()) why.add("SPF did not pass");
      else
        why.add(
            "SPF passed for "
                + spfDomain
                + ", which is not aligned with "
                + from
                + " (aspf="
                + aspf.token()
                + ")");
      if (dkim.stream().noneMatch(s -> s.result() == DkimResult.PASS))
        why.add("no DKIM signature passed");
      else
        why.add(
            "DKIM passed only for d="
                + String.join(
                    ",",
                    dkim.stream()
                        .filter(s -> s.result() == DkimResult.PASS)
                        .map(s -> s.signature().domain())
                        .toList())
                + ", not aligned with "
                + from
                + " (adkim="
                + adkim.token()
                + ")");
      reason = String.join("; ", why);
    }
    return new Dmarc(
        result,
        from,
        policyDomain,
        policy,
        disposition,
        aspf,
        adkim,
        spfAligned,
        dkimAligned,
        dkimDomain,
        testing,
        reason);
  }

  private static List<Comparison> compare(MessageFacts f, AuthVerdicts ours) {
    List<Comparison> out = new ArrayList<>();
    for (AuthResults ar : f.headers().authResults()) {
      for (AuthResults.Entry e : ar.entries()) {
        switch (e.method()) {
          case "spf" -> {
            if (ours.spf().isEmpty()) continue;
            String mine = ours.spf().get().result().token();
            boolean agree = mine.equals(e.result());
            out.add(
                new Comparison(
                    ar.authservId(),
                    "spf",
                    e.property("smtp.mailfrom").orElse(""),
                    e.result(),
                    mine,
                    agree,
                    agree
                        ? ""
                        : "the receiver evaluated another address or MAIL FROM (compare the client IP it names and its smtp.mailfrom with the address and MAIL FROM used here), or the SPF record changed since delivery"));
          }
          case "dkim" -> {
            String d =
                e.property("header.d")
                    .orElse(
                        e.property("header.i")
                            .map(i -> i.substring(i.indexOf('@') + 1))
                            .orElse(""));
            String b = e.property("header.b").orElse("");
            Optional<SignatureResult> match =
                ours.dkim().stream()
                    .filter(s -> d.isEmpty() || s.signature().domain().equalsIgnoreCase(d))
                    .filter(
                        s ->
                            b.isEmpty()
                                || java.util.Base64.getEncoder()
                                    .encodeToString(s.signature().signatureData())
                                    .startsWith(b))
                    .findFirst();
            if (match.isEmpty()) continue;
            String mine = match.get().result().token();
            boolean agree = mine.equals(e.result());
            out.add(
                new Comparison(
                    ar.authservId(),
                    "dkim",
                    "d=" + match.get().signature().domain(),
                    e.result(),
                    mine,
                    agree,
                    agree ? "" : dkimNote(e.result(), match.get())));
          }
          case "dmarc" -> {
            if (ours.dmarc().result().equals("not evaluated")) continue;
            String mine = ours.dmarc().result();
            boolean agree = mine.equals(e.result());
            String note = "";
            if (!agree)
              note =
                  e.result().equals("pass") && !mine.equals("pass")
                      ? "follows from the SPF/DKIM differences: the receiver saw the message before it was changed"
                          + (ours.arc().cv().equals("pass")
                              ? " (the ARC chain by "
                                  + ours.arc().sealer().orElse("?")
                                  + " records that)"
                              : "")
                      : e.result().equals("fail") && mine.equals("pass")
                          ? "the receiver's SPF or DKIM result differed (see above), or the policy changed since"
                          : "the policy or the SPF/DKIM results differ between then and now";
            out.add(
                new Comparison(
                    ar.authservId(),
                    "dmarc",
                    "header.from=" + ours.dmarc().fromDomain(),
                    e.result(),
                    mine,
                    agree,
                    note));
          }
          case "arc" -> {
            String mine = ours.arc().cv();
            boolean agree = mine.equals(e.result());
            out.add(
                new Comparison(
                    ar.authservId(),
                    "arc",
                    ours.arc().sealer().map(s -> "sealer " + s).orElse(""),
                    e.result(),
                    mine,
                    agree,
                    agree
                        ? ""
                        : "the receiver added or checked ARC sets before the last change; a later ARC set or a modification changes the result"));
          }
          default -> {}
        }
      }
    }
    return out;
  }

  private static String dkimNote(String receiver, SignatureResult mine) {
    if (receiver.equals("pass")) {
      String reason = mine.reason();
      if (reason.startsWith("body hash mismatch"))
        return "the body changed after the receiver verified it: a forwarder or mailing list (footer, re-encoding), or the saved copy was altered (line endings, a mail client)";
      if (reason.startsWith("signature mismatch"))
        return "a signed header field changed after the receiver verified it (a forwarder rewrote Subject/From, or the copy was edited)";
      if (mine.result() == DkimResult.PERMERROR)
        return "the key is not there now: rotated or removed since delivery (" + reason + ")";
      if (mine.result() == DkimResult.TEMPERROR)
        return "mailcheck's key lookup failed now: " + reason;
      return reason;
    }
    if (mine.result() == DkimResult.PASS)
      return "the receiver's key lookup failed, its copy differed, or the key was published after delivery";
    return "both fail, for different reasons: " + mine.reason();
  }
}
