package org.tuopin.jobs.generate;

import java.util.Locale;
import java.util.Map;

/** How many registry households the generator writes per county: a named scale or a number. */
public record Scale(int householdsPerCounty) {
  public static final Scale SMALL = new Scale(250);
  public static final Scale PROVINCE = new Scale(91_000);
  public static final Scale NATIONAL = new Scale(400_000);
  private static final Map<String, Scale> NAMED = Map.of("small", SMALL, "province", PROVINCE, "national", NATIONAL);

  public Scale {
    if (householdsPerCounty < 1) {
      throw new IllegalArgumentException("a scale needs at least 1 household per county, not " + householdsPerCounty);
    }
  }

  /** {@code small}, {@code province}, {@code national}, or a number of households per county such as {@code 20000}. */
  public static Scale of(String text) {
    String name = text.trim().toLowerCase(Locale.ROOT);
    Scale named = NAMED.get(name);
    if (named != null) {
      return named;
    }
    try {
      return new Scale(Integer.parseInt(name.replace("_", "")));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--scale: small, province, national or a number of households per county, not '" + text + "'", e);
    }
  }
}
