package dev.mailcheck.report.view;

import java.util.List;

/**
 * The {@code message} view of {@code mailcheck message}: the verdict on top, then the message in
 * the order a receiver decides (trace, authentication, bulk-sender rules, bounce). Absent values
 * are "" or null (docs/report.schema.json).
 */
public record MessageView(
    Verdict verdict,
    Summary summary,
    Trace trace,
    Authentication authentication,
    List<BulkRule> bulkSender,
    Bounce bounce)
    implements View {
  public MessageView {
    bulkSender = List.copyOf(bulkSender);
  }

  /**
   * @param status pass, info, warn or fail
   */
  public record Verdict(String status, String text, String fix) {}

  /**
   * @param returnPath the Return-Path ("" for the null sender, null when absent)
   */
  public record Summary(
      String from,
      String subject,
      String date,
      String messageId,
      String returnPath,
      long sizeOctets,
      int headerFields) {}

  /**
   * @param hops oldest first
   * @param externalHop the 1-based number of the first hop from outside the trust boundary, or null
   * @param slowestHop the 1-based number of the slowest hop, or null
   * @param truncated more Received fields than were analysed
   */
  public record Trace(List<Hop> hops, Integer externalHop, Integer slowestHop, boolean truncated) {
    public Trace {
      hops = List.copyOf(hops);
    }
  }

  /**
   * One Received field.
   *
   * @param delaySeconds from the previous hop (or the Date field), null when a date is missing
   * @param trusted added by the receiving side (above the trust boundary)
   * @param parsed false when the field did not parse: {@code raw} is all there is
   */
  public record Hop(
      int number,
      String from,
      String fromAddress,
      String by,
      String with,
      String id,
      String forAddress,
      String date,
      Long delaySeconds,
      boolean clockSkew,
      boolean tls,
      String tlsNote,
      boolean authenticated,
      boolean trusted,
      boolean parsed,
      String raw) {}

  public record Authentication(
      Spf spf,
      List<DkimVerifyView.SignatureView> dkim,
      Dmarc dmarc,
      Arc arc,
      List<ReceiverResult> receiverResults) {
    public Authentication {
      dkim = List.copyOf(dkim);
      receiverResults = List.copyOf(receiverResults);
    }
  }

  /**
   * @param result the RFC 7208 result, or "not evaluated"
   * @param source where the address and MAIL FROM came from
   */
  public record Spf(
      String result,
      String ip,
      String mailFrom,
      String helo,
      String domain,
      String source,
      String reason) {}

  /**
   * @param disposition what the policy asks for this message: none, quarantine, reject
   */
  public record Dmarc(
      String result,
      String fromDomain,
      String policyDomain,
      String policy,
      String disposition,
      String aspf,
      String adkim,
      boolean spfAligned,
      boolean dkimAligned,
      String reason) {}

  /**
   * @param cv none, pass or fail (RFC 8617)
   * @param oldestPass the lowest instance from which every AMS validates, null when not known
   */
  public record Arc(String cv, String reason, Integer oldestPass, List<ArcInstance> instances) {
    public Arc {
      instances = List.copyOf(instances);
    }
  }

  public record ArcInstance(
      int instance,
      String sealer,
      String selector,
      String cv,
      String ams,
      String seal,
      String authservId,
      String reason) {}

  /** One result of a receiver's Authentication-Results next to mailcheck's. */
  public record ReceiverResult(
      String authservId,
      String method,
      String subject,
      String receiver,
      String mailcheck,
      boolean agree,
      String note) {}

  /**
   * @param met true, false, or null when it cannot be told from the message
   * @param status pass, info, fail (fail only with --profile bulk-sender)
   */
  public record BulkRule(
      String id, String rule, String providers, Boolean met, String status, String detail) {}

  /** A delivery status notification (RFC 3464); null when the message is not one. */
  public record Bounce(String reportingMta, boolean plainText, List<BounceRecipient> recipients) {
    public Bounce {
      recipients = List.copyOf(recipients);
    }
  }

  public record BounceRecipient(
      String recipient,
      String action,
      String status,
      Integer smtpCode,
      String diagnostic,
      String remoteMta,
      String meaning,
      String cause,
      String fix) {}
}
