package dev.mailcheck.dns;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcheck.internal.InputException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The --dns-replay size cap ({@link Limits#REPLAY_FILE_BYTES}) at cap−1, cap and cap+1 (issue 19):
 * over the cap the file is refused by its size before a byte is parsed; at or under it, it is
 * parsed (these sparse files are not JSON, so they fail as JSON, not as too large).
 */
class DnsLimitsTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(longs = {-1, 0, 1})
  void replayFileSize(long delta) throws Exception {
    Path f = tmp.resolve("replay.json");
    try (var raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(Limits.REPLAY_FILE_BYTES + delta);
    }
    var thrown =
        assertThatThrownBy(() -> DnsRecording.readAll(f)).isInstanceOf(InputException.class);
    if (delta > 0) thrown.hasMessage("DNS replay file " + f + " is larger than 64 MiB");
    else thrown.hasMessageStartingWith("cannot use DNS replay file " + f + ": ");
  }
}
