package org.tuopin.bulletin;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How the bulletin page writes numbers: thousands separated, as many decimals as the figure has.
 */
final class Numbers {
  private Numbers() {}

  static String plain(BigDecimal value) {
    if (value == null) {
      return "";
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return String.format(Locale.ROOT, "%,." + Math.max(0, stripped.scale()) + "f", stripped);
  }

  /** Yuan with fen: always two decimals. */
  static String yuan(BigDecimal value) {
    return value == null ? "" : String.format(Locale.ROOT, "%,.2f", value);
  }

  static String oneDecimal(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
  }

  static String twoDecimals(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
  }
}
