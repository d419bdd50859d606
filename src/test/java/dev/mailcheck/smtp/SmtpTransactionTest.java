package dev.mailcheck.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcheck.smtp.testserver.ReceivingSmtp;
import dev.mailcheck.smtp.testserver.ScriptedSmtpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The mail transaction against an in-process receiving server, stage by stage. */
class SmtpTransactionTest {
  static final String MESSAGE =
      "From: a@sender.test\r\nTo: b@rcpt.test\r\nSubject: hi\r\n\r\n"
          + ".leading dot\r\n..two dots\r\n.\r\nlast line\r\n";

  static Transaction tx(Stage quitAfter, String message, String... rcpts) {
    return new Transaction(
        "a@sender.test",
        List.of(rcpts),
        message.getBytes(StandardCharsets.UTF_8),
        quitAfter,
        false,
        false,
        false,
        false);
  }

  static ProbeResult run(ScriptedSmtpServer server, Transaction t) {
    return run(server, t, Duration.ofSeconds(3));
  }

  static ProbeResult run(ScriptedSmtpServer server, Transaction t, Duration timeout) {
    return new SocketSmtpProbe(null)
        .probe(
            ProbeRequest.builder("127.0.0.1", server.port())
                .timeout(timeout)
                .tlsMode(TlsMode.NONE)
                .transaction(t)
                .build());
  }

  @Test
  void sendsTheMessageDotStuffedAndReadsTheQueueId() throws Exception {
    var script = new ReceivingSmtp();
    try (var server = ScriptedSmtpServer.start(script)) {
      ProbeResult r = run(server, tx(Stage.DATA, MESSAGE, "b@rcpt.test"));
      assertThat(r.failure()).isEmpty();
      TransactionOutcome o = r.transaction().orElseThrow();
      assertThat(o.delivered()).isTrue();
      assertThat(o.queueId()).contains("4Fq2Lk0x7Qz1");
      assertThat(o.data().orElseThrow().code()).isEqualTo(354);
      assertThat(script.messages()).hasSize(1);
      assertThat(new String(script.messages().get(0), StandardCharsets.UTF_8)).isEqualTo(MESSAGE);
      // on the wire, each leading dot was doubled
      assertThat(server.received()).contains("..leading dot", "...two dots", "..");
      assertThat(script.mailCommands())
          .containsExactly("MAIL FROM:<a@sender.test> SIZE=" + MESSAGE.length());
      assertThat(r.phases())
          .extracting(PhaseTiming::phase)
          .containsSubsequence(Phase.MAIL, Phase.RCPT, Phase.DATA, Phase.QUIT);
      assertThat(r.transcript()).anyMatch(l -> l.contains("bytes of message data"));
    }
  }

