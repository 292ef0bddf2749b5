package org.tuopin.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published views over a few hand-made rows; every expected number is worked out by hand in the
 * comments. One city (510800) with two counties, one province.
 */
class ViewsTest {
  private static Connection connection;

  @BeforeAll
  static void createWarehouse() throws SQLException {
    connection = TestWarehouse.withSchema();
    try (Statement s = connection.createStatement()) {
      s.execute(
          """
          INSERT INTO dim_region VALUES
            ('510000', '四川省', 'province', NULL, NULL, NULL, '510000', false),
            ('510800', '广元市', 'city', '510000', NULL, '510800', '510000', false),
            ('510821', '旺苍县', 'county', '510800', '510821', '510800', '510000', false),
            ('510824', '苍溪县', 'county', '510800', '510824', '510800', '510000', false),
            ('510824100', '陵江镇', 'township', '510824', '510824', '510800', '510000', false),
            ('510824100001', '甲村', 'village', '510824100', '510824', '510800', '510000', false),
            ('510821100', '东河镇', 'township', '510821', '510821', '510800', '510000', false),
            ('510821100001', '乙村', 'village', '510821100', '510821', '510800', '510000', false)\
          """);
      s.execute(
          "INSERT INTO dim_indicator VALUES ('relocation', '易地扶贫搬迁', '人'), ('safe_water', '安全饮水',"
              + " '户')");
      s.execute("INSERT INTO dim_fund_source VALUES ('central', '中央财政专项扶贫资金')");
      // 2018-12: 甲村 has a poor household of 4, an exited one of 3, a returned one of 2, a removed
      // one of 5;
      // 乙村 has a poor household of 1.
      s.execute(
          """
          INSERT INTO fact_household_snapshot (period, household_key, village_code, county_code, status, exit_year, member_count, carried_forward) VALUES
            (DATE '2018-12-01', 'h1', '510824100001', '510824', '未脱贫', NULL, 4, false),
            (DATE '2018-12-01', 'h2', '510824100001', '510824', '已脱贫', 2017, 3, false),
            (DATE '2018-12-01', 'h3', '510824100001', '510824', '返贫', NULL, 2, false),
            (DATE '2018-12-01', 'h4', '510824100001', '510824', '注销', NULL, 5, false),
            (DATE '2018-12-01', 'h5', '510821100001', '510821', '未脱贫', NULL, 1, false)\
          """);
      s.execute(
          "INSERT INTO fact_population VALUES (2018, '510824', 200), (2018, '510821', 50), (2018,"
              + " '510824100001', 40)");
      // relocation at 510824: Jan 10, Feb 25 sent as 20 then corrected to 30 (two versions);
      // at 510821: Feb only, 5 of target 0.
      s.execute(
          """
          INSERT INTO fact_progress (period, region_code, indicator_code, annual_target, cumulative_completed, reported_at, version) VALUES
            (DATE '2018-01-01', '510824', 'relocation', 100, 10, DATE '2018-02-03', 1),
            (DATE '2018-02-01', '510824', 'relocation', 100, 20, DATE '2018-03-03', 1),
            (DATE '2018-02-01', '510824', 'relocation', 100, 30, DATE '2018-03-06', 2),
            (DATE '2018-02-01', '510824', 'safe_water', 50, 60, DATE '2018-03-03', 1),
            (DATE '2018-02-01', '510821', 'relocation', 0, 5, DATE '2018-03-04', 1),
            (DATE '2018-02-01', '510821', 'safe_water', 40, 10, DATE '2018-03-04', 1)\
          """);
      s.execute(
          "INSERT INTO fact_allocation VALUES ('a1', 2018, '510824', 'central', 'relocation',"
              + " 1000.00, DATE '2018-03-01')");
      // 300 to the county, 200 to a village of it, 50 reversed: net 450 at 510824
      s.execute(
          """
          INSERT INTO fact_disbursement (txn_id, paid_on, period, region_code, county_code, fund_source, indicator_code, allocation_id, amount_yuan, reverses_txn_id) VALUES
            ('t1', DATE '2018-04-02', DATE '2018-04-01', '510824', '510824', 'central', 'relocation', 'a1', 300.00, NULL),
            ('t2', DATE '2018-05-02', DATE '2018-05-01', '510824100001', '510824', 'central', 'relocation', 'a1', 200.00, NULL),
            ('t3', DATE '2018-05-09', DATE '2018-05-01', '510824', '510824', 'central', 'relocation', 'a1', -50.00, 't1')\
          """);
      TestWarehouse.deriveAndDefineViews(s);
    }
  }

