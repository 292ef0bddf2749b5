package org.tuopin.bulletin;

import java.util.Locale;

/**
 * An SVG drawing written by hand: every piece of text is an SVG {@code <text>} (drawn by the
 * reader's browser in the page's embedded font, never turned into glyph outlines by the server),
 * shapes are rectangles and lines. Text widths are estimated for the embedded Noto Sans SC: a
 * Chinese character is one em, a digit or Latin letter about 0.56.
 */
final class Svg {
  private final int width;
  private final int height;
  private final String label;
  private final StringBuilder body = new StringBuilder();

  /**
   * @param label what the drawing shows, for screen readers
   */
  Svg(int width, int height, String label) {
    this.width = width;
    this.height = height;
    this.label = label;
  }

  /** Where a text is anchored to its x. */
  enum Anchor {
    START,
    MIDDLE,
    END
  }

  Svg text(double x, double y, String text, Anchor anchor, double size, String fill) {
    return text(x, y, text, anchor, size, fill, false);
  }

  Svg boldText(double x, double y, String text, Anchor anchor, double size, String fill) {
    return text(x, y, text, anchor, size, fill, true);
  }

  private Svg text(
      double x, double y, String text, Anchor anchor, double size, String fill, boolean bold) {
    open("text", "x", number(x), "y", number(y), "font-size", number(size), "fill", fill);
    if (anchor != Anchor.START) {
      attribute("text-anchor", anchor.name().toLowerCase(Locale.ROOT));
    }
    if (bold) {
      attribute("font-weight", "bold");
    }
    body.append('>').append(BulletinPage.escape(text)).append("</text>");
    return this;
  }

  Svg rect(double x, double y, double w, double h, String fill) {
    open(
        "rect",
        "x",
        number(x),
        "y",
        number(y),
        "width",
        number(Math.max(0, w)),
        "height",
        number(Math.max(0, h)),
        "fill",
        fill);
    return close();
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
    return line(x1, y1, x2, y2, stroke, strokeWidth, false);
  }

  Svg dashedLine(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
    return line(x1, y1, x2, y2, stroke, strokeWidth, true);
  }

  private Svg line(
      double x1, double y1, double x2, double y2, String stroke, double strokeWidth, boolean dash) {
    open("line", "x1", number(x1), "y1", number(y1), "x2", number(x2), "y2", number(y2));
    attribute("stroke", stroke);
    attribute("stroke-width", number(strokeWidth));
    if (dash) {
      attribute("stroke-dasharray", "5 4");
    }
    return close();
  }

  /** {@code <name a="v" ...}: an element's start, its attributes given as name, value pairs. */
  private void open(String name, String... attributes) {
    body.append('<').append(name);
    for (int i = 0; i < attributes.length; i += 2) {
      attribute(attributes[i], attributes[i + 1]);
    }
  }

  private void attribute(String name, String value) {
    body.append(' ').append(name).append("=\"").append(value).append('"');
  }

  private Svg close() {
    body.append("/>");
    return this;
  }

  /** The drawing, scaled to its container's width. */
  @Override
  public String toString() {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + width
        + " "
        + height
        + "\" style=\"max-width:"
        + width
        + "px\" role=\"img\" aria-label=\""
        + BulletinPage.escape(label)
        + "\">"
        + body
        + "</svg>";
  }

  /** The width of a text at this size in the embedded font, about. */
  static double width(String text, double size) {
    double ems = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      ems += c >= 0x2E80 || c == '（' || c == '）' ? 1.0 : c == ' ' ? 0.26 : 0.56;
    }
    return ems * size;
  }

  private static String number(double value) {
    return Math.rint(value) == value
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
