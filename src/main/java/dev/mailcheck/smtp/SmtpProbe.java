package dev.mailcheck.smtp;

/**
 * Probes one SMTP service. Never throws for anything the server or network does: every outcome is
 * in the {@link ProbeResult}. Thread-safe; run many probes in parallel on virtual threads.
 *
 * <pre>{@code
 * SmtpProbe probe = new SocketSmtpProbe(dns);
 * ProbeResult r = probe.probe(ProbeRequest.builder("mx1.example.com", 25)
 *     .addresses(List.of(addr)).timeout(Duration.ofSeconds(5)).insecure(true).build());
 * }</pre>
 */
public interface SmtpProbe {
  ProbeResult probe(ProbeRequest request);
}
