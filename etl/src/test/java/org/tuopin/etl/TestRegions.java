package org.tuopin.etl;

import java.util.List;
import org.tuopin.etl.reference.CityUnitNames;
import org.tuopin.etl.reference.Region;
import org.tuopin.etl.reference.RegionLevel;
import org.tuopin.etl.reference.RegionTree;

/** A few regions of 广元市 for tests: three counties and the custom 广元经开区. */
public final class TestRegions {
  private TestRegions() {}

  public static RegionTree tree() {
    return new RegionTree(
        List.of(
            new Region("510000", "四川省", null, RegionLevel.PROVINCE, null, false),
            new Region("510800", "广元市", null, RegionLevel.CITY, "510000", false),
            new Region("510802", "利州区", null, RegionLevel.COUNTY, "510800", false),
            new Region("510821", "旺苍县", null, RegionLevel.COUNTY, "510800", false),
            new Region("510824", "苍溪县", null, RegionLevel.COUNTY, "510800", false),
            new Region("510899", "广元经济技术开发区", "广元经开区", RegionLevel.COUNTY, "510800", true)));
  }

  public static CityUnitNames cityUnitNames() {
    return CityUnitNames.of(tree());
  }
}
