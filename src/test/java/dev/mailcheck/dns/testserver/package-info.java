/**
 * An in-process authoritative DNS server on 127.0.0.1 (UDP and TCP) for tests and benchmarks, with
 * zones from files or code and fault injection: SERVFAIL, REFUSED, other RCODEs, dropped queries,
 * truncation and latency. See {@link dev.mailcheck.dns.testserver.TestDnsServer}.
 */
package dev.mailcheck.dns.testserver;
