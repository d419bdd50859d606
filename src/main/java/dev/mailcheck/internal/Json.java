package dev.mailcheck.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A small JSON reader and writer (RFC 8259) for the core's own files: DNS recordings and blocklist
 * catalogs. The report's JSON is written by {@code report/render}; this keeps Jackson out of {@code
 * dns/} and {@code checks/}, and out of the start-up path of commands that read such files.
 *
 * <p>The reader builds a tree of {@link Value}s, keeps the member order, refuses duplicate member
 * names, nesting deeper than {@link #MAX_DEPTH} and trailing content, and reports errors as {@link
 * SyntaxError} with the line and column.
 */
public final class Json {
  /** Deeper nesting is refused (a hostile file must not exhaust the stack). */
  public static final int MAX_DEPTH = 64;

  private Json() {}

  /** A JSON value. */
  public sealed interface Value permits Obj, Arr, Str, Num, Bool, Null {
    /** The member {@code name} of an object; {@link Null} when absent or not an object. */
    default Value get(String name) {
      return this instanceof Obj o ? o.members().getOrDefault(name, Null.NULL) : Null.NULL;
    }

    default boolean has(String name) {
      return this instanceof Obj o && o.members().containsKey(name);
    }

    /** The elements of an array; empty for anything else. */
    default List<Value> elements() {
      return this instanceof Arr a ? a.values() : List.of();
    }

    /** The text of a string; empty for anything else. */
    default Optional<String> text() {
      return this instanceof Str s ? Optional.of(s.value()) : Optional.empty();
    }

    /** The string, or {@code fallback} when this is not a string. */
    default String textOr(String fallback) {
      return text().orElse(fallback);
    }

    default boolean boolOr(boolean fallback) {
      return this instanceof Bool b ? b.value() : fallback;
    }

    /** A number without fraction within the range of long; empty for anything else. */
    default Optional<Long> longValue() {
      if (!(this instanceof Num n)) return Optional.empty();
      try {
        return Optional.of(n.value().longValueExact());
      } catch (ArithmeticException e) {
        return Optional.empty();
      }
    }
  }

  public record Obj(Map<String, Value> members) implements Value {
    public Obj {
      members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }
  }

  public record Arr(List<Value> values) implements Value {
    public Arr {
      values = List.copyOf(values);
    }
  }

  public record Str(String value) implements Value {}

  public record Num(BigDecimal value) implements Value {}

  public record Bool(boolean value) implements Value {}

  public enum Null implements Value {
    NULL
  }

  /** A file that is not JSON, with where the reader stopped (1-based). */
  public static final class SyntaxError extends IllegalArgumentException {
    private final String detail;
    private final int line;
    private final int column;

    SyntaxError(String detail, int line, int column) {
      super(detail + " at line " + line + ", column " + column);
      this.detail = detail;
      this.line = line;
      this.column = column;
    }

    /** What is wrong, without the position. */
    public String detail() {
      return detail;
    }

    public int line() {
      return line;
    }

    public int column() {
      return column;
    }
  }

  public static Value parse(CharSequence text) {
    var p = new Parser(text);
    p.space();
    Value v = p.value(0);
    p.space();
    if (p.pos < text.length()) throw p.error("unexpected content after the JSON value");
    return v;
  }

  /** Writes {@code v} indented by two spaces per level, members in their order. */
  public static String write(Value v) {
    StringBuilder sb = new StringBuilder();
    write(v, sb, 0);
    return sb.toString();
  }

  public static Str of(String s) {
    return new Str(s);
  }

  public static Num of(long n) {
    return new Num(BigDecimal.valueOf(n));
  }

  public static Bool of(boolean b) {
    return new Bool(b);
  }

  private static void write(Value v, StringBuilder sb, int indent) {
    switch (v) {
      case Obj o -> {
        if (o.members().isEmpty()) {
          sb.append("{ }");
          return;
        }
        sb.append("{\n");
        int i = 0;
        for (var e : o.members().entrySet()) {
          sb.repeat(' ', indent + 2);
          quote(e.getKey(), sb);
          sb.append(" : ");
          write(e.getValue(), sb, indent + 2);
          sb.append(++i < o.members().size() ? ",\n" : "\n");
        }
        sb.repeat(' ', indent).append('}');
      }
      case Arr a -> {
        if (a.values().isEmpty()) {
          sb.append("[ ]");
          return;
        }
        sb.append("[ ");
        for (int i = 0; i < a.values().size(); i++) {
          if (i > 0) sb.append(", ");
          write(a.values().get(i), sb, indent);
        }
        sb.append(" ]");
      }
      case Str s -> quote(s.value(), sb);
      case Num n -> sb.append(n.value().toPlainString());
      case Bool b -> sb.append(b.value());
      case Null n -> sb.append("null");
    }
  }

