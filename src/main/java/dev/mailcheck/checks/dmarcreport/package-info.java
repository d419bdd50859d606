/**
 * DMARC aggregate reports (RFC 7489 §7.2 and Appendix C; RFC 9990): reading them as receivers send
 * them (XML, gzip, zip, or attached to the e-mail that carries them, one message or an mbox),
 * refusing DTDs, entities and decompression bombs with bounded memory, summing them per source
 * address, and telling which sources are legitimate but unaligned, which look like spoofing, and
 * whether the domain is ready for a stricter policy.
 */
package dev.mailcheck.checks.dmarcreport;