  @Test
  void bareLineFeedsGoOutAsCrlfAndTheLastLineIsEnded() throws Exception {
    var script = new ReceivingSmtp();
    try (var server = ScriptedSmtpServer.start(script)) {
      run(server, tx(Stage.DATA, "Subject: x\n\nline\n.dot", "b@rcpt.test"));
      assertThat(new String(script.messages().get(0), StandardCharsets.UTF_8))
          .isEqualTo("Subject: x\r\n\r\nline\r\n.dot\r\n");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Stage.class,
      names = {"BANNER", "EHLO", "TLS", "AUTH", "MAIL", "RCPT"})
  void quitAfterStopsThereAndNeverSendsData(Stage stage) throws Exception {
    var script = new ReceivingSmtp();
    try (var server = ScriptedSmtpServer.start(script)) {
      ProbeResult r = run(server, tx(stage, MESSAGE, "b@rcpt.test"));
      assertThat(r.failure()).isEmpty();
      assertThat(server.received()).doesNotContain("DATA").last().isEqualTo("QUIT");
      assertThat(script.messages()).isEmpty();
      boolean mailSent = server.received().stream().anyMatch(l -> l.startsWith("MAIL FROM"));
      boolean rcptSent = server.received().stream().anyMatch(l -> l.startsWith("RCPT TO"));
      assertThat(mailSent).isEqualTo(stage.compareTo(Stage.MAIL) >= 0);
      assertThat(rcptSent).isEqualTo(stage == Stage.RCPT);
      assertThat(server.received().stream().anyMatch(l -> l.startsWith("EHLO")))
          .isEqualTo(stage != Stage.BANNER);
    }
  }

  @Test
  void quitAfterConnectReadsNothingAndSendsNothing() throws Exception {
    try (var server = ScriptedSmtpServer.start(new ReceivingSmtp())) {
      ProbeResult r = run(server, tx(Stage.CONNECT, MESSAGE, "b@rcpt.test"));
      assertThat(r.failure()).isEmpty();
      assertThat(r.banner()).isEmpty();
      assertThat(server.received()).isEmpty();
    }
  }

  @Test
  void severalRecipientsOneRefusedStillDelivers() throws Exception {
    var script =
        new ReceivingSmtp()
            .rcpt(
                "nobody@rcpt.test",
                "550 5.1.1 <nobody@rcpt.test>: Recipient address rejected: User unknown");
    try (var server = ScriptedSmtpServer.start(script)) {
      ProbeResult r =
          run(server, tx(Stage.DATA, MESSAGE, "b@rcpt.test", "nobody@rcpt.test", "c@rcpt.test"));
      TransactionOutcome o = r.transaction().orElseThrow();
      assertThat(o.recipients()).extracting(x -> x.reply().code()).containsExactly(250, 550, 250);
      assertThat(o.accepted()).hasSize(2);
      assertThat(o.delivered()).isTrue();
    }
  }

  @Test
  void everyRecipientRefusedEndsBeforeData() throws Exception {
    var script =
        new ReceivingSmtp().rcpt("b@rcpt.test", "554 5.7.1 <b@rcpt.test>: Relay access denied");
    try (var server = ScriptedSmtpServer.start(script)) {
      ProbeResult r = run(server, tx(Stage.DATA, MESSAGE, "b@rcpt.test"));
      Failure f = r.failure().orElseThrow();
      assertThat(f.phase()).isEqualTo(Phase.RCPT);
      assertThat(f.kind()).isEqualTo(Failure.Kind.REJECTED);
      assertThat(ReplyExplanations.explain(f.reply().orElseThrow()).kind())
          .isEqualTo(DeliveryProblem.RELAY_DENIED);
      assertThat(server.received()).doesNotContain("DATA").last().isEqualTo("QUIT");
    }
  }

  @Test
  void refusedMailFromEndsTheTransaction() throws Exception {
    var script =
        new ReceivingSmtp()
            .mailReply("553 5.7.1 <a@sender.test>: Sender address rejected: not owned by user");
    try (var server = ScriptedSmtpServer.start(script)) {
      ProbeResult r = run(server, tx(Stage.DATA, MESSAGE, "b@rcpt.test"));
      assertThat(r.failure().orElseThrow().phase()).isEqualTo(Phase.MAIL);
      assertThat(server.received()).noneMatch(l -> l.startsWith("RCPT"));
    }
  }

  @Test
  void refusedMessageAfterDataIsADataFailure() throws Exception {
    var script = new ReceivingSmtp().endReply("552 5.3.4 Error: message file too big");
    try (var server = ScriptedSmtpServer.start(script)) {
      ProbeResult r = run(server, tx(Stage.DATA, MESSAGE, "b@rcpt.test"));
      assertThat(r.failure().orElseThrow().phase()).isEqualTo(Phase.DATA);
      assertThat(r.transaction().orElseThrow().delivered()).isFalse();
      assertThat(r.transaction().orElseThrow().queueId()).isEmpty();
    }
  }

  @Test
  void pipeliningGroupsMailAndRcptWhenOfferedAndAsked() throws Exception {
    var script = new ReceivingSmtp().requireGroupedRcpts(2);
    try (var server = ScriptedSmtpServer.start(script)) {
      var t =
          new Transaction(
              "a@sender.test",
              List.of("b@rcpt.test", "c@rcpt.test"),
              MESSAGE.getBytes(StandardCharsets.UTF_8),
              Stage.DATA,
              true,
              false,
              false,
              false);
      ProbeResult r = run(server, t);
      assertThat(r.failure()).isEmpty();
      assertThat(r.transaction().orElseThrow().pipelined()).isTrue();
      assertThat(r.transaction().orElseThrow().delivered()).isTrue();
    }
  }

  @Test
  void withoutPipeliningTheClientWaitsForEachReplyAndAGroupingServerTimesOut() throws Exception {
    var script = new ReceivingSmtp().requireGroupedRcpts(1);
    try (var server = ScriptedSmtpServer.start(script)) {
      long start = System.nanoTime();
      ProbeResult r = run(server, tx(Stage.DATA, MESSAGE, "b@rcpt.test"), Duration.ofMillis(400));
      assertThat(r.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.TIMEOUT);
      assertThat(r.failure().orElseThrow().phase()).isEqualTo(Phase.MAIL);
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000);
    }
  }

  @Test
  void chunkingSendsBdatWithoutDotStuffing() throws Exception {
    var script = new ReceivingSmtp().extensions("CHUNKING", "SIZE 10240000", "8BITMIME");
    try (var server = ScriptedSmtpServer.start(script)) {
      var t =
          new Transaction(
              "a@sender.test",
              List.of("b@rcpt.test"),
              MESSAGE.getBytes(StandardCharsets.UTF_8),
              Stage.DATA,
              false,
              true,
              false,
              false);
      ProbeResult r = run(server, t);
      assertThat(r.failure()).isEmpty();
      assertThat(r.transaction().orElseThrow().chunked()).isTrue();
      assertThat(server.received())
          .contains("BDAT " + MESSAGE.length() + " LAST")
          .doesNotContain("DATA");
      assertThat(new String(script.messages().get(0), StandardCharsets.UTF_8)).isEqualTo(MESSAGE);
    }
  }

