package dev.mailcheck.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The tab-separated fixture files run.sh writes (comment lines start with #). */
final class Tsv {
  private Tsv() {}

  static List<List<String>> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> Arrays.asList(l.split("\t", -1)))
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + " (written by run.sh)", e);
    }
  }
}
