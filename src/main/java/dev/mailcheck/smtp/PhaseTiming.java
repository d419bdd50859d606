package dev.mailcheck.smtp;

/** How long one phase took and whether it completed. */
public record PhaseTiming(Phase phase, long millis, boolean ok) {}
