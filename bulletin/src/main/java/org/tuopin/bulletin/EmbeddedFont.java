package org.tuopin.bulletin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The font the bulletin page carries, so that it looks the same on a server or phone without a
 * Chinese font: Noto Sans SC (SIL Open Font License), as fontsource slices it by unicode-range into
 * 102 WOFF2 files, in the jar (bulletin/fonts/fetch-noto-sans-sc). A page embeds, as data, only the
 * slices that hold its characters (a bulletin's few hundred characters touch some 15 of them), each
 * with its unicode-range, under the family name {@link #FAMILY}.
 */
final class EmbeddedFont {
  /** The family the page's CSS names first; its own name, so no installed font stands in. */
  static final String FAMILY = "Tuopin Noto Sans SC";

  private static final String FOLDER = "/fonts/noto-sans-sc/";
  private static final Pattern SLICE =
      Pattern.compile(
          "url\\(\\./files/([^)]+\\.woff2)\\).*?unicode-range: ([^;]+);", Pattern.DOTALL);

  /** One WOFF2 file and the code points it holds. */
  private record Slice(String file, String unicodeRange, List<int[]> ranges) {
    boolean holds(int codePoint) {
      for (int[] range : ranges) {
        if (codePoint >= range[0] && codePoint <= range[1]) {
          return true;
        }
      }
      return false;
    }
  }

  private static final List<Slice> SLICES = readSlices();

  private EmbeddedFont() {}

  /** The {@code @font-face} rules of the slices that hold the text's characters. */
  static String fontFaces(String text) {
    StringBuilder css = new StringBuilder();
    for (Slice slice : SLICES) {
      if (text.codePoints().anyMatch(slice::holds)) {
        css.append("@font-face{font-family:'")
            .append(FAMILY)
            .append("';font-style:normal;font-weight:400;src:url(data:font/woff2;base64,")
            .append(Base64.getEncoder().encodeToString(bytes(FOLDER + slice.file())))
            .append(") format('woff2');unicode-range:")
            .append(slice.unicodeRange())
            .append("}\n");
      }
    }
    return css.toString();
  }

  private static List<Slice> readSlices() {
    String css = new String(bytes(FOLDER + "400.css"), StandardCharsets.UTF_8);
    List<Slice> slices = new ArrayList<>();
    Matcher m = SLICE.matcher(css);
    while (m.find()) {
      List<int[]> ranges = new ArrayList<>();
      for (String part : m.group(2).split(",")) {
        String hex = part.trim().substring(2);
        int dash = hex.indexOf('-');
        int from = Integer.parseInt(dash < 0 ? hex : hex.substring(0, dash), 16);
        int to = dash < 0 ? from : Integer.parseInt(hex.substring(dash + 1), 16);
        ranges.add(new int[] {from, to});
      }
      slices.add(new Slice(m.group(1), m.group(2).trim(), ranges));
    }
    if (slices.isEmpty()) {
      throw new IllegalStateException("No font slice in " + FOLDER + "400.css");
    }
    return slices;
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = EmbeddedFont.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "The bulletin's font is not in the jar ("
                + resource
                + "): rebuild, which fetches it (bulletin/fonts/fetch-noto-sans-sc)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
