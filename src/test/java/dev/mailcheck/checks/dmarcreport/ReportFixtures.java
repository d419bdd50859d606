package dev.mailcheck.checks.dmarcreport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The report fixtures (src/test/resources/dev/mailcheck/checks/dmarcreport, written in the shapes
 * Google, Microsoft, Yahoo and Fastmail send; no real data) packed the way each arrives: Google's
 * as a zip, Microsoft's and Yahoo's gzipped, attached to e-mail, Fastmail's as plain XML.
 */
final class ReportFixtures {
  private ReportFixtures() {}

  static byte[] xml(String name) {
    try (InputStream in = ReportFixtures.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("no fixture " + name);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] zip(String entry, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry(entry));
      z.write(data);
      z.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code data} in base64, in 76-column CRLF lines, as a mail attaches it. */
  static String base64Lines(byte[] data) {
    return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(data);
  }

  /** A report mail as receivers send it: a text part, then the report base64-encoded. */
  static String mail(String from, String filename, String type, byte[] attachment) {
    String b64 = base64Lines(attachment);
    return "Return-Path: <"
        + from
        + ">\r\n"
        + "From: "
        + from
        + "\r\n"
        + "To: dmarc-rua@example.com\r\n"
        + "Subject: Report Domain: example.com Submitter: "
        + from
        + "\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed;\r\n boundary=\"----=_Part_1_2.3\"\r\n"
        + "\r\n"
        + "This is a multi-part message in MIME format.\r\n"
        + "------=_Part_1_2.3\r\n"
        + "Content-Type: multipart/alternative; boundary=inner\r\n"
        + "\r\n"
        + "--inner\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n"
        + "\r\n"
        + "This is an aggregate report from "
        + from
        + ".\r\n"
        + "--inner\r\n"
        + "Content-Type: text/html; charset=utf-8\r\n"
        + "\r\n"
        + "<p>This is an aggregate report.</p>\r\n"
        + "--inner--\r\n"
        + "------=_Part_1_2.3\r\n"
        + "Content-Type: "
        + type
        + "; name=\""
        + filename
        + "\"\r\n"
        + "Content-Transfer-Encoding: base64\r\n"
        + "Content-Disposition: attachment;\r\n filename=\""
        + filename
        + "\"\r\n"
        + "\r\n"
        + b64
        + "\r\n"
        + "------=_Part_1_2.3--\r\n";
  }

  static final String GOOGLE_ZIP = "google.com!example.com!1704067200!1704153599.zip";

  /** Writes the four reporters' reports as they arrive, plus an mbox repeating two of them. */
  static Path inbox(Path dir) throws IOException {
    Files.createDirectories(dir);
    byte[] google = zip("google.com!example.com!1704067200!1704153599.xml", xml("google.xml"));
    Files.write(dir.resolve(GOOGLE_ZIP), google);
    Files.writeString(
        dir.resolve("microsoft.eml"),
        mail(
            "dmarcreport@microsoft.com",
            "enterprise.protection.outlook.com!example.com!1704153600!1704239999.xml.gz",
            "application/gzip",
            gzip(xml("microsoft.xml"))),
        StandardCharsets.ISO_8859_1);
    Files.write(dir.resolve("fastmail.xml"), xml("fastmail.xml"));
    String yahoo =
        mail(
            "dmarchelp@yahooinc.com",
            "yahoo.com!example.com!1704412800!1704499199.xml.gz",
            "application/octet-stream",
            gzip(xml("yahoo.xml")));
    String googleAgain =
        mail("noreply-dmarc-support@google.com", GOOGLE_ZIP, "application/zip", google);
    try (OutputStream out = Files.newOutputStream(dir.resolve("rua.mbox"))) {
      for (String m : new String[] {yahoo, googleAgain, yahoo}) {
        out.write(
            "From MAILER-DAEMON Tue Jan  9 00:00:00 2024\n".getBytes(StandardCharsets.US_ASCII));
        out.write(m.replace("\r\n", "\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write('\n');
      }
    }
    return dir;
  }

  /** A report of {@code n} records, one source address each. */
  static byte[] large(int n) {
    return large(n, n);
  }

  /** A report of {@code n} records from {@code sources} source addresses. */
  static byte[] large(int n, int sources) {
    StringBuilder sb = new StringBuilder(n * 600);
    sb.append(
            "<?xml version=\"1.0\"?>\n<feedback><report_metadata><org_name>big.example</org_name>")
        .append("<report_id>big-")
        .append(n)
        .append("</report_id>")
        .append(
            "<date_range><begin>1704067200</begin><end>1704671999</end></date_range></report_metadata>")
        .append("<policy_published><domain>example.com</domain><p>none</p></policy_published>\n");
    for (int i = 0; i < n; i++) {
      boolean pass = i % 10 != 0;
      int j = i % sources;
      sb.append("<record><row><source_ip>10.")
          .append((j >> 16) & 255)
          .append('.')
          .append((j >> 8) & 255)
          .append('.')
          .append(j & 255)
          .append("</source_ip><count>")
          .append(1 + i % 5)
          .append("</count><policy_evaluated><disposition>none</disposition><dkim>")
          .append(pass ? "pass" : "fail")
          .append("</dkim><spf>")
          .append(pass ? "pass" : "fail")
          .append(
              "</spf></policy_evaluated></row><identifiers><header_from>example.com</header_from></identifiers>")
          .append("<auth_results>")
          .append(
              pass
                  ? "<dkim><domain>example.com</domain><selector>s1</selector><result>pass</result></dkim>"
                  : "")
          .append("<spf><domain>example.com</domain><result>")
          .append(pass ? "pass" : "fail")
          .append("</result></spf></auth_results></record>\n");
    }
    sb.append("</feedback>\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
