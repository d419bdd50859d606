package dev.mailcheck.checks.mtasts;

import dev.mailcheck.checks.TagList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code _smtp._tls} TXT record, RFC 8460 §3:
 *
 * <pre>
 * tlsrpt-record  = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim]
 * tlsrpt-version = %s"v=TLSRPTv1"
 * tlsrpt-rua     = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)
 * tlsrpt-uri     = URI   ; mailto: (RFC 6068) or https: (RFC 2818)
 * </pre>
 *
 * @param rua the report destinations, as published
 */
public record TlsRptRecord(String text, List<String> rua, List<Problem> problems) {
  public TlsRptRecord {
    rua = List.copyOf(rua);
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.stream().noneMatch(Problem::fatal);
  }

  /** RFC 8460 §3: records that do not begin with "v=TLSRPTv1" are discarded. */
  public static boolean isTlsRpt(String txt) {
    return txt.startsWith("v=TLSRPTv1");
  }

  public static TlsRptRecord parse(String text) {
    List<Problem> problems = new ArrayList<>();
    if (!text.startsWith("v=TLSRPTv1;") && !text.equals("v=TLSRPTv1"))
      problems.add(new Problem(1, true, "the record must begin with \"v=TLSRPTv1;\""));
    TagList tags = TagList.parse(text);
    for (TagList.Problem p : tags.problems())
      problems.add(new Problem(p.position() + 1, true, p.message()));
    List<String> rua = new ArrayList<>();
    boolean sawRua = false;
    for (TagList.Tag t : tags.tags()) {
      switch (t.name()) {
        case "v" -> {}
        case "rua" -> {
          sawRua = true;
          int offset = text.indexOf(t.value(), t.position());
          int pos = offset < 0 ? t.position() + 1 : offset + 1;
          for (String raw : t.value().split(",", -1)) {
            String uri = raw.strip();
            if (uri.isEmpty()) {
              problems.add(new Problem(pos, true, "an empty URI in rua="));
            } else {
              String lower = uri.toLowerCase(Locale.ROOT);
              if (lower.startsWith("mailto:")) {
                if (!uri.substring(7).matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))
                  problems.add(new Problem(pos, true, "not a mailto: address: \"" + uri + "\""));
              } else if (lower.startsWith("https://")) {
                try {
                  java.net.URI u = new java.net.URI(uri);
                  if (u.getHost() == null)
                    problems.add(
                        new Problem(pos, true, "an https: URI without a host: \"" + uri + "\""));
                } catch (java.net.URISyntaxException e) {
                  problems.add(new Problem(pos, true, "not a valid URI: \"" + uri + "\""));
                }
              } else {
                problems.add(
                    new Problem(
                        pos, true, "rua= URIs must be mailto: or https:, not \"" + uri + "\""));
              }
              rua.add(uri);
            }
            pos += raw.length() + 1;
          }
        }
        default -> {
          if (!t.name().matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}"))
            problems.add(
                new Problem(t.position() + 1, true, "bad field name \"" + t.name() + "\""));
        }
      }
    }
    if (!sawRua)
      problems.add(new Problem(Math.max(1, text.length()), true, "no rua= field (it is required)"));
    return new TlsRptRecord(text, rua, problems);
  }
}
