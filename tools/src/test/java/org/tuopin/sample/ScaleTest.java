package org.tuopin.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tuopin.etl.reference.RegionLevel;
import org.tuopin.etl.reference.RegionTree;
import org.tuopin.jobs.config.ReferenceLoader;
import org.tuopin.jobs.config.TuopinConfig;

/**
 * The generator's scales over the shipped region list: real counties, the published counts per
 * province.
 */
class ScaleTest {
  private static RegionTree regions;

  @BeforeAll
  static void loadRegions() {
    Path conf = Path.of("..", "conf", "tuopin.yaml").toAbsolutePath().normalize();
    regions = ReferenceLoader.load(TuopinConfig.read(conf), conf.getParent()).regions();
  }

  @Test
  void nationalIs832RealCountiesWithThePublishedCountPerProvinceAndAbout30MillionHouseholds() {
    Scale national = Scale.of("national", regions);
    assertEquals(832, national.householdsByCounty().size());
    Map<String, Integer> perProvince = new TreeMap<>();
    for (String county : national.householdsByCounty().keySet()) {
      assertEquals(RegionLevel.COUNTY, regions.require(county).level(), county);
      perProvince.merge(county.substring(0, 2) + "0000", 1, Integer::sum);
    }
    assertEquals(
        Map.of("510000", 66, "520000", 66, "530000", 88, "540000", 74, "620000", 58, "130000", 45),
        Map.of(
            "510000",
            perProvince.get("510000"),
            "520000",
            perProvince.get("520000"),
            "530000",
            perProvince.get("530000"),
            "540000",
            perProvince.get("540000"),
            "620000",
            perProvince.get("620000"),
            "130000",
            perProvince.get("130000")));
    assertEquals(22, perProvince.size());
    assertTrue(
        Math.abs(national.households() - 30_000_000L) < 300_000,
        "about 30 million: " + national.households());
    long typical =
        national.householdsByCounty().values().stream()
            .filter(n -> n >= 10_000 && n <= 100_000)
            .count();
    assertTrue(typical > 832 * 0.8, "most counties hold 10,000-100,000 households: " + typical);
  }

  @Test
  void provinceIsSichuansSixtySixCountiesAndAboutAMillionHouseholds() {
    Scale province = Scale.of("province", regions);
    assertEquals(66, province.householdsByCounty().size());
    assertTrue(province.householdsByCounty().keySet().stream().allMatch(c -> c.startsWith("51")));
    assertTrue(
        Math.abs(province.households() - 1_000_000L) < 10_000,
        "about a million: " + province.households());
  }

  @Test
  void smallAndANumberAreTheDemoCounties() {
    assertEquals(11 * 250L, Scale.of("small", regions).households());
    assertEquals(11 * 20_000L, Scale.of("20_000", regions).households());
    assertEquals(
        SampleDataGenerator.DEMO_COUNTIES,
        Scale.of("20000", regions).householdsByCounty().keySet().stream().toList());
  }
}
