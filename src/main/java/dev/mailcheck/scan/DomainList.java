package dev.mailcheck.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads a domain list lazily, one name per line: blank lines and lines starting with {@code #} are
 * skipped, and a line keeps only its first field (up to white space or a comma), so a CSV whose
 * first column is the domain works as is. A line longer than {@link #MAX_LINE} characters is cut
 * there, without buffering the rest: the input may be any size.
 */
public final class DomainList implements Iterator<String> {
  /** Far beyond a domain name's 253 characters; the rest of a longer line is skipped. */
  static final int MAX_LINE = 1024;

  private final BufferedReader in;
  private String next;
  private boolean done;

  public DomainList(Reader in) {
    this.in = in instanceof BufferedReader b ? b : new BufferedReader(in);
  }

  @Override
  public boolean hasNext() {
    if (next != null) return true;
    if (done) return false;
    try {
      String line;
      while ((line = readLine()) != null) {
        String d = firstField(line);
        if (!d.isEmpty() && !d.startsWith("#")) {
          next = d;
          return true;
        }
      }
      done = true;
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String next() {
    if (!hasNext()) throw new NoSuchElementException();
    String d = next;
    next = null;
    return d;
  }

  static String firstField(String line) {
    String s = line.strip();
    if (s.startsWith("\uFEFF")) s = s.substring(1).strip();
    int end = 0;
    while (end < s.length()) {
      char c = s.charAt(end);
      if (Character.isWhitespace(c) || c == ',' || c == ';') break;
      end++;
    }
    return s.substring(0, end);
  }

  /** A line without its end, at most {@link #MAX_LINE} characters; null at the end. */
  private String readLine() throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    boolean any = false;
    while ((c = in.read()) != -1) {
      any = true;
      if (c == '\n') break;
      if (c != '\r' && sb.length() < MAX_LINE) sb.append((char) c);
    }
    return any ? sb.toString() : null;
  }
}
