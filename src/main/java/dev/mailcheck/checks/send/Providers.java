package dev.mailcheck.checks.send;

import dev.mailcheck.smtp.TlsMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The submission services of the big mailbox providers ({@code send --provider}, {@code mailcheck
 * providers}): host, port, TLS mode, the AUTH mechanisms to use and what trips people up. One
 * table; docs/providers.md lists the same rows with the page each was checked against and when.
 */
public final class Providers {
  private Providers() {}

  /**
   * One provider's submission service.
   *
   * @param aliases other names it answers to ({@code m365} for {@code office365})
   * @param mechanisms the AUTH mechanisms, preferred first
   * @param source the page the row was checked against
   * @param checked the date it was checked (ISO 8601)
   */
  public record Provider(
      String name,
      List<String> aliases,
      String host,
      int port,
      TlsMode tls,
      List<String> mechanisms,
      String notes,
      String source,
      String checked) {
    public Provider {
      aliases = List.copyOf(aliases);
      mechanisms = List.copyOf(mechanisms);
    }
  }

  private static final String CHECKED = "2026-12-04";

  public static final List<Provider> ALL =
      List.of(
          new Provider(
              "gmail",
              List.of("google", "workspace"),
              "smtp.gmail.com",
              587,
              TlsMode.STARTTLS,
              List.of("PLAIN", "XOAUTH2"),
              "465 with implicit TLS also works. The account password is refused since Google ended"
                  + " password-only sign-in for apps (May 2025): use an app password (needs 2-Step"
                  + " Verification; not available under Advanced Protection) or an OAuth token"
                  + " (XOAUTH2). 535 5.7.8 means a wrong or missing app password.",
              "https://prospeo.io/s/setup-smtp-gmail",
              CHECKED),
          new Provider(
              "outlook",
              List.of("outlook.com", "hotmail", "live"),
              "smtp-mail.outlook.com",
              587,
              TlsMode.STARTTLS,
              List.of("XOAUTH2", "LOGIN"),
              "Personal Outlook.com/Hotmail accounts. Microsoft is retiring Basic authentication:"
                  + " use OAuth 2.0 (XOAUTH2); an app password with two-step verification works"
                  + " where Basic is still allowed. No port 465.",
              "https://developer.nylas.com/docs/cookbook/email/outlook-smtp-settings/",
              CHECKED),
          new Provider(
              "office365",
              List.of("microsoft365", "m365", "exchange-online"),
              "smtp.office365.com",
              587,
              TlsMode.STARTTLS,
              List.of("XOAUTH2", "LOGIN"),
              "SMTP AUTH is disabled for tenants created after January 2020 and under Security"
                  + " defaults; an admin enables it per mailbox (Set-CASMailbox"
                  + " -SmtpClientAuthenticationDisabled $false). Basic authentication for SMTP AUTH"
                  + " is being retired: use OAuth 2.0 (XOAUTH2). 535 5.7.139 means SMTP AUTH is off"
                  + " for the mailbox or tenant. No port 465; From must be the mailbox or a Send As"
                  + " address.",
              "https://snanc.org/article/how-to-set-up-a-multifunction-device-or-application-to-send-emails-using-microsoft-365-or-office-365",
              CHECKED),
          new Provider(
              "yahoo",
              List.of("aol"),
              "smtp.mail.yahoo.com",
              465,
              TlsMode.IMPLICIT,
              List.of("PLAIN", "LOGIN"),
              "587 with STARTTLS also works. The account password is refused: generate an app"
                  + " password (Account Security, with two-step verification). New accounts may be"
                  + " rate-limited for a while.",
              "https://xenocept.com/docs/email-setup/yahoo.html",
              CHECKED),
          new Provider(
              "icloud",
              List.of("me.com", "apple"),
              "smtp.mail.me.com",
              587,
              TlsMode.STARTTLS,
              List.of("PLAIN", "LOGIN"),
              "Only 587 with STARTTLS is documented. Needs an app-specific password"
                  + " (appleid.apple.com, with two-factor authentication); the Apple ID password is"
                  + " refused. The user name is the full iCloud address.",
              "https://meshworld.in/blog/devops/email/icloud-smtp-server",
              CHECKED),
          new Provider(
              "fastmail",
              List.of(),
              "smtp.fastmail.com",
              465,
              TlsMode.IMPLICIT,
              List.of("PLAIN"),
              "Every SMTP login needs an app password (Settings, Privacy & Security), with or"
                  + " without two-step verification; the account password never works. 587 with"
                  + " STARTTLS also works; 465 is the documented port.",
              "https://www.fastmail.com/help/technical/servernamesandports.html",
              CHECKED),
          new Provider(
              "zoho",
              List.of("zohomail"),
              "smtp.zoho.com",
              465,
              TlsMode.IMPLICIT,
              List.of("PLAIN", "LOGIN"),
              "Organisation (custom domain) accounts use smtppro.zoho.com; other data centres use"
                  + " their own domain (smtp.zoho.eu, smtp.zoho.in, ...). 587 with STARTTLS also"
                  + " works. An application-specific password is needed with two-factor"
                  + " authentication; From must be the account or one of its aliases.",
              "https://wiki.stretchpowered.com/books/zoho/page/how-to-configure-email-server-with-zoho-smtp-settings",
              CHECKED));

  /** A provider by name or alias, case-insensitive. */
  public static Optional<Provider> find(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    return ALL.stream().filter(p -> p.name().equals(n) || p.aliases().contains(n)).findFirst();
  }

  public static List<String> names() {
    return ALL.stream().map(Provider::name).toList();
  }
}
