package org.tuopin.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tuopin.etl.reference.FundSource;
import org.tuopin.etl.reference.Region;
import org.tuopin.etl.reference.RegionLevel;

class FundFilesTest {
  private static final FundSource CENTRAL = new FundSource("central", "中央财政专项扶贫资金");

  @Test
  void countiesWhoseCodesEndAlikeInTwoProvincesGetDifferentDocumentNumbers() {
    Region shanxi = new Region("141122", "交口县", "交口", RegionLevel.COUNTY, "141100", false);
    Region hunan = new Region("431122", "东安县", "东安", RegionLevel.COUNTY, "431100", false);
    assertEquals("财农〔2019〕14112201号", FundFiles.documentNumber(shanxi, CENTRAL, 2019, 1));
    assertEquals("财农〔2019〕43112201号", FundFiles.documentNumber(hunan, CENTRAL, 2019, 1));
  }
}
