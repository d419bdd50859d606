package dev.mailcheck.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Inputs the fuzz targets of {@link DnsFuzzTest} found (issue 19), kept as named cases. */
class DnsFuzzRegressionTest {
  @Test
  void aPtrOrCnameToTheRootRecordsAndReplaysAsTheRoot() {
    for (DnsRecord rec :
        List.<DnsRecord>of(new DnsRecord.Ptr("a", 256, ""), new DnsRecord.Cname("b", 256, ""))) {
      var result =
          new DnsResult.Records(DnsQuestion.of(rec.name(), rec.type()), List.of(rec), List.of());
      DnsResult back = DnsRecording.fromJson(DnsRecording.toJson(result));
      assertThat(back.recordsOrEmpty())
          .singleElement()
          .satisfies(r -> assertThat(r.data()).isEqualTo("."));
    }
  }

  @Test
  void opaqueRecordDataEndingInASpaceReplaysUnchanged() {
    // found by DnsFuzzTest#oddRdata: an NSEC3 whose presentation ends in a space lost it
    var rec = new DnsRecord.Other("x.example", 300, RecordType.NSEC3, "1 0 0 - ABCD A ");
    var result =
        new DnsResult.Records(DnsQuestion.of(rec.name(), rec.type()), List.of(rec), List.of());
    DnsResult back = DnsRecording.fromJson(DnsRecording.toJson(result));
    assertThat(back.recordsOrEmpty())
        .singleElement()
        .satisfies(r -> assertThat(r.data()).isEqualTo("1 0 0 - ABCD A "));
  }
}