  private static List<String> rows(String query) throws SQLException {
    return TestWarehouse.rows(connection, query);
  }

  @Test
  void povertyTrendRollsUpThroughTheHierarchy() throws SQLException {
    // 苍溪县: poor = h1 (4) + h3 (2) = 2 households, 6 persons; exited h2 (3); returned h3 (2); h4
    // removed counts nowhere.
    // incidence 苍溪县 = 100 * 6 / 200 = 3.0; 甲村 = 100 * 6 / 40 = 15.0; 陵江镇 has no figure: null.
    // 广元市 has no figure: 200 + 50 = 250 over its two counties; poor persons 6 + 1 = 7; 100 * 7 /
    // 250 = 2.8.
    assertEquals(
        List.of(
            "510000|province|3|7|1|3|1|2|250|2.8",
            "510800|city|3|7|1|3|1|2|250|2.8",
            "510821|county|1|1|0|0|0|0|50|2.0",
            "510821100|township|1|1|0|0|0|0|null|null",
            "510821100001|village|1|1|0|0|0|0|null|null",
            "510824|county|2|6|1|3|1|2|200|3.0",
            "510824100|township|2|6|1|3|1|2|null|null",
            "510824100001|village|2|6|1|3|1|2|40|15.0"),
        rows(
            "SELECT region_code, region_level, poor_households, poor_persons, exited_households,"
                + " exited_persons, returned_households, returned_persons, rural_population,"
                + " round(incidence_rate, 4) FROM v_poverty_trend ORDER BY region_code"));
  }

