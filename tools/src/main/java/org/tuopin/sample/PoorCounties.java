package org.tuopin.sample;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tuopin.etl.reference.Region;
import org.tuopin.etl.reference.RegionLevel;
import org.tuopin.etl.reference.RegionTree;

/**
 * A plausible stand-in for the 832 national poor counties (国家扶贫开发工作重点县 and 集中连片特困地区县) that the
 * generator's province and national scales spread households over. The number per province is the
 * published one (河北 45 ... 西藏 74, 832 in 22 central and western provinces); which counties of a
 * province are taken is not the official list, which does not ship with Tuopin: the province's
 * rural counties (names ending in 县 or 旗) in a fixed pseudo-random order (SHA-256 of the code),
 * then its districts and county-level cities if it needs more.
 */
final class PoorCounties {
  /** Province code → how many of its counties were national poor counties. */
  static final Map<String, Integer> PER_PROVINCE = perProvince();

  /** The province of the province scale: 四川省, with 66 poor counties. */
  static final String PROVINCE_SCALE = "510000";

  private PoorCounties() {}

  private static Map<String, Integer> perProvince() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Object[][] published = {
      {"130000", 45},
      {"140000", 36},
      {"150000", 31},
      {"220000", 8},
      {"230000", 20},
      {"340000", 20},
      {"360000", 24},
      {"410000", 38},
      {"420000", 28},
      {"430000", 40},
      {"450000", 33},
      {"460000", 5},
      {"500000", 14},
      {"510000", 66},
      {"520000", 66},
      {"530000", 88},
      {"540000", 74},
      {"610000", 56},
      {"620000", 58},
      {"630000", 42},
      {"640000", 8},
      {"650000", 32}
    };
    for (Object[] province : published) {
      counts.put((String) province[0], (Integer) province[1]);
    }
    if (counts.values().stream().mapToInt(Integer::intValue).sum() != 832) {
      throw new IllegalStateException("the published counts add up to 832");
    }
    return counts;
  }

  /** The chosen poor counties of {@code provinceCode}, in the province's code order. */
  static List<Region> of(RegionTree regions, String provinceCode) {
    int wanted = PER_PROVINCE.getOrDefault(provinceCode, 0);
    List<Region> counties = new ArrayList<>();
    for (Region city : regions.childrenOf(provinceCode)) {
      regions.childrenOf(city.code()).stream()
          .filter(c -> c.level() == RegionLevel.COUNTY && !c.custom())
          .forEach(counties::add);
    }
    Comparator<Region> rural =
        Comparator.comparing(c -> !(c.name().endsWith("县") || c.name().endsWith("旗")));
    counties.sort(rural.thenComparing(c -> hash(c.code())));
    List<Region> chosen = new ArrayList<>(counties.subList(0, Math.min(wanted, counties.size())));
    chosen.sort(Comparator.comparing(Region::code));
    return chosen;
  }

  private static String hash(String code) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
