/**
 * BIMI (Brand Indicators for Message Identification,
 * draft-brand-indicators-for-message-identification): the assertion record at {@code
 * SELECTOR._bimi.DOMAIN} (falling back to the organizational domain), the DMARC precondition (an
 * enforcing policy), the logo at {@code l=} checked against the SVG Tiny Portable/Secure profile,
 * and the evidence document at {@code a=} (a Verified or Common Mark Certificate): its dates,
 * names, and the logotype extension (RFC 3709) whose hash must match the logo. Logos are parsed by
 * a StAX reader that refuses DTDs and external entities.
 */
package dev.mailcheck.checks.bimi;
