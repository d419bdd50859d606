package dev.mailcheck.checks.bimi;

import dev.mailcheck.checks.Limits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;

/**
 * A BIMI evidence document (VMC or CMC): a PEM chain, leaf first, read with BouncyCastle. The
 * leaf's logotype extension (RFC 3709, {@code id-pe-logotype} 1.3.6.1.5.5.7.1.12) carries the mark
 * as a {@code data:} URI (gzip-compressed SVG) and a hash of that SVG; BIMI receivers show the logo
 * only when it is the one at {@code l=}.
 */
public final class Evidence {
  static final String LOGOTYPE_OID = "1.3.6.1.5.5.7.1.12";

  /** id-kp-BrandIndicatorforMessageIdentification. */
  static final String BIMI_EKU = "1.3.6.1.5.5.7.3.31";

  /** The markType subject attribute of Verified Mark Certificates. */
  static final String MARK_TYPE_OID = "1.3.6.1.4.1.53087.1.13";

  private static final Map<String, String> HASHES =
      Map.of(
          "1.3.14.3.2.26", "SHA-1",
          "2.16.840.1.101.3.4.2.1", "SHA-256",
          "2.16.840.1.101.3.4.2.2", "SHA-384",
          "2.16.840.1.101.3.4.2.3", "SHA-512");

  private Evidence() {}

  /**
   * @param logotypeHash hex of the extension's hash, "" when there is no logotype
   * @param embeddedLogo the SVG of the extension's data: URI, decompressed (empty when none)
   */
  public record Parsed(
      List<X509Certificate> chain,
      String markType,
      boolean bimiUsage,
      String hashAlgorithm,
      String logotypeHash,
      byte[] embeddedLogo,
      List<String> problems) {
    public Parsed {
      chain = List.copyOf(chain);
      problems = List.copyOf(problems);
    }

    public X509Certificate leaf() {
      return chain.get(0);
    }

    /** The hash of {@code logo} with the extension's algorithm equals the extension's hash. */
    public boolean hashMatches(byte[] logo) {
      if (logotypeHash.isEmpty()) return false;
      try {
        return HexFormat.of()
            .formatHex(MessageDigest.getInstance(hashAlgorithm).digest(logo))
            .equals(logotypeHash);
      } catch (NoSuchAlgorithmException e) {
        return false;
      }
    }
  }

  /** Empty when the document holds no certificate. */
  public static Optional<Parsed> parse(byte[] pem) {
    List<X509CertificateHolder> holders = new ArrayList<>();
    try (PEMParser p =
        new PEMParser(
            new InputStreamReader(new ByteArrayInputStream(pem), StandardCharsets.US_ASCII))) {
      Object o;
      while (holders.size() < Limits.BIMI_EVIDENCE_CERTIFICATES && (o = p.readObject()) != null)
        if (o instanceof X509CertificateHolder h) holders.add(h);
    } catch (IOException | RuntimeException e) {
      // not PEM, or a broken block: whatever parsed so far counts
    }
    if (holders.isEmpty()) return Optional.empty();
    List<X509Certificate> chain = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    var conv = new JcaX509CertificateConverter();
    for (X509CertificateHolder h : holders) {
      try {
        chain.add(conv.getCertificate(h));
      } catch (CertificateException e) {
        problems.add("a certificate cannot be read: " + e.getMessage());
      }
    }
    if (chain.isEmpty()) return Optional.empty();
    X509CertificateHolder leaf = holders.get(0);
    String markType = "";
    for (RDN rdn : leaf.getSubject().getRDNs(new ASN1ObjectIdentifier(MARK_TYPE_OID)))
      markType = IETFUtils.valueToString(rdn.getFirst().getValue());
    boolean eku = false;
    try {
      List<String> ekus = chain.get(0).getExtendedKeyUsage();
      eku = ekus != null && ekus.contains(BIMI_EKU);
    } catch (java.security.cert.CertificateParsingException e) {
      problems.add("the extended key usage cannot be read");
    }
    String alg = "", hash = "";
    byte[] embedded = new byte[0];
    var ext = leaf.getExtension(new ASN1ObjectIdentifier(LOGOTYPE_OID));
    if (ext == null)
      problems.add("no logotype extension (RFC 3709): the certificate carries no mark");
    else {
      Optional<ASN1Sequence> details = findDetails(ext.getParsedValue().toASN1Primitive(), 0);
      if (details.isEmpty()) problems.add("the logotype extension holds no image details");
      else {
        ASN1Sequence d = details.get();
        ASN1Sequence hashes = (ASN1Sequence) d.getObjectAt(1);
        ASN1Sequence first = ASN1Sequence.getInstance(hashes.getObjectAt(0));
        String oid = AlgorithmIdentifier.getInstance(first.getObjectAt(0)).getAlgorithm().getId();
        alg = HASHES.getOrDefault(oid, oid);
        hash =
            HexFormat.of().formatHex(ASN1OctetString.getInstance(first.getObjectAt(1)).getOctets());
        String uri =
            ASN1IA5String.getInstance(ASN1Sequence.getInstance(d.getObjectAt(2)).getObjectAt(0))
                .getString();
        try {
          embedded = dataUri(uri);
        } catch (IOException | IllegalArgumentException e) {
          problems.add("the logotype URI is not a readable data: URI: " + e.getMessage());
        }
      }
    }
    return Optional.of(new Parsed(chain, markType, eku, alg, hash, embedded, problems));
  }

