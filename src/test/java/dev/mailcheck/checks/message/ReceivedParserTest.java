package dev.mailcheck.checks.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Received fields as the common MTAs write them (shapes taken from real headers, names changed).
 */
class ReceivedParserTest {
  /** name, field value, from, address, by, with, tls, auth, epoch seconds */
  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of(
            "postfix",
            "from mail.example.com (mail.example.com [192.0.2.10])\r\n\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\r\n\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\r\n\t(No client certificate requested)\r\n\tby mx.example.org (Postfix) with ESMTPS id 4TqXyZ1AbCz9sT\r\n\tfor <bob@example.org>; Tue,  9 Apr 2024 10:00:05 +0000 (UTC)",
            "mail.example.com",
            "192.0.2.10",
            "mx.example.org",
            "ESMTPS",
            true,
            false,
            1712656805L),
        Arguments.of(
            "postfix-unknown-rdns",
            "from helo.example ([198.51.100.7])\r\n\tby mx.example.org (Postfix) with SMTP id 4TqXy;\r\n\tTue, 9 Apr 2024 10:00:05 +0200",
            "helo.example",
            "198.51.100.7",
            "mx.example.org",
            "SMTP",
            false,
            false,
            1712649605L),
        Arguments.of(
            "postfix-submission",
            "from [10.1.2.3] (unknown [203.0.113.9])\r\n\t(Authenticated sender: alice@example.com)\r\n\tby smtp.example.com (Postfix) with ESMTPSA id 4Tq;\r\n\tTue, 9 Apr 2024 10:00:00 +0000 (UTC)",
            "",
            "203.0.113.9",
            "smtp.example.com",
            "ESMTPSA",
            true,
            true,
            1712656800L),
        Arguments.of(
            "exim",
            "from mail.example.com ([192.0.2.10] helo=mail.example.com)\r\n\tby mx.example.net with esmtps  (TLS1.3) tls TLS_AES_256_GCM_SHA384\r\n\t(Exim 4.96)\r\n\t(envelope-from <alice@example.com>)\r\n\tid 1ruAbc-000XyZ-2k\r\n\tfor bob@example.net;\r\n\tTue, 09 Apr 2024 10:00:05 +0000",
            "mail.example.com",
            "192.0.2.10",
            "mx.example.net",
            "esmtps",
            true,
            false,
            1712656805L),
        Arguments.of(
            "sendmail",
            "from mail.example.com (mail.example.com [192.0.2.10])\r\n\tby mx.example.edu (8.17.1/8.17.1) with ESMTPS id 439A05Xk012345\r\n\t(version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NOT)\r\n\tfor <bob@example.edu>; Tue, 9 Apr 2024 06:00:05 -0400",
            "mail.example.com",
            "192.0.2.10",
            "mx.example.edu",
            "ESMTPS",
            true,
            false,
            1712656805L),
        Arguments.of(
            "exchange",
            "from EX01.corp.example.com (10.0.0.21) by EX02.corp.example.com\r\n (10.0.0.22) with Microsoft SMTP Server (version=TLS1_2,\r\n cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.1.2507.21; Tue, 9 Apr\r\n 2024 10:00:05 +0000",
            "EX01.corp.example.com",
            "10.0.0.21",
            "EX02.corp.example.com",
            "Microsoft SMTP Server",
            true,
            false,
            1712656805L),
        Arguments.of(
            "microsoft-365",
            "from DM6PR12MB1234.namprd12.prod.outlook.com (2603:10b6:5:1c0::12) by\r\n BY5PR12MB5678.namprd12.prod.outlook.com (2603:10b6:a03:1d2::13) with\r\n Microsoft SMTP Server (version=TLS1_2,\r\n cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7452.28; Tue, 9 Apr\r\n 2024 10:00:05 +0000",
            "DM6PR12MB1234.namprd12.prod.outlook.com",
            "2603:10b6:5:1c0::12",
            "BY5PR12MB5678.namprd12.prod.outlook.com",
            "Microsoft SMTP Server",
            true,
            false,
            1712656805L),
        Arguments.of(
            "gmail",
            "from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41])\r\n        by mx.google.com with SMTPS id a12sor123456qkb.12.2024.04.09.03.00.05\r\n        for <bob@example.org>\r\n        (Google Transport Security);\r\n        Tue, 09 Apr 2024 03:00:05 -0700 (PDT)",
            "mail-sor-f41.google.com",
            "209.85.220.41",
            "mx.google.com",
            "SMTPS",
            true,
            false,
            1712656805L),
        Arguments.of(
            "amazon-ses",
            "from a8-30.smtp-out.amazonses.com (a8-30.smtp-out.amazonses.com. [54.240.8.30])\r\n        by mx.google.com with ESMTPS id d75a77b69052e-434b5c1d0a1si1234567cf.10.2024.04.09.03.00.05\r\n        for <bob@example.org>\r\n        (version=TLS1_3 cipher=TLS_AES_128_GCM_SHA256 bits=128/128);\r\n        Tue, 09 Apr 2024 03:00:05 -0700 (PDT)",
            "a8-30.smtp-out.amazonses.com",
            "54.240.8.30",
            "mx.google.com",
            "ESMTPS",
            true,
            false,
            1712656805L),
        Arguments.of(
            "gmail-internal",
            "by 2002:a05:6a20:3c8f:b0:1a3:5b2c:1234 with SMTP id o15csp123456pzh;\r\n        Tue, 9 Apr 2024 03:00:06 -0700 (PDT)",
            "",
            "",
            "2002:a05:6a20:3c8f:b0:1a3:5b2c:1234",
            "SMTP",
            false,
            false,
            1712656806L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void readsTheCommonFormats(
      String name,
      String value,
      String from,
      String address,
      String by,
      String with,
      boolean tls,
      boolean auth,
      long epoch) {
    ReceivedField r = ReceivedParser.parse(value);
    assertThat(r.parsed()).isTrue();
    assertThat(r.fromName()).isEqualTo(from);
    assertThat(r.fromAddress().orElse("")).isEqualTo(address);
    assertThat(r.by()).isEqualTo(by);
    assertThat(r.with()).isEqualTo(with);
    assertThat(r.tls()).isEqualTo(tls);
    assertThat(r.authenticated()).isEqualTo(auth);
    assertThat(r.date().orElseThrow().toEpochSecond()).isEqualTo(epoch);
  }

  @Test
  void keepsDetailsOfEachFormat() {
    var exim = ReceivedParser.parse((String) formats().toList().get(3).get()[1]);
    assertThat(exim.envelopeFrom()).isEqualTo("alice@example.com");
    assertThat(exim.helo()).isEqualTo("mail.example.com");
    assertThat(exim.id()).isEqualTo("1ruAbc-000XyZ-2k");
    assertThat(exim.forAddress()).isEqualTo("bob@example.net");
    var postfix = ReceivedParser.parse((String) formats().toList().get(0).get()[1]);
    assertThat(postfix.tlsNote()).isEqualTo("TLSv1.3 TLS_AES_256_GCM_SHA384");
    assertThat(postfix.fromRdns()).isEqualTo("mail.example.com");
    assertThat(postfix.id()).isEqualTo("4TqXyZ1AbCz9sT");
  }

  @Test
  void aFieldThatDoesNotParseKeepsItsRawText() {
    ReceivedField r = ReceivedParser.parse("qmail 12345 invoked by uid 89");
    assertThat(r.parsed()).isFalse();
    assertThat(r.raw()).isEqualTo("qmail 12345 invoked by uid 89");
    assertThat(ReceivedParser.parse("").parsed()).isFalse();
    assertThat(ReceivedParser.parse("((((((((((").parsed()).isFalse();
  }
}
