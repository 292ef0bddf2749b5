package org.tuopin.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.tuopin.etl.reference.Region;
import org.tuopin.etl.reference.RegionTree;

/**
 * Which counties the generator writes registry households for, and how many in each.
 *
 * <ul>
 *   <li>{@code small}: the eleven demo counties ({@link SampleDataGenerator#DEMO_COUNTIES}), 250
 *       each;
 *   <li>a number such as {@code 20000}: that many in each demo county;
 *   <li>{@code province}: about 1 million over 四川省's 66 poor counties ({@link PoorCounties});
 *   <li>{@code national}: about 30 million over the 832 poor counties of 22 provinces.
 * </ul>
 *
 * In the last two a county's size is drawn once (log-normal, the same for every seed), so most
 * counties hold 10,000-100,000 households, as registered counties did.
 */
public record Scale(String label, Map<String, Integer> householdsByCounty) {
  public static final Scale SMALL = perDemoCounty("small", 250);
  static final long PROVINCE_HOUSEHOLDS = 1_000_000;
  static final long NATIONAL_HOUSEHOLDS = 30_000_000;

  public Scale {
    if (householdsByCounty.isEmpty() || householdsByCounty.values().stream().anyMatch(n -> n < 1)) {
      throw new IllegalArgumentException(
          "a scale needs at least 1 household in each of its counties");
    }
    householdsByCounty = Collections.unmodifiableMap(new LinkedHashMap<>(householdsByCounty));
  }

  /**
   * {@code small}, {@code province}, {@code national}, or a number of households per demo county
   * such as {@code 20000}.
   */
  public static Scale of(String text, RegionTree regions) {
    String name = text.trim().toLowerCase(Locale.ROOT);
    switch (name) {
      case "small":
        return SMALL;
      case "province":
        return spread(
            "province", PoorCounties.of(regions, PoorCounties.PROVINCE_SCALE), PROVINCE_HOUSEHOLDS);
      case "national":
        return national(regions);
      default:
        try {
          return perDemoCounty(name, Integer.parseInt(name.replace("_", "")));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "--scale: small, province, national or a number of households per county, not '"
                  + text
                  + "'",
              e);
        }
    }
  }

  public long households() {
    return householdsByCounty.values().stream().mapToLong(Integer::longValue).sum();
  }

  private static Scale perDemoCounty(String label, int households) {
    Map<String, Integer> counties = new LinkedHashMap<>();
    SampleDataGenerator.DEMO_COUNTIES.forEach(c -> counties.put(c, households));
    return new Scale(label, counties);
  }

  private static Scale spread(String label, List<Region> counties, long total) {
    Map<String, Double> weights = new LinkedHashMap<>();
    for (Region county : counties) {
      Random r = Seeds.random(0L, "county-size", county.code());
      weights.put(county.code(), Math.exp(0.6 * r.nextGaussian()));
    }
    double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<String, Integer> households = new LinkedHashMap<>();
    weights.forEach(
        (county, weight) ->
            households.put(county, (int) Math.max(1000, Math.round(total * weight / sum))));
    return new Scale(label, households);
  }

  /** The poor counties of every province with any. */
  private static Scale national(RegionTree regions) {
    List<Region> counties = new ArrayList<>();
    PoorCounties.PER_PROVINCE.keySet().forEach(p -> counties.addAll(PoorCounties.of(regions, p)));
    return spread("national", counties, NATIONAL_HOUSEHOLDS);
  }
}
