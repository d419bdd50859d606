package dev.mailcheck.checks.dmarcreport;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Known mail providers by the domains their servers' PTR names, DKIM signatures and bounce
 * addresses end in. Mailbox providers also forward their users' mail, which breaks SPF.
 */
public final class Providers {
  /** A provider and whether it hosts mailboxes (so its servers also forward). */
  public record Provider(String name, boolean mailbox) {}

  private static final Map<String, Provider> BY_SUFFIX =
      Map.ofEntries(
          Map.entry("google.com", new Provider("Google", true)),
          Map.entry("googlemail.com", new Provider("Google", true)),
          Map.entry("1e100.net", new Provider("Google", true)),
          Map.entry("outlook.com", new Provider("Microsoft", true)),
          Map.entry("hotmail.com", new Provider("Microsoft", true)),
          Map.entry("onmicrosoft.com", new Provider("Microsoft", true)),
          Map.entry("yahoo.com", new Provider("Yahoo", true)),
          Map.entry("yahoodns.net", new Provider("Yahoo", true)),
          Map.entry("messagingengine.com", new Provider("Fastmail", true)),
          Map.entry("fastmail.com", new Provider("Fastmail", true)),
          Map.entry("zoho.com", new Provider("Zoho", true)),
          Map.entry("zohomail.com", new Provider("Zoho", true)),
          Map.entry("protonmail.ch", new Provider("Proton", true)),
          Map.entry("icloud.com", new Provider("Apple iCloud", true)),
          Map.entry("amazonses.com", new Provider("Amazon SES", false)),
          Map.entry("sendgrid.net", new Provider("SendGrid", false)),
          Map.entry("mailgun.net", new Provider("Mailgun", false)),
          Map.entry("mailgun.org", new Provider("Mailgun", false)),
          Map.entry("mcsv.net", new Provider("Mailchimp", false)),
          Map.entry("mcdlv.net", new Provider("Mailchimp", false)),
          Map.entry("rsgsv.net", new Provider("Mailchimp", false)),
          Map.entry("mandrillapp.com", new Provider("Mailchimp Transactional", false)),
          Map.entry("sparkpostmail.com", new Provider("SparkPost", false)),
          Map.entry("mailjet.com", new Provider("Mailjet", false)),
          Map.entry("mtasv.net", new Provider("Postmark", false)),
          Map.entry("postmarkapp.com", new Provider("Postmark", false)),
          Map.entry("sendinblue.com", new Provider("Brevo", false)),
          Map.entry("brevo.com", new Provider("Brevo", false)),
          Map.entry("exacttarget.com", new Provider("Salesforce Marketing Cloud", false)),
          Map.entry("hubspotemail.net", new Provider("HubSpot", false)),
          Map.entry("zendesk.com", new Provider("Zendesk", false)),
          Map.entry("salesforce.com", new Provider("Salesforce", false)));

  private Providers() {}

  /** The provider whose domain {@code name} is or ends in. */
  public static Optional<Provider> of(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".")) n = n.substring(0, n.length() - 1);
    while (!n.isEmpty()) {
      Provider p = BY_SUFFIX.get(n);
      if (p != null) return Optional.of(p);
      int dot = n.indexOf('.');
      if (dot < 0) break;
      n = n.substring(dot + 1);
    }
    return Optional.empty();
  }

  /** The first provider any of the names belongs to. */
  public static Optional<Provider> ofAny(List<String> names) {
    return names.stream().map(Providers::of).flatMap(Optional::stream).findFirst();
  }
}
