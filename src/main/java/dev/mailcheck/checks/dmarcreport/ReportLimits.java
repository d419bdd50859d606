package dev.mailcheck.checks.dmarcreport;

/**
 * The bounds every input is read within: decompression bombs, huge attachments and endless
 * directories end in a one-line refusal, never in exhausted memory.
 *
 * @param maxXmlBytes bytes one report may decompress to
 * @param maxZipEntries entries a zip archive may hold
 * @param maxAttachmentBytes encoded bytes of one e-mail attachment
 * @param maxFiles files read from the command line and directories together
 * @param maxSources distinct source addresses kept; the rest are summed as one "other" source
 * @param maxPtrLookups source addresses (the busiest) whose PTR is looked up
 */
public record ReportLimits(
    long maxXmlBytes,
    int maxZipEntries,
    int maxAttachmentBytes,
    int maxFiles,
    int maxSources,
    int maxPtrLookups) {
  public static ReportLimits defaults() {
    return new ReportLimits(128L << 20, 32, 64 << 20, 100_000, 100_000, 1_000);
  }
}
