/**
 * Many domains per run, and mailcheck as a library: {@link dev.mailcheck.scan.DomainScanner} checks
 * domains with one rate-limited resolver and one SMTP probe that shares sessions per MX address;
 * {@link dev.mailcheck.scan.BatchRun} streams a domain list through it with bounded work and writes
 * each report as it finishes (docs/scale.md). No static mutable state: open a scanner per worker.
 */
package dev.mailcheck.scan;