  private static void quote(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }

  private static final class Parser {
    private final CharSequence s;
    private int pos;

    Parser(CharSequence s) {
      this.s = s;
    }

    SyntaxError error(String message) {
      int line = 1;
      int column = 1;
      for (int i = 0; i < Math.min(pos, s.length()); i++) {
        if (s.charAt(i) == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      return new SyntaxError(message, line, column);
    }

    void space() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
        pos++;
      }
    }

    Value value(int depth) {
      if (depth >= MAX_DEPTH) throw error("nested deeper than " + MAX_DEPTH + " levels");
      if (pos >= s.length()) throw error("unexpected end of input");
      char c = s.charAt(pos);
      return switch (c) {
        case '{' -> object(depth);
        case '[' -> array(depth);
        case '"' -> new Str(string());
        case 't' -> literal("true", new Bool(true));
        case 'f' -> literal("false", new Bool(false));
        case 'n' -> literal("null", Null.NULL);
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) yield number();
          throw error("unexpected character '" + printable(c) + "'");
        }
      };
    }

    private Value object(int depth) {
      pos++;
      Map<String, Value> members = new LinkedHashMap<>();
      space();
      if (peek('}')) return new Obj(members);
      while (true) {
        space();
        if (pos >= s.length()) throw error("unexpected end of input");
        if (s.charAt(pos) != '"') throw error("expected a member name in double quotes");
        int at = pos;
        String name = string();
        space();
        expect(':');
        space();
        Value v = value(depth + 1);
        if (members.put(name, v) != null) {
          pos = at;
          throw error("duplicate member \"" + name + "\"");
        }
        space();
        if (peek('}')) return new Obj(members);
        expect(',');
      }
    }

    private Value array(int depth) {
      pos++;
      List<Value> values = new ArrayList<>();
      space();
      if (peek(']')) return new Arr(values);
      while (true) {
        space();
        values.add(value(depth + 1));
        space();
        if (peek(']')) return new Arr(values);
        expect(',');
      }
    }

    private boolean peek(char c) {
      if (pos < s.length() && s.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw error(
            pos >= s.length()
                ? "unexpected end of input, expected '" + c + "'"
                : "expected '" + c + "' but found '" + printable(s.charAt(pos)) + "'");
      }
    }

    private Value literal(String word, Value v) {
      for (int i = 0; i < word.length(); i++) {
        if (pos + i >= s.length() || s.charAt(pos + i) != word.charAt(i))
          throw error("unexpected character '" + printable(s.charAt(pos)) + "'");
      }
      pos += word.length();
      return v;
    }

    private String string() {
      pos++; // the opening quote
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (pos >= s.length()) throw error("unterminated string");
        char c = s.charAt(pos++);
        if (c == '"') return sb.toString();
        if (c < 0x20) {
          pos--;
          throw error("control character in a string");
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        if (pos >= s.length()) throw error("unterminated string");
        char e = s.charAt(pos++);
        switch (e) {
          case '"', '\\', '/' -> sb.append(e);
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'u' -> {
            if (pos + 4 > s.length()) throw error("bad \\u escape");
            int v = 0;
            for (int i = 0; i < 4; i++) {
              int d = Character.digit(s.charAt(pos + i), 16);
              if (d < 0) throw error("bad \\u escape");
              v = v * 16 + d;
            }
            pos += 4;
            sb.append((char) v);
          }
          default -> {
            pos -= 2;
            throw error("bad escape '\\" + printable(e) + "'");
          }
        }
      }
    }

    private Value number() {
      int start = pos;
      if (peek('-') && pos >= s.length()) throw error("bad number");
      if (peek('0')) {
        // no leading zeros
      } else if (!digits()) {
        throw error("bad number");
      }
      if (peek('.') && !digits()) throw error("bad number");
      if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
        pos++;
        if (!peek('+')) peek('-');
        if (!digits()) throw error("bad number");
      }
      if (pos - start > 400) {
        pos = start;
        throw error("number longer than 400 characters");
      }
      try {
        return new Num(new BigDecimal(s.subSequence(start, pos).toString()));
      } catch (NumberFormatException e) {
        pos = start;
        throw error("number out of range");
      }
    }

    private boolean digits() {
      int start = pos;
      while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') pos++;
      return pos > start;
    }

    private static String printable(char c) {
      return c >= 0x20 && c < 0x7f
          ? String.valueOf(c)
          : String.format(Locale.ROOT, "\\u%04x", (int) c);
    }
  }
}
