package dev.mailcheck.checks.dkim;

import dev.mailcheck.checks.TagList;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One DKIM-Signature header field, parsed (RFC 6376 §3.5). Parsing never throws: a signature that
 * cannot be used carries its {@link #error()} (a permerror reason) and whatever tags could be read,
 * so that the report still names its d=, s= and a=.
 *
 * @param field the header field as received
 * @param domain {@code d=}, as written ("" when absent)
 * @param selector {@code s=} ("" when absent)
 * @param algorithmToken {@code a=} as written
 * @param algorithm {@code a=} when DKIM defines it
 * @param headerCanon {@code c=} header part (simple by default)
 * @param bodyCanon {@code c=} body part (simple by default)
 * @param signedHeaders {@code h=}, lower case, in order, duplicates kept (over-signing)
 * @param identity {@code i=}, dkim-quoted-printable decoded; {@code @d} by default
 * @param bodyLength {@code l=}, when present
 * @param timestamp {@code t=} in seconds since the epoch
 * @param expiry {@code x=} in seconds since the epoch
 * @param bodyHash {@code bh=} decoded
 * @param signatureData {@code b=} decoded
 */
public record DkimSignature(
    DkimMessage.HeaderField field,
    String domain,
    String selector,
    String algorithmToken,
    Optional<DkimAlgorithm> algorithm,
    Canonicalization headerCanon,
    Canonicalization bodyCanon,
    String canonToken,
    List<String> signedHeaders,
    String identity,
    Optional<BigInteger> bodyLength,
    Optional<Long> timestamp,
    Optional<Long> expiry,
    byte[] bodyHash,
    byte[] signatureData,
    Optional<String> error) {

  public DkimSignature {
    signedHeaders = List.copyOf(signedHeaders);
    // field text quoted in the error keeps its control characters (even FWS tabs) out (U+XXXX)
    error = error.map(dev.mailcheck.internal.DomainNames::printable);
  }

  /** {@code header/body}, e.g. {@code relaxed/simple}. */
  public String canonicalization() {
    return error.isPresent() && !canonToken.isEmpty()
        ? canonToken
        : headerCanon.token() + "/" + bodyCanon.token();
  }

  /** The key record's DNS name, {@code s._domainkey.d} (RFC 6376 §3.6.2.1). */
  public String keyName() {
    return selector + "._domainkey." + domain;
  }

  public static DkimSignature parse(DkimMessage.HeaderField field) {
    TagList tags = TagList.parse(field.value());
    List<String> errors = new ArrayList<>();
    tags.problems().stream().findFirst().ifPresent(p -> errors.add("signature syntax: " + p));
    String d = tags.get("d").orElse("");
    String s = tags.get("s").orElse("");
    String a = tags.get("a").orElse("");
    String c = tags.get("c").orElse("");
    for (String required : List.of("v", "a", "b", "bh", "d", "h", "s")) {
      if (!tags.has(required)) errors.add("required tag " + required + "= is missing");
    }
    tags.get("v")
        .filter(v -> !v.equals("1"))
        .ifPresent(v -> errors.add("unsupported signature version v=" + v));
    Optional<DkimAlgorithm> alg = DkimAlgorithm.of(a);
    if (!a.isEmpty() && alg.isEmpty()) errors.add("unsupported algorithm a=" + a);

    Canonicalization hc = Canonicalization.SIMPLE;
    Canonicalization bc = Canonicalization.SIMPLE;
    if (tags.has("c")) {
      String[] parts = c.split("/", -1);
      Optional<Canonicalization> h = Canonicalization.of(TagList.stripFws(parts[0]));
      Optional<Canonicalization> b =
          parts.length > 1
              ? Canonicalization.of(TagList.stripFws(parts[1]))
              : Optional.of(Canonicalization.SIMPLE);
      if (h.isEmpty() || b.isEmpty() || parts.length > 2)
        errors.add("unknown canonicalization c=" + c);
      else {
        hc = h.get();
        bc = b.get();
      }
    }

    List<String> signed =
        tags.get("h")
            .map(
                h ->
                    Arrays.stream(h.split(":"))
                        .map(x -> TagList.stripFws(x).toLowerCase(Locale.ROOT))
                        .toList())
            .orElse(List.of());
    if (tags.has("h") && !signed.contains("from"))
      errors.add("h= does not include From (RFC 6376 §5.4 requires it)");
    if (signed.stream().anyMatch(String::isEmpty)) errors.add("h= has an empty header field name");

    String identity = "@" + d;
    if (tags.has("i")) {
      Optional<String> decoded = decodeQuotedPrintable(tags.get("i").get());
      if (decoded.isEmpty()) errors.add("i= is not valid dkim-quoted-printable");
      else {
        identity = decoded.get();
        int at = identity.lastIndexOf('@');
        String idDomain = at < 0 ? "" : identity.substring(at + 1);
        if (at < 0) errors.add("i= has no '@'");
        else if (!within(idDomain, d))
          errors.add("i= domain " + idDomain + " is not d=" + d + " or a subdomain of it");
      }
    }

    tags.get("q")
        .ifPresent(
            q -> {
              boolean dnsTxt =
                  Arrays.stream(q.split(":"))
                      .anyMatch(m -> TagList.stripFws(m).equalsIgnoreCase("dns/txt"));
              if (!dnsTxt) errors.add("q=" + q + " offers no query method DKIM defines (dns/txt)");
            });

    Optional<BigInteger> l = Optional.empty();
    if (tags.has("l")) {
      String lv = tags.get("l").get();
      if (!digits(lv, 76)) errors.add("l= is not a number: " + lv);
      else l = Optional.of(new BigInteger(lv));
    }
    Optional<Long> t = time(tags, "t", errors);
    Optional<Long> x = time(tags, "x", errors);
    if (t.isPresent() && x.isPresent() && x.get() <= t.get())
      errors.add("x= is not after t= (RFC 6376 §3.5)");

    byte[] bh = base64(tags.get("bh").orElse(""), "bh", errors);
    byte[] b = base64(tags.get("b").orElse(""), "b", errors);
    if (tags.has("b") && b.length == 0 && errors.isEmpty()) errors.add("b= is empty");
    if (d.isEmpty() && tags.has("d")) errors.add("d= is empty");
    if (s.isEmpty() && tags.has("s")) errors.add("s= is empty");

    return new DkimSignature(
        field,
        d,
        s,
        a,
        alg,
        hc,
        bc,
        c,
        signed,
        identity,
        l,
        t,
        x,
        bh,
        b,
        errors.stream().findFirst());
  }

  static boolean within(String sub, String parent) {
    String a = sub.toLowerCase(Locale.ROOT);
    String p = parent.toLowerCase(Locale.ROOT);
    return a.equals(p) || a.endsWith("." + p);
  }

  private static Optional<Long> time(TagList tags, String name, List<String> errors) {
    Optional<String> v = tags.get(name);
    if (v.isEmpty()) return Optional.empty();
    if (!digits(v.get(), 12)) {
      errors.add(name + "= is not a timestamp: " + v.get());
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(v.get()));
  }

  /** 1 to {@code max} ASCII digits. */
  private static boolean digits(String v, int max) {
    if (v.isEmpty() || v.length() > max) return false;
    for (int i = 0; i < v.length(); i++) if (v.charAt(i) < '0' || v.charAt(i) > '9') return false;
    return true;
  }

  private static byte[] base64(String value, String name, List<String> errors) {
    try {
      return Base64.getDecoder().decode(TagList.withoutFws(value));
    } catch (IllegalArgumentException e) {
      errors.add(name + "= is not valid base64");
      return new byte[0];
    }
  }

  /** dkim-quoted-printable (RFC 6376 §2.11): =XX hex escapes, folding whitespace ignored. */
  static Optional<String> decodeQuotedPrintable(String v) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') continue;
      if (ch == '=') {
        try {
          out.append((char) Integer.parseInt(v.substring(i + 1, i + 3), 16));
        } catch (RuntimeException e) {
          return Optional.empty();
        }
        i += 2;
      } else out.append(ch);
    }
    return Optional.of(out.toString());
  }
}
