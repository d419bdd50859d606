package dev.mailcheck.checks.dkim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The selectors mail providers publish under their customers' domains, matched from the host names
 * a domain already points at (MX exchanges, SPF include:/redirect= targets). Selectors cannot be
 * listed from DNS (RFC 6376 §3.1), so guessing from the domain's own providers finds most keys
 * without the false alarms of a blind list. The table is documented in docs/dkim.md.
 */
public final class ProviderSelectors {
  /**
   * One provider.
   *
   * @param suffixes host-name suffixes that identify it (matched on label boundaries)
   * @param selectors its usual selectors; empty when they are per-customer (Amazon SES)
   */
  public record Provider(String name, List<String> suffixes, List<String> selectors) {}

  public static final List<Provider> PROVIDERS =
      List.of(
          new Provider(
              "Google Workspace",
              List.of("google.com", "googlemail.com", "_spf.google.com"),
              List.of("google")),
          new Provider(
              "Microsoft 365",
              List.of("protection.outlook.com", "outlook.com"),
              List.of("selector1", "selector2")),
          new Provider("SendGrid", List.of("sendgrid.net"), List.of("s1", "s2", "smtpapi")),
          new Provider(
              "Mailchimp / Mandrill",
              List.of("mcsv.net", "mandrillapp.com", "mailchimp.com", "mcdlv.net"),
              List.of("k1", "k2", "k3", "mandrill")),
          new Provider("Amazon SES", List.of("amazonses.com"), List.of()),
          new Provider(
              "Zoho Mail",
              List.of("zoho.com", "zoho.eu", "zoho.in", "zohomail.com"),
              List.of("zoho", "zmail")),
          new Provider(
              "Fastmail",
              List.of("messagingengine.com", "fastmail.com"),
              List.of("fm1", "fm2", "fm3", "mesmtp")),
          new Provider(
              "Mailgun",
              List.of("mailgun.org", "mailgun.net"),
              List.of("mx", "pic", "k1", "mailo", "krs")),
          new Provider(
              "Postmark", List.of("mtasv.net", "postmarkapp.com"), List.of("pm", "pm-bounces")),
          new Provider(
              "Proton Mail",
              List.of("protonmail.ch", "proton.me"),
              List.of("protonmail", "protonmail2", "protonmail3")),
          new Provider("Yahoo", List.of("yahoodns.net", "yahoo.com"), List.of("s1024", "s2048")),
          new Provider(
              "Brevo (Sendinblue)",
              List.of("sendinblue.com", "brevo.com"),
              List.of("mail", "brevo1", "brevo2")),
          new Provider("Mailjet", List.of("mailjet.com"), List.of("mailjet")),
          new Provider(
              "HubSpot", List.of("hubspotemail.net", "hubspot.com"), List.of("hs1", "hs2")),
          new Provider("Zendesk", List.of("zendesk.com"), List.of("zendesk1", "zendesk2")),
          new Provider("Mimecast", List.of("mimecast.com"), List.of("mimecast")),
          new Provider("iCloud Mail", List.of("icloud.com", "me.com"), List.of("sig1")),
          new Provider("Yandex", List.of("yandex.net", "yandex.ru"), List.of("mail")),
          new Provider("SparkPost", List.of("sparkpostmail.com"), List.of("scph0316", "scph1016")));

  /** Common default selectors of MTAs and control panels, tried last. */
  public static final List<String> COMMON =
      List.of(
          "default",
          "dkim",
          "mail",
          "s1",
          "s2",
          "selector1",
          "selector2",
          "google",
          "k1",
          "smtp",
          "s1024",
          "s2048",
          "key1",
          "dk",
          "email",
          "x");

  private ProviderSelectors() {}

  /** The providers the given host names point at, each once, in table order. */
  public static List<Provider> match(List<String> hosts) {
    Map<String, Provider> found = new LinkedHashMap<>();
    for (Provider p : PROVIDERS) {
      for (String h : hosts) {
        String host = h.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        if (p.suffixes().stream().anyMatch(s -> host.equals(s) || host.endsWith("." + s)))
          found.putIfAbsent(p.name(), p);
      }
    }
    return new ArrayList<>(found.values());
  }
}
