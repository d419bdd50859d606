package dev.mailcheck.checks.postfix.log;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/** Where log lines come from: a file (plain or gzip, found by its magic bytes) or a stream. */
public sealed interface LogSource {
  /** How the source is named in the report. */
  String name();

  record File(Path path) implements LogSource {
    public File {
      Objects.requireNonNull(path);
    }

    @Override
    public String name() {
      return path.toString();
    }
  }

  /** Standard input: read once, in the position it was given (it cannot be peeked for sorting). */
  record Stream(String name, Supplier<InputStream> open) implements LogSource {
    public Stream {
      Objects.requireNonNull(name);
      Objects.requireNonNull(open);
    }
  }
}