  @Test
  void eightBitMessageDeclaresBody8bitmime() throws Exception {
    var script = new ReceivingSmtp();
    String msg = "Subject: x\r\n\r\nGrüße\r\n";
    try (var server = ScriptedSmtpServer.start(script)) {
      run(server, tx(Stage.DATA, msg, "b@rcpt.test"));
      assertThat(script.mailCommands().get(0)).endsWith(" BODY=8BITMIME");
      assertThat(new String(script.messages().get(0), StandardCharsets.UTF_8)).isEqualTo(msg);
    }
  }

  @Test
  void eightBitMessageToAServerWithout8bitmimeIsRefusedBeforeMail() throws Exception {
    var script = new ReceivingSmtp().extensions("SIZE 10240000");
    try (var server = ScriptedSmtpServer.start(script)) {
      ProbeResult r = run(server, tx(Stage.DATA, "Subject: x\r\n\r\nGrüße\r\n", "b@rcpt.test"));
      assertThat(r.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.UNSUPPORTED);
      assertThat(r.failure().orElseThrow().detail()).contains("8BITMIME");
      assertThat(server.received()).noneMatch(l -> l.startsWith("MAIL"));
    }
  }

  @Test
  void internationalAddressUsesSmtputf8WhenOffered() throws Exception {
    var script = new ReceivingSmtp();
    try (var server = ScriptedSmtpServer.start(script)) {
      ProbeResult r = run(server, tx(Stage.RCPT, "", "jörg@bücher.test"));
      assertThat(r.failure()).isEmpty();
      assertThat(script.mailCommands().get(0)).endsWith(" SMTPUTF8");
      assertThat(server.received()).contains("RCPT TO:<jörg@bücher.test>");
    }
  }

  @Test
  void internationalAddressWithoutSmtputf8IsRefusedClearly() throws Exception {
    var script = new ReceivingSmtp().extensions("SIZE 1000", "8BITMIME");
    try (var server = ScriptedSmtpServer.start(script)) {
      ProbeResult r = run(server, tx(Stage.RCPT, "", "jörg@bücher.test"));
      assertThat(r.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.UNSUPPORTED);
      assertThat(r.failure().orElseThrow().detail()).contains("SMTPUTF8");
      assertThat(server.received()).noneMatch(l -> l.startsWith("MAIL"));
    }
  }

  @Test
  void messageLargerThanSizeIsRefusedBeforeDataNamingTheLimit() throws Exception {
    var script = new ReceivingSmtp().extensions("SIZE 1000", "8BITMIME");
    try (var server = ScriptedSmtpServer.start(script)) {
      ProbeResult r =
          run(server, tx(Stage.DATA, "Subject: x\r\n\r\n" + "a".repeat(2000), "b@rcpt.test"));
      Failure f = r.failure().orElseThrow();
      assertThat(f.kind()).isEqualTo(Failure.Kind.UNSUPPORTED);
      assertThat(f.detail()).contains("SIZE limit is 1000 bytes");
      assertThat(server.received()).noneMatch(l -> l.startsWith("MAIL") || l.equals("DATA"));
    }
  }

  @Test
  void serverThatNeverAnswersTheDotIsBoundedByTheTimeout() throws Exception {
    ScriptedSmtpServer.Script hang =
        s -> {
          s.send("220 hang.test ESMTP");
          String l;
          while ((l = s.readLine()) != null) {
            if (l.startsWith("EHLO")) s.send("250 hang.test");
            else if (l.equals("DATA")) s.send("354 go");
            else if (l.equals(".")) s.hold();
            else if (l.startsWith("MAIL") || l.startsWith("RCPT")) s.send("250 ok");
          }
        };
    try (var server = ScriptedSmtpServer.start(hang)) {
      long start = System.nanoTime();
      ProbeResult r = run(server, tx(Stage.DATA, MESSAGE, "b@rcpt.test"), Duration.ofMillis(500));
      assertThat(r.failure().orElseThrow().phase()).isEqualTo(Phase.DATA);
      assertThat(r.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.TIMEOUT);
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000);
    }
  }

  @Test
  void queueIdsOfCommonServers() {
    assertThat(SmtpTransaction.queueId(Reply.of(250, "2.0.0 Ok: queued as 4Fq2Lk0x7Qz1")))
        .contains("4Fq2Lk0x7Qz1");
    assertThat(SmtpTransaction.queueId(Reply.of(250, "OK id=1rA2bC-000123-4D")))
        .contains("1rA2bC-000123-4D");
    assertThat(SmtpTransaction.queueId(Reply.of(250, "2.0.0 OK  1701234567 x12-20020a05gsmtp")))
        .contains("x12-20020a05gsmtp");
    assertThat(SmtpTransaction.queueId(Reply.of(250, "2.6.0 Queued mail for delivery"))).isEmpty();
  }
}
