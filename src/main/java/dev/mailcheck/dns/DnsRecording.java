package dev.mailcheck.dns;

import dev.mailcheck.internal.InputException;
import dev.mailcheck.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xbill.DNS.Address;

/**
 * The JSON file of {@code --dns-record} and {@code --dns-replay} (format in docs/dns.md): a list of
 * answers, each {@code {name, type, outcome, records: [{name, type, ttl, data}], cnameChain}} plus
 * {@code detail} for failures. {@code data} is the RDATA in zone-file presentation form; TXT
 * strings are quoted with {@code \DDD} escapes for every octet outside printable ASCII, so that
 * they round-trip octet for octet.
 */
final class DnsRecording {

  private DnsRecording() {}

  /** What a recording holds: plain answers, and the signed answers of DNSSEC validation. */
  record Contents(Map<DnsQuestion, DnsResult> answers, Map<DnsQuestion, SignedAnswer> signed) {}

  static void write(Path file, List<DnsResult> results) {
    write(file, results, List.of());
  }

  /**
   * Signed answers are entries like the others plus {@code "dnssec": true}, the AD bit and the two
   * sections ({@code answer}, {@code authority}) in the same record form; a file without them (as
   * recorded before DNSSEC validation existed) still reads.
   */
  static void write(Path file, List<DnsResult> results, List<SignedAnswer> signed) {
    List<Json.Value> list = new ArrayList<>();
    for (DnsResult r : results) list.add(toJson(r));
    for (SignedAnswer a : signed) {
      Map<String, Json.Value> n = fields(a.outcome());
      n.put("dnssec", Json.of(true));
      n.put("ad", Json.of(a.authenticData()));
      n.put("answer", records(a.answer()));
      n.put("authority", records(a.authority()));
      list.add(new Json.Obj(n));
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      Files.writeString(file, Json.write(new Json.Arr(list)) + "\n");
    } catch (IOException e) {
      throw new InputException("cannot write DNS recording " + file + ": " + reason(e));
    }
  }

  static Map<DnsQuestion, DnsResult> read(Path file) {
    return readAll(file).answers();
  }

  static Contents readAll(Path file) {
    try {
      if (Files.size(file) > Limits.REPLAY_FILE_BYTES) {
        throw new InputException("DNS replay file " + file + " is larger than 64 MiB");
      }
      Json.Value root = Json.parse(Files.readString(file));
      if (!(root instanceof Json.Arr))
        throw new IllegalArgumentException("expected a JSON list of answers");
      Map<DnsQuestion, DnsResult> out = new LinkedHashMap<>();
      Map<DnsQuestion, SignedAnswer> signed = new LinkedHashMap<>();
      int i = 0;
      for (Json.Value n : root.elements()) {
        try {
          DnsResult r = fromJson(n);
          if (n.get("dnssec").boolOr(false)) {
            signed.put(
                r.question(),
                new SignedAnswer(
                    r, n.get("ad").boolOr(false), section(n, "answer"), section(n, "authority")));
          } else {
            out.put(r.question(), r);
          }
        } catch (RuntimeException e) {
          throw new IllegalArgumentException("answer " + i + ": " + e.getMessage(), e);
        }
        i++;
      }
      return new Contents(out, signed);
    } catch (InputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new InputException("cannot use DNS replay file " + file + ": " + reason(e));
    }
  }

  private static String reason(Exception e) {
    if (e instanceof Json.SyntaxError j) {
      return "not valid JSON at line " + j.line() + ", column " + j.column() + ": " + j.detail();
    }
    if (e instanceof java.nio.charset.CharacterCodingException) return "not UTF-8 text";
    String m = e.getMessage();
    if (e instanceof java.nio.file.NoSuchFileException) m = "no such file";
    if (m == null) m = e.getClass().getSimpleName();
    return m.lines().findFirst().orElse(m);
  }

  /** One answer as the recording writes it. */
  static Json.Obj toJson(DnsResult r) {
    return new Json.Obj(fields(r));
  }

