package org.tuopin.bulletin;

import java.util.List;
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
    body.append("<text x=\"")
        .append(number(x))
        .append("\" y=\"")
        .append(number(y))
        .append("\" font-size=\"")
        .append(number(size))
        .append("\" fill=\"")
        .append(fill)
        .append('"');
    if (anchor != Anchor.START) {
      body.append(" text-anchor=\"").append(anchor.name().toLowerCase(Locale.ROOT)).append('"');
    }
    if (bold) {
      body.append(" font-weight=\"bold\"");
    }
    body.append('>').append(BulletinPage.escape(text)).append("</text>");
    return this;
  }

  Svg rect(double x, double y, double w, double h, String fill) {
    body.append("<rect x=\"")
        .append(number(x))
        .append("\" y=\"")
        .append(number(y))
        .append("\" width=\"")
        .append(number(Math.max(0, w)))
        .append("\" height=\"")
        .append(number(Math.max(0, h)))
        .append("\" fill=\"")
        .append(fill)
        .append("\"/>");
    return this;
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
    return line(x1, y1, x2, y2, stroke, strokeWidth, false);
  }

  Svg dashedLine(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
    return line(x1, y1, x2, y2, stroke, strokeWidth, true);
  }

  private Svg line(
      double x1, double y1, double x2, double y2, String stroke, double strokeWidth, boolean dash) {
    body.append("<line x1=\"")
        .append(number(x1))
        .append("\" y1=\"")
        .append(number(y1))
        .append("\" x2=\"")
        .append(number(x2))
        .append("\" y2=\"")
        .append(number(y2))
        .append("\" stroke=\"")
        .append(stroke)
        .append("\" stroke-width=\"")
        .append(number(strokeWidth))
        .append('"');
    if (dash) {
      body.append(" stroke-dasharray=\"5 4\"");
    }
    body.append("/>");
    return this;
  }

  /** A line through the points (x, y pairs). */
  Svg polyline(List<double[]> points, String stroke, double strokeWidth) {
    body.append("<polyline fill=\"none\" stroke=\"")
        .append(stroke)
        .append("\" stroke-width=\"")
        .append(number(strokeWidth))
        .append("\" points=\"");
    for (double[] p : points) {
      body.append(number(p[0])).append(',').append(number(p[1])).append(' ');
    }
    body.append("\"/>");
    return this;
  }

  Svg dot(double x, double y, double radius, String fill) {
    body.append("<circle cx=\"")
        .append(number(x))
        .append("\" cy=\"")
        .append(number(y))
        .append("\" r=\"")
        .append(number(radius))
        .append("\" fill=\"")
        .append(fill)
        .append("\"/>");
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
