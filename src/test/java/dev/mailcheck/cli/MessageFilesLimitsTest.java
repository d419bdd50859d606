package dev.mailcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcheck.internal.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The message input cap ({@link MessageFiles#MAX_BYTES}, 50 MiB) at cap−1, cap and cap+1 (issue
 * 19): a file is refused by its size before it is read, standard input is counted while it streams;
 * within the cap every octet is read.
 */
class MessageFilesLimitsTest {
  @TempDir Path dir;

  private static final byte[] HEADER = "Subject: big\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  /** A message of {@code size} octets: a header, then NULs (a sparse file costs no disk). */
  private Path message(long size) throws IOException {
    Path p = dir.resolve("big.eml");
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.write(HEADER);
      f.setLength(size);
    }
    return p;
  }

  @ParameterizedTest(name = "{0} octets over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void aFileUpToTheCapIsReadWhole(int delta) throws IOException {
    long size = MessageFiles.MAX_BYTES + delta;
    Path p = message(size);
    if (delta <= 0) {
      try (InputStream in = MessageFiles.open(p.toString(), MessageFiles.MAX_BYTES)) {
        assertThat(in.transferTo(OutputStream.nullOutputStream())).isEqualTo(size);
      }
    } else {
      assertThatThrownBy(() -> MessageFiles.open(p.toString(), MessageFiles.MAX_BYTES))
          .isInstanceOf(InputException.class)
          .hasMessage(p + ": larger than 50 MB; not a message");
    }
  }

  /** Standard input has no size: {@code size} octets, a header first, made as they are read. */
  private static InputStream stream(long size) {
    return new InputStream() {
      long at;

      @Override
      public int read() {
        if (at >= size) return -1;
        int c = at < HEADER.length ? HEADER[(int) at] : 0;
        at++;
        return c;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (at >= size) return -1;
        if (len == 0) return 0;
        if (at < HEADER.length) {
          b[off] = (byte) read();
          return 1;
        }
        int n = (int) Math.min(len, size - at);
        java.util.Arrays.fill(b, off, off + n, (byte) 0);
        at += n;
        return n;
      }
    };
  }

  @ParameterizedTest(name = "{0} octets over the cap")
  @ValueSource(ints = {-1, 0, 1})
  void standardInputUpToTheCapIsReadWhole(int delta) throws IOException {
    long size = MessageFiles.MAX_BYTES + delta;
    InputStream in = new MessageFiles.Limited(stream(size), MessageFiles.MAX_BYTES);
    if (delta <= 0) {
      assertThat(in.transferTo(OutputStream.nullOutputStream())).isEqualTo(size);
    } else {
      assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
          .isInstanceOfSatisfying(
              MessageFiles.TooLarge.class,
              e ->
                  assertThat(MessageFiles.readError("-", e))
                      .hasMessage("standard input: larger than 50 MB; not a message"));
    }
  }
}