  /**
   * LogotypeDetails ::= SEQUENCE { mediaType IA5String, logotypeHash SEQUENCE OF HashAlgAndValue,
   * logotypeURI SEQUENCE OF IA5String }.
   */
  private static Optional<ASN1Sequence> findDetails(ASN1Primitive p, int depth) {
    if (depth > 12) return Optional.empty();
    if (p instanceof ASN1Sequence s) {
      if (s.size() == 3
          && s.getObjectAt(0) instanceof ASN1IA5String
          && s.getObjectAt(1) instanceof ASN1Sequence h
          && h.size() > 0
          && s.getObjectAt(2) instanceof ASN1Sequence u
          && u.size() > 0
          && u.getObjectAt(0) instanceof ASN1IA5String) return Optional.of(s);
      for (ASN1Encodable e : s) {
        var found = findDetails(e.toASN1Primitive(), depth + 1);
        if (found.isPresent()) return found;
      }
    }
    if (p instanceof ASN1TaggedObject t) {
      try {
        var found = findDetails(ASN1Sequence.getInstance(t, false), depth + 1);
        if (found.isPresent()) return found;
      } catch (RuntimeException e) {
        // not an implicitly tagged sequence
      }
      try {
        return findDetails(t.getExplicitBaseObject().toASN1Primitive(), depth + 1);
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The bytes of a {@code data:} URI, gunzipped when gzip-compressed (capped). */
  static byte[] dataUri(String uri) throws IOException {
    if (!uri.startsWith("data:"))
      throw new IOException(
          "not a data: URI: " + (uri.length() > 40 ? uri.substring(0, 40) + "..." : uri));
    int comma = uri.indexOf(',');
    if (comma < 0) throw new IOException("no comma in the data: URI");
    String header = uri.substring(5, comma);
    String content = uri.substring(comma + 1);
    byte[] raw =
        header.endsWith(";base64")
            ? Base64.getMimeDecoder().decode(content)
            : java.net.URLDecoder.decode(content, StandardCharsets.UTF_8)
                .getBytes(StandardCharsets.UTF_8);
    if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
        byte[] out = in.readNBytes(Limits.BIMI_EMBEDDED_LOGO_BYTES + 1);
        if (out.length > Limits.BIMI_EMBEDDED_LOGO_BYTES)
          throw new IOException("the embedded logo is over 1 MiB decompressed");
        return out;
      }
    }
    return raw;
  }

  /** The SHA-256 of bytes, lower-case hex. */
  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
