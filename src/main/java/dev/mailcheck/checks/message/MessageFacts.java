package dev.mailcheck.checks.message;

import dev.mailcheck.checks.arc.ArcValidator;
import dev.mailcheck.checks.dkim.Verification;
import dev.mailcheck.checks.dmarc.DmarcFacts;
import dev.mailcheck.checks.ptr.PtrFacts;
import dev.mailcheck.checks.spf.SpfCheck;
import java.util.Optional;

/**
 * What the analysis of one message fetched and read: the header section and trace, one pass over
 * the body, the DKIM and ARC verdicts (their crypto needs the body, so it runs in the fetch), and
 * the SPF, DMARC and PTR lookups, all started at once.
 *
 * @param spf check_host() for the connection, when an address and a domain were known
 * @param dmarc the From domain's DMARC lookups, when the From domain is known
 * @param ptr the connecting address's reverse DNS
 */
public record MessageFacts(
    MessageHeaders headers,
    Trace trace,
    Connection connection,
    BodyScan.Result body,
    boolean lineEndingsConverted,
    Verification dkim,
    ArcValidator.Result arc,
    Optional<SpfCheck.Query> spfQuery,
    Optional<SpfCheck.Facts> spf,
    Optional<DmarcFacts> dmarc,
    Optional<PtrFacts> ptr) {}
