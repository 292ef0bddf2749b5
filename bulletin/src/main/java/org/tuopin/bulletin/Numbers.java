package org.tuopin.bulletin;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How the bulletin writes numbers: a figure with thousands separated and as many decimals as it
 * has; money in 万元 with two decimals; rates (completion, payment, incidence) with one.
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

  /** Yuan as 万元, two decimals: 123,456.78 元 is 12.35. */
  static String tenThousandYuan(BigDecimal yuan) {
    return yuan == null
        ? ""
        : String.format(Locale.ROOT, "%,.2f", yuan.divide(BigDecimal.valueOf(10_000)));
  }

  static String oneDecimal(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
  }
}