  private static Map<String, Json.Value> fields(DnsResult r) {
    Map<String, Json.Value> n = new LinkedHashMap<>();
    n.put("name", Json.of(r.question().name()));
    n.put("type", Json.of(r.question().type().name()));
    n.put("outcome", Json.of(r.outcome()));
    n.put("records", records(r.recordsOrEmpty()));
    n.put("cnameChain", new Json.Arr(r.cnameChain().stream().<Json.Value>map(Json::of).toList()));
    switch (r) {
      case DnsResult.ServFail s -> n.put("detail", Json.of(s.detail()));
      case DnsResult.Refused s -> n.put("detail", Json.of(s.detail()));
      case DnsResult.Timeout s -> n.put("detail", Json.of(s.detail()));
      default -> {}
    }
    return n;
  }

  private static Json.Arr records(List<DnsRecord> records) {
    List<Json.Value> out = new ArrayList<>();
    for (DnsRecord rec : records) {
      Map<String, Json.Value> o = new LinkedHashMap<>();
      o.put("name", Json.of(rec.name()));
      o.put("type", Json.of(rec.type().name()));
      o.put("ttl", Json.of(rec.ttl()));
      o.put("data", Json.of(zoneData(rec)));
      out.add(new Json.Obj(o));
    }
    return new Json.Arr(out);
  }

  /** The RDATA as a zone file (and dnsjava's parser) takes it back. */
  static String zoneData(DnsRecord rec) {
    return rec instanceof DnsRecord.Txt t ? txtData(t.strings()) : rec.data();
  }

  private static List<DnsRecord> section(Json.Value n, String field) {
    List<DnsRecord> out = new ArrayList<>();
    if (!n.has(field)) return out;
    Json.Value list = n.get(field);
    if (!(list instanceof Json.Arr))
      throw new IllegalArgumentException("'" + field + "' must be a list");
    for (Json.Value r : list.elements()) out.add(record(r));
    return out;
  }

  static DnsResult fromJson(Json.Value n) {
    if (!(n instanceof Json.Obj)) throw new IllegalArgumentException("expected an object");
    DnsQuestion q = DnsQuestion.of(text(n, "name"), type(text(n, "type")));
    String outcome = text(n, "outcome");
    List<String> chain = new ArrayList<>();
    for (Json.Value c : n.get("cnameChain").elements()) {
      chain.add(
          DnsQuestion.normalize(
              c.text()
                  .orElseThrow(
                      () -> new IllegalArgumentException("'cnameChain' must hold names"))));
    }
    String detail = n.get("detail").textOr("replayed");
    return switch (outcome) {
      case "NOERROR" -> {
        List<DnsRecord> records = new ArrayList<>();
        List<Json.Value> list = n.get("records").elements();
        if (list.isEmpty()) throw new IllegalArgumentException("NOERROR without records");
        for (Json.Value r : list) records.add(record(r));
        yield new DnsResult.Records(q, records, chain);
      }
      case "NODATA" -> new DnsResult.NoData(q, chain);
      case "NXDOMAIN" -> new DnsResult.NxDomain(q, chain);
      case "SERVFAIL" -> new DnsResult.ServFail(q, detail);
      case "REFUSED" -> new DnsResult.Refused(q, 5, detail);
      case "TIMEOUT" -> new DnsResult.Timeout(q, detail);
      default -> {
        if (outcome.matches("RCODE\\d{1,4}")) {
          yield new DnsResult.Refused(q, Integer.parseInt(outcome.substring(5)), detail);
        }
        throw new IllegalArgumentException("unknown outcome '" + outcome + "'");
      }
    };
  }

