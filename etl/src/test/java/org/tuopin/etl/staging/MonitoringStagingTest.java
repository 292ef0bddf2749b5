package org.tuopin.etl.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.tuopin.etl.LandingRows;
import org.tuopin.etl.TestSpark;
import org.tuopin.etl.source.Contracts;

/** The registry's monitoring columns (防止返贫动态监测): one household per rule, by hand. */
class MonitoringStagingTest {
  private static final String VALID_ID = StagingTest.VALID_ID;

  /** The registry's columns and the five of monitoring. */
  private static final String[] HEADER =
      Stream.concat(
              Arrays.stream(StagingTest.HOUSEHOLD_HEADER),
              Stream.of(
                  "monitoring_type",
                  "risk_type",
                  "monitored_on",
                  "risk_eliminated",
                  "risk_eliminated_on"))
          .toArray(String[]::new);

  /** A household of 3 in 2021-06's registry, with the given status and monitoring columns. */
  private static String[] household(
      String id, String status, String exitYear, String... monitoring) {
    List<String> row =
        new ArrayList<>(
            List.of(
                id,
                "510802100201",
                VALID_ID,
                "某某",
                "3",
                "因病",
                "2014",
                status,
                exitYear,
                "7000",
                "是",
                "是",
                "是",
                "是",
                "是",
                "否",
                "否"));
    row.addAll(Arrays.asList(monitoring));
    return row.toArray(String[]::new);
  }

  @Test
  void monitoringValuesLoadTypedAndEachBrokenRuleIsNamed() {
    Dataset<Row> records =
        new LandingRows(Contracts.REGISTRY, Contracts.HOUSEHOLD, "registry/2021-06/h.csv", HEADER)
            // line 2: an exited household at risk since May
            .row(household("M1", "已脱贫", "2018", "脱贫不稳定户", "因病", "2021-05-10", "否", ""))
            // line 3: never registered poor, monitored, risk eliminated in June
            .row(household("M2", "监测户", "", "边缘易致贫户", "因灾", "2021/01/04", "是", "2021年6月3日"))
            // line 4: not monitored at all
            .row(household("M3", "未脱贫", "", "", "", "", "", ""))
            // line 5: a type that does not exist
            .row(household("B1", "已脱贫", "2018", "低收入户", "因病", "2021-05-10", "否", ""))
            // line 6: a risk type that does not exist
            .row(household("B2", "已脱贫", "2018", "脱贫不稳定户", "因穷", "2021-05-10", "否", ""))
            // line 7: a type without the date it was taken in
            .row(household("B3", "已脱贫", "2018", "脱贫不稳定户", "因病", "", "否", ""))
            // line 8: a date without a type
            .row(household("B4", "未脱贫", "", "", "", "2021-05-10", "", ""))
            // line 9: eliminated without a date
            .row(household("B5", "已脱贫", "2018", "脱贫不稳定户", "因病", "2021-05-10", "是", ""))
            // line 10: eliminated before it was taken in
            .row(household("B6", "已脱贫", "2018", "脱贫不稳定户", "因病", "2021-05-10", "是", "2021-04-30"))
            // line 11: an edge household that exited: it was never registered poor
            .row(household("B7", "已脱贫", "2018", "边缘易致贫户", "因病", "2021-05-10", "否", ""))
            // line 12: status 监测户 for an unstable household (which exited, so has its status)
            .row(household("B8", "监测户", "", "脱贫不稳定户", "因病", "2021-05-10", "否", ""))
            // line 13: an unreadable date
            .row(household("B9", "已脱贫", "2018", "脱贫不稳定户", "因病", "去年五月", "否", ""))
            // line 14: taken in after the period's year
            .row(household("BA", "已脱贫", "2018", "脱贫不稳定户", "因病", "2022-01-10", "否", ""))
            // line 15: an elimination date while the risk is not eliminated
            .row(household("BB", "已脱贫", "2018", "脱贫不稳定户", "因病", "2021-05-10", "否", "2021-06-01"))
            .dataset();
    Dataset<Row> villages =
        TestSpark.rows(
            "known_village_code STRING, village_county_code STRING",
            new Object[] {"510802100201", "510802"});

    Staged staged = HouseholdStaging.stage(records, 2021, villages, List.of("因病"));

    Map<Long, String> rules = new TreeMap<>();
    staged
        .quarantined()
        .collectAsList()
        .forEach(
            r -> rules.put(r.getAs("line_number"), r.getAs("rule") + "/" + r.getAs("rule_column")));
    Map<Long, String> expected = new TreeMap<>();
    expected.put(5L, "unknown_monitoring_type/monitoring_type");
    expected.put(6L, "unknown_risk_type/risk_type");
    expected.put(7L, "monitoring_rule/monitored_on");
    expected.put(8L, "monitoring_rule/monitoring_type");
    expected.put(9L, "risk_elimination_rule/risk_eliminated_on");
    expected.put(10L, "risk_elimination_rule/risk_eliminated_on");
    expected.put(11L, "monitoring_status_rule/status");
    expected.put(12L, "monitoring_status_rule/status");
    expected.put(13L, "invalid_date/monitored_on");
    expected.put(14L, "out_of_range/monitored_on");
    expected.put(15L, "risk_elimination_rule/risk_eliminated_on");
    assertEquals(expected, rules);

    Map<String, List<Object>> loaded = new TreeMap<>();
    for (Row r : staged.loaded().collectAsList()) {
      loaded.put(
          r.getAs("household_id"),
          Arrays.asList(
              r.getAs("status"),
              r.getAs("monitoring_type"),
              r.getAs("risk_type"),
              r.getAs("monitored_on"),
              r.getAs("risk_eliminated"),
              r.getAs("risk_eliminated_on")));
    }
    assertEquals(
        Map.of(
            "M1",
            Arrays.asList("已脱贫", "脱贫不稳定户", "因病", Date.valueOf("2021-05-10"), false, null),
            "M2",
            Arrays.asList(
                "监测户",
                "边缘易致贫户",
                "因灾",
                Date.valueOf("2021-01-04"),
                true,
                Date.valueOf("2021-06-03")),
            "M3",
            Arrays.asList("未脱贫", null, null, null, null, null)),
        loaded);
  }
}
