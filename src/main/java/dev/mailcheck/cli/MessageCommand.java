package dev.mailcheck.cli;

import dev.mailcheck.checks.CheckContext;
import dev.mailcheck.checks.CheckResult;
import dev.mailcheck.checks.Checks;
import dev.mailcheck.checks.Limits;
import dev.mailcheck.checks.dkim.MessageInput;
import dev.mailcheck.checks.message.MboxReader;
import dev.mailcheck.checks.message.MessageCheck;
import dev.mailcheck.checks.message.MessageFacts;
import dev.mailcheck.checks.message.TrustBoundary;
import dev.mailcheck.internal.InetAddresses;
import dev.mailcheck.internal.InputException;
import dev.mailcheck.report.Finding;
import dev.mailcheck.report.FindingId;
import dev.mailcheck.report.Report;
import dev.mailcheck.report.view.MailboxView;
import dev.mailcheck.report.view.MessageView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailcheck message FILE|-}: why a received message was trusted, junked or bounced. */
@Command(
    name = "message",
    description = {
      "Analyse a received message: why it landed in spam, or why it bounced.",
      "Reads the message exactly as received (.eml, or - for standard input; an mbox with --all), at most 50 MB.",
      "Reports the Received trace, SPF for the first hop from outside, every DKIM signature, DMARC for the From domain, ARC, the receivers' Authentication-Results, header problems, the Gmail/Yahoo/Microsoft bulk-sender rules, and, for a bounce (RFC 3464), each failed recipient explained."
    })
final class MessageCommand extends BaseCommand {
  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The message (.eml), an mbox with --all, or - for standard input.")
  String file;

  @Option(
      names = "--ip",
      paramLabel = "ADDR",
      description =
          "The connecting address to evaluate SPF and PTR for (default: from the first Received hop outside the trust boundary).")
  String ip;

  @Option(
      names = "--helo",
      paramLabel = "NAME",
      description = "The HELO/EHLO name (default: from that Received hop).")
  String helo;

  @Option(
      names = "--mail-from",
      paramLabel = "ADDR",
      description = "The MAIL FROM address (default: Return-Path); <> for the null sender.")
  String mailFrom;

  @Option(
      names = "--trusted-hosts",
      paramLabel = "N|HOSTS",
      description =
          "Where the receiving side's own Received fields end: their number from the top, or a comma-separated list of its host names or addresses (default: the first hop from a public address).")
  String trustedHosts;

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      description =
          "bulk-sender: the Gmail/Yahoo/Microsoft bulk-sender rules fail instead of informing.",
      completionCandidates = Profiles.class)
  String profile;

  @Option(
      names = "--all",
      description =
          "FILE is an mbox: analyse every message in it (at most " + Limits.MBOX_MESSAGES + ").")
  boolean all;

  static final class Profiles extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Profiles() {
      super(List.of("bulk-sender"));
    }
  }

  @Override
  public Integer call() throws Exception {
    var base = query(MessageFiles.read("-", InputStream.nullInputStream()));
    InputStream in = MessageFiles.open(file, all ? 1024L * 1024 * 1024 : MessageFiles.MAX_BYTES);
    RunContext ctx = context();
    String target = file.equals("-") ? "stdin" : file;
    try (in) {
      if (!all) {
        MessageInput message = MessageFiles.read(file, in);
        return runWithDns(
            ctx,
            settings(ctx),
            checks -> report("message", target, analyse(base, message, checks)));
      }
      return runWithDns(ctx, settings(ctx), checks -> mailbox(base, in, target, checks));
    }
  }

  private Report mailbox(
      MessageCheck.Query base, InputStream in, String target, CheckContext checks)
      throws IOException {
    List<Finding> findings = new ArrayList<>();
    List<MessageView> views = new ArrayList<>();
    MboxReader mbox = new MboxReader(in);
    int n = 0;
    boolean incomplete = false;
    for (InputStream one = mbox.next(); one != null; one = mbox.next()) {
      n++;
      MessageInput message =
          MessageFiles.read(file, new MessageFiles.Limited(one, MessageFiles.MAX_BYTES));
      CheckResult<MessageFacts> r = analyse(base, message, checks);
      one.transferTo(java.io.OutputStream.nullOutputStream());
      for (Finding f : r.findings()) {
        // An mbox stores its messages with the file's line ends (RFC 4155 §2: LF on Unix, where
        // Postfix, Dovecot and mutt write them), so LF there says nothing about the message.
        if (f.kind() == FindingId.MESSAGE_BARE_LF) continue;
        findings.add(f.withSubject("#" + n + f.subject().map(s -> " " + s).orElse("")));
      }
      views.add((MessageView) r.view());
      incomplete |= r.undetermined();
    }
    if (n == 0) throw new InputException(MessageFiles.shown(file) + " holds no message");
    return new Report("message", target, findings, List.of(new MailboxView(views)))
        .withIncomplete(incomplete);
  }

  private CheckResult<MessageFacts> analyse(
      MessageCheck.Query base, MessageInput message, CheckContext checks) {
    var q =
        new MessageCheck.Query(
            message, base.ip(), base.helo(), base.mailFrom(), base.boundary(), base.bulkProfile());
    try {
      return Checks.MESSAGE.run(q, checks).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io)
        throw MessageFiles.readError(file, io.getCause());
      throw e;
    }
  }

  /** The options as a query; {@code message} is replaced by each message read. */
  private MessageCheck.Query query(MessageInput message) {
    Optional<InetAddress> address = Optional.empty();
    if (ip != null) {
      address = InetAddresses.parse(ip.strip());
      if (address.isEmpty())
        throw new InputException("--ip: '" + ip + "' is not an IPv4 or IPv6 address");
    }
    Optional<String> from =
        Optional.ofNullable(mailFrom)
            .map(String::strip)
            .map(m -> m.equals("<>") ? "" : m.replaceAll("^<|>$", ""));
    if (from.isPresent() && !from.get().isEmpty() && !from.get().contains("@"))
      throw new InputException(
          "--mail-from: '" + mailFrom + "' is not an address (use <> for the null sender)");
    TrustBoundary boundary = new TrustBoundary.Auto();
    if (trustedHosts != null) {
      String t = trustedHosts.strip();
      if (t.matches("[0-9]{1,3}")) {
        int n = Integer.parseInt(t);
        if (n < 1)
          throw new InputException("--trusted-hosts: the number of fields must be at least 1");
        boundary = new TrustBoundary.Count(n);
      } else {
        List<String> hosts =
            Arrays.stream(t.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (hosts.isEmpty())
          throw new InputException("--trusted-hosts: give a number or host names");
        boundary = new TrustBoundary.Hosts(hosts);
      }
    }
    if (profile != null && !profile.equals("bulk-sender"))
      throw new InputException("--profile: unknown profile '" + profile + "' (known: bulk-sender)");
    return new MessageCheck.Query(
        message,
        address,
        Optional.ofNullable(helo).map(String::strip),
        from,
        boundary,
        profile != null);
  }
}