  private static DnsRecord record(Json.Value n) {
    String name = DnsQuestion.normalize(text(n, "name"));
    RecordType type = type(text(n, "type"));
    long ttl =
        n.get("ttl")
            .longValue()
            .filter(t -> t >= 0)
            .orElseThrow(() -> new IllegalArgumentException("bad ttl"));
    String raw = text(n, "data");
    String data = raw.trim();
    return switch (type) {
      case A, AAAA -> {
        InetAddress a = literal(data, type == RecordType.A ? Address.IPv4 : Address.IPv6);
        yield new DnsRecord.Address(name, ttl, a);
      }
      case MX -> {
        String[] parts = data.split("\\s+");
        if (parts.length != 2 || !parts[0].matches("\\d{1,5}"))
          throw new IllegalArgumentException("bad MX data '" + data + "'");
        String exchange = parts[1].equals(".") ? "" : DnsQuestion.normalize(parts[1]);
        yield new DnsRecord.Mx(name, ttl, Integer.parseInt(parts[0]), exchange);
      }
      case TXT, SPF -> new DnsRecord.Txt(name, ttl, type, parseTxt(data));
      // the root as target is "." in the file and "" in a record, as for the null MX exchange
      case PTR -> new DnsRecord.Ptr(name, ttl, data.equals(".") ? "" : DnsQuestion.normalize(data));
      case CNAME ->
          new DnsRecord.Cname(name, ttl, data.equals(".") ? "" : DnsQuestion.normalize(data));
      // opaque presentation text goes back exactly as recorded (it may end in a space)
      default -> new DnsRecord.Other(name, ttl, type, raw);
    };
  }

  private static InetAddress literal(String s, int family) {
    try {
      byte[] bytes = Address.toByteArray(s, family);
      if (bytes == null) throw new IllegalArgumentException("bad address '" + s + "'");
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("bad address '" + s + "'");
    }
  }

  private static String text(Json.Value n, String field) {
    return n.get(field)
        .text()
        .orElseThrow(() -> new IllegalArgumentException("missing field '" + field + "'"));
  }

  private static RecordType type(String s) {
    try {
      return RecordType.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown type '" + s + "'");
    }
  }

  /**
   * {@code "v=spf1 -all" "more"}: printable ASCII as is, '"' and '\' escaped, other octets \DDD.
   */
  static String txtData(List<byte[]> strings) {
    StringBuilder sb = new StringBuilder();
    for (byte[] s : strings) {
      if (!sb.isEmpty()) sb.append(' ');
      sb.append('"');
      for (byte b : s) {
        int c = b & 0xff;
        if (c == '"' || c == '\\') sb.append('\\').append((char) c);
        else if (c >= 0x20 && c < 0x7f) sb.append((char) c);
        else sb.append('\\').append(String.format(Locale.ROOT, "%03d", c));
      }
      sb.append('"');
    }
    return sb.toString();
  }

  static List<byte[]> parseTxt(String data) {
    List<byte[]> out = new ArrayList<>();
    int i = 0;
    while (i < data.length()) {
      char c = data.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
        continue;
      }
      if (c != '"') throw new IllegalArgumentException("TXT data must be quoted strings");
      ByteArrayOutputStream s = new ByteArrayOutputStream();
      i++;
      while (true) {
        if (i >= data.length()) throw new IllegalArgumentException("unterminated TXT string");
        char d = data.charAt(i++);
        if (d == '"') break;
        if (d == '\\') {
          if (i >= data.length()) throw new IllegalArgumentException("bad escape in TXT data");
          char e = data.charAt(i);
          if (Character.isDigit(e)) {
            if (i + 3 > data.length() || !data.substring(i, i + 3).matches("\\d{3}"))
              throw new IllegalArgumentException("bad \\DDD escape in TXT data");
            int v = Integer.parseInt(data.substring(i, i + 3));
            if (v > 255) throw new IllegalArgumentException("bad \\DDD escape in TXT data");
            s.write(v);
            i += 3;
          } else {
            s.write(e);
            i++;
          }
        } else if (d > 0x7f) {
          int cp = data.codePointAt(i - 1);
          s.writeBytes(Character.toString(cp).getBytes(java.nio.charset.StandardCharsets.UTF_8));
          i += Character.charCount(cp) - 1;
        } else {
          s.write(d);
        }
      }
      if (s.size() > 255) throw new IllegalArgumentException("TXT string longer than 255 octets");
      out.add(s.toByteArray());
    }
    return out;
  }
}