  @Test
  void cityPopulationIsNullWhenOneOfItsCountiesHasNoFigure() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TEMP TABLE saved AS SELECT * FROM fact_population");
      s.execute("DELETE FROM fact_population WHERE region_code = '510821'");
      try {
        assertEquals(
            List.of("510800|null|null"),
            rows(
                "SELECT region_code, rural_population, incidence_rate FROM v_poverty_trend WHERE"
                    + " region_code = '510800'"));
      } finally {
        s.execute("DELETE FROM fact_population");
        s.execute("INSERT INTO fact_population SELECT * FROM saved");
        s.execute("DROP TABLE saved");
      }
    }
  }

  @Test
  void progressUsesTheLatestVersionAndMonthCompleted() throws SQLException {
    // 苍溪县 relocation Feb: latest version 30 of 100 (2 versions), month_completed 30 - 10 = 20.
    // 旺苍县 relocation Feb: target 0, so rate null; January not reported, so month_completed null.
    // 广元市 relocation Feb: 100 + 0 targets, 30 + 5 done = 35%; January (10) was reported by 苍溪县
    // only: 35 - 10 = 25.
    assertEquals(
        List.of(
            "2018-01-01|510800|relocation|100.00|10.00|10.0|10.00|1",
            "2018-01-01|510824|relocation|100.00|10.00|10.0|10.00|1",
            "2018-02-01|510800|relocation|100.00|35.00|35.0|25.00|3",
            "2018-02-01|510821|relocation|0.00|5.00|null|null|1",
            "2018-02-01|510824|relocation|100.00|30.00|30.0|20.00|2"),
        rows(
            "SELECT period, region_code, indicator_code, annual_target, cumulative_completed,"
                + " round(completion_rate, 4), month_completed, versions FROM v_progress WHERE"
                + " indicator_code = 'relocation' ORDER BY period, region_code"));
  }

  @Test
  void completenessListsEveryExpectedUnitOfEveryRefreshedMonth() throws SQLException {
    // Both counties sent figures in 2018, so both are expected in the refreshed months 2018-01 and
    // 2018-02. With the deadline on the 3rd: 苍溪县's January (3 Feb) and February (3 Mar) are on
    // time, 旺苍县 sent nothing for January and its February came on 4 March, one day late.
    try (Statement s = connection.createStatement()) {
      s.execute("INSERT INTO setting VALUES ('submission_deadline_day', '3')");
      s.execute(
          """
          INSERT INTO run_source VALUES
            ('r1', DATE '2018-01-01', NULL, NULL, 'published', 'submissions', 1, 1, 0),
            ('r2', DATE '2018-02-01', NULL, NULL, 'published', 'submissions', 5, 5, 0)\
          """);
      try {
        assertEquals(
            List.of(
                "2018-01-01|510821|2018-02-03|false|null|false|0",
                "2018-01-01|510824|2018-02-03|true|2018-02-03|true|1",
                "2018-02-01|510821|2018-03-03|true|2018-03-04|false|2",
                "2018-02-01|510824|2018-03-03|true|2018-03-03|true|2"),
            rows(
                "SELECT period, region_code, deadline, received, first_reported_at, on_time,"
                    + " indicators_reported FROM v_submission_completeness ORDER BY period,"
                    + " region_code"));
      } finally {
        s.execute("DELETE FROM setting");
        s.execute("DELETE FROM run_source");
      }
    }
  }

  @Test
  void revisionsListEachLaterVersionWithTheValuesItReplaced() throws SQLException {
    // only 苍溪县's February relocation was corrected: 20 reported on 3 March, 30 on 6 March
    assertEquals(
        List.of(
            "2018-02-01|510824|苍溪县|relocation|2|100.00|20.00|100.00|30.00|2018-03-03|2018-03-06"),
        rows(
            "SELECT period, region_code, region_name, indicator_code, version,"
                + " previous_annual_target, previous_cumulative_completed, annual_target,"
                + " cumulative_completed, previous_reported_at, reported_at FROM"
                + " v_progress_revisions"));
  }

  @Test
  void leagueCapsRatesAtOneHundredAndRanksWithinTheCity() throws SQLException {
    // Feb, 苍溪县: relocation 30%, safe_water 120% capped to 100: score (30 + 100) / 2 = 65, rank 1.
    // 旺苍县: relocation has target 0 (not scored), safe_water 10 / 40 = 25%: score 25, rank 2.
    assertEquals(
        List.of("2018-02-01|510800|510824|2|65.0|1", "2018-02-01|510800|510821|1|25.0|2"),
        rows(
            "SELECT period, city_code, region_code, indicators_scored, round(score, 4),"
                + " rank_in_city FROM v_progress_league WHERE period = DATE '2018-02-01' ORDER BY"
                + " rank_in_city"));
  }

  @Test
  void bulletinRankingLeavesOutUnitsScoredOnTooFewOfTheCitysIndicators() throws SQLException {
    // Jan: the city assigned one indicator (苍溪县 relocation); 苍溪县 is scored on it: ranked 1.
    // Feb: the city assigned two (relocation at 苍溪县, safe_water at both). By default (share 0.5)
    // 旺苍县's one of two is enough: 苍溪县 1 (no change since January), 旺苍县 2 (not ranked in
    // January, so no change). With the share at 0.6 it needs 1.2 indicators: 旺苍县 is unranked.
    String query =
        "SELECT period, region_code, city_indicators, is_ranked_in_bulletin, bulletin_rank,"
            + " rank_change FROM v_progress_league ORDER BY period, region_code";
    assertEquals(
        List.of(
            "2018-01-01|510824|1|true|1|null",
            "2018-02-01|510821|2|true|2|null",
            "2018-02-01|510824|2|true|1|0"),
        rows(query));
    try (Statement s = connection.createStatement()) {
      s.execute("INSERT INTO setting VALUES ('league_minimum_share', '0.6')");
      try {
        assertEquals(
            List.of(
                "2018-01-01|510824|1|true|1|null",
                "2018-02-01|510821|2|false|null|null",
                "2018-02-01|510824|2|true|1|0"),
            rows(query));
      } finally {
        s.execute("DELETE FROM setting");
      }
    }
  }

  @Test
  void fundFlowNetsReversalsAndCountsVillagesAtTheirCounty() throws SQLException {
    // allocated 1000; disbursed 300 + 200 (village) - 50 (reversal) = 450; rate 45%.
    assertEquals(
        List.of(
            "510000|province|1000.00|450.00|45.0",
            "510800|city|1000.00|450.00|45.0",
            "510824|county|1000.00|450.00|45.0"),
        rows(
            "SELECT region_code, region_level, allocated_yuan, disbursed_yuan,"
                + " round(disbursement_rate, 4) FROM v_fund_flow WHERE year = 2018 ORDER BY"
                + " region_code"));
  }
}
