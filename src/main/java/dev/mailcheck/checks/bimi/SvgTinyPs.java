package dev.mailcheck.checks.bimi;

import dev.mailcheck.checks.Limits;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Checks a logo against SVG Tiny Portable/Secure (the BIMI profile of SVG Tiny 1.2): root {@code
 * svg} in the SVG namespace with {@code baseProfile="tiny-ps"} and {@code version="1.2"}, a {@code
 * title}, no scripts or event handlers, no external references, no raster images, no animation or
 * foreign objects, no {@code x}/{@code y} on the root, a square viewBox. The reader refuses DTDs (a
 * DOCTYPE is a problem and ends the check) and external entities, and stops at a depth and element
 * count cap: the logo comes from a server we do not trust.
 */
public final class SvgTinyPs {
  static final String SVG_NS = "http://www.w3.org/2000/svg";

  /** BIMI asks logos to stay under 32 KB. */
  public static final int RECOMMENDED_BYTES = 32 * 1024;

  private static final Set<String> FORBIDDEN =
      Set.of(
          "script",
          "image",
          "foreignObject",
          "animate",
          "animateMotion",
          "animateColor",
          "animateTransform",
          "set",
          "video",
          "audio",
          "iframe",
          "handler",
          "listener");

  private SvgTinyPs() {}

  /**
   * @param problems what breaks the profile, in document order (at most 20)
   */
  public record Result(
      String baseProfile, String version, String title, String viewBox, List<String> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  public static Result check(byte[] svg) {
    List<String> problems = new ArrayList<>();
    if (svg.length >= 2 && (svg[0] & 0xff) == 0x1f && (svg[1] & 0xff) == 0x8b)
      return new Result(
          "", "", "", "", List.of("the logo is gzip-compressed (SVGZ); BIMI needs plain SVG"));
    if (svg.length > RECOMMENDED_BYTES)
      problems.add(svg.length + " bytes: over the 32 KB BIMI asks logos to stay under");
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    try {
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    } catch (IllegalArgumentException e) {
      // not supported by this implementation: SUPPORT_DTD=false already refuses it
    }
    String baseProfile = "", version = "", title = "", viewBox = "";
    boolean sawTitle = false;
    try {
      XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(svg));
      int depth = 0, elements = 0;
      boolean inRootTitle = false;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.DTD) {
          problems.add("a DOCTYPE (DTD) is not allowed: refused without reading it");
          break;
        }
        if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
          problems.add("an entity reference (&" + r.getLocalName() + ";) is not allowed");
          continue;
        }
        if (ev == XMLStreamConstants.END_ELEMENT) {
          depth--;
          inRootTitle = false;
          continue;
        }
        if (ev == XMLStreamConstants.CHARACTERS && inRootTitle) {
          title += r.getText();
          continue;
        }
        if (ev != XMLStreamConstants.START_ELEMENT) continue;
        depth++;
        elements++;
        if (depth > Limits.SVG_DEPTH || elements > Limits.SVG_ELEMENTS) {
          problems.add(
              "more than "
                  + Limits.SVG_DEPTH
                  + " levels or "
                  + Limits.SVG_ELEMENTS
                  + " elements: not checked further");
          break;
        }
        String name = r.getLocalName();
        String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
        if (depth == 1) {
          if (!name.equals("svg") || !ns.equals(SVG_NS)) {
            problems.add("the root element is <" + name + ">, not <svg> in the SVG namespace");
            break;
          }
          baseProfile = attr(r, "baseProfile");
          version = attr(r, "version");
          viewBox = attr(r, "viewBox");
          if (!baseProfile.equals("tiny-ps"))
            problems.add("baseProfile must be \"tiny-ps\", not \"" + baseProfile + "\"");
          if (!version.equals("1.2"))
            problems.add("version must be \"1.2\", not \"" + version + "\"");
          if (!attr(r, "x").isEmpty() || !attr(r, "y").isEmpty())
            problems.add("the root <svg> must not have x= or y=");
          square(viewBox, attr(r, "width"), attr(r, "height")).ifPresent(problems::add);
        }
        if (depth == 2 && name.equals("title")) {
          sawTitle = true;
          inRootTitle = true;
        }
        if (FORBIDDEN.contains(name)) problems.add("<" + name + "> is not allowed");
        for (int i = 0; i < r.getAttributeCount(); i++) {
          String an = r.getAttributeLocalName(i);
          String av = r.getAttributeValue(i).strip();
          if (an.toLowerCase(Locale.ROOT).startsWith("on"))
            problems.add("event handler " + an + "= on <" + name + "> is not allowed");
          if (an.equals("href") && !av.startsWith("#"))
            problems.add("external reference " + clip(av) + " on <" + name + "> is not allowed");
          if (an.equals("style")
              && av.toLowerCase(Locale.ROOT).contains("url(")
              && !av.contains("url(#"))
            problems.add("external reference in style= on <" + name + "> is not allowed");
        }
        if (problems.size() >= 20) break;
      }
    } catch (XMLStreamException e) {
      problems.add("not well-formed XML: " + clip(e.getMessage().replaceAll("\\s+", " ")));
    }
    if (!sawTitle
        && problems.stream()
            .noneMatch(
                p ->
                    p.startsWith("the root")
                        || p.startsWith("a DOCTYPE")
                        || p.startsWith("not well-formed")))
      problems.add("no <title> child of <svg> (the brand name)");
    return new Result(baseProfile, version, title.strip(), viewBox, problems);
  }

  private static java.util.Optional<String> square(String viewBox, String width, String height) {
    String[] p = viewBox.strip().split("[\\s,]+");
    try {
      double w, h;
      if (p.length == 4) {
        w = Double.parseDouble(p[2]);
        h = Double.parseDouble(p[3]);
      } else if (!width.isEmpty() && !height.isEmpty()) {
        w = Double.parseDouble(width.replace("px", ""));
        h = Double.parseDouble(height.replace("px", ""));
      } else return java.util.Optional.of("no viewBox: the aspect ratio cannot be checked");
      if (w <= 0 || h <= 0) return java.util.Optional.of("the viewBox has no area");
      if (Math.abs(w - h) > 1e-9 * Math.max(w, h))
        return java.util.Optional.of(
            "not square: " + fmt(w) + " x " + fmt(h) + " (BIMI logos must be square)");
      return java.util.Optional.empty();
    } catch (NumberFormatException e) {
      return java.util.Optional.of("the viewBox \"" + clip(viewBox) + "\" is not four numbers");
    }
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static String attr(XMLStreamReader r, String name) {
    String v = r.getAttributeValue(null, name);
    return v == null ? "" : v.strip();
  }

  private static String clip(String s) {
    String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    return t.replaceAll("\\p{Cntrl}", "?");
  }
}
