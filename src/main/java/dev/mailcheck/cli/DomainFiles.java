package dev.mailcheck.cli;

import dev.mailcheck.internal.InputException;
import dev.mailcheck.scan.DomainList;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The domains of a many-domain run: those on the command line, then those of {@code --from-file} (a
 * file, or {@code -} for standard input), read lazily. A regular file is counted first (one cheap
 * pass) so that the progress bar knows the total; standard input is not.
 */
final class DomainFiles {
  private DomainFiles() {}

  record Input(Iterator<String> domains, OptionalLong total, AutoCloseable closer)
      implements AutoCloseable {
    @Override
    public void close() throws Exception {
      closer.close();
    }
  }

  static Input open(String fromFile, List<String> named) {
    if (fromFile == null)
      return new Input(named.iterator(), OptionalLong.of(named.size()), () -> {});
    Reader reader;
    OptionalLong total;
    if (fromFile.equals("-")) {
      reader = new InputStreamReader(System.in, StandardCharsets.UTF_8);
      total = OptionalLong.empty();
    } else {
      Path p = Path.of(fromFile);
      if (Files.isDirectory(p))
        throw new InputException("--from-file " + fromFile + ": is a directory");
      try {
        total = OptionalLong.of(named.size() + count(p));
        reader = Files.newBufferedReader(p, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new InputException("--from-file " + fromFile + ": no such file");
      } catch (IOException | java.io.UncheckedIOException e) {
        throw new InputException("--from-file " + fromFile + ": cannot read it (" + e + ")");
      }
    }
    Iterator<String> fromReader = new DomainList(reader);
    Iterator<String> all = Stream.concat(named.stream(), streamOf(fromReader)).iterator();
    return new Input(all, total, reader);
  }

  private static long count(Path p) throws IOException {
    try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      long n = 0;
      DomainList l = new DomainList(r);
      while (l.hasNext()) {
        l.next();
        n++;
      }
      return n;
    }
  }

  private static Stream<String> streamOf(Iterator<String> it) {
    return java.util.stream.StreamSupport.stream(
        java.util.Spliterators.spliteratorUnknownSize(it, java.util.Spliterator.ORDERED), false);
  }
}
