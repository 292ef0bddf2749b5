package org.tuopin.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Household history, exit checks, idle funds and anomalies over a hand-made registry of one county
 * (苍溪县, 四川) across four months; every expected row is worked out by hand below.
 *
 * <pre>
 *          2019-10            2019-11              2019-12                        2020-01
 *   h1     未脱贫 2000        未脱贫 2000          已脱贫 2019, 3500              (carried forward)
 *   h2     已脱贫 2018, 2900  返贫                 返贫, 5 members
 *   h3     未脱贫             注销                 —
 *   h4     未脱贫             —                    未脱贫
 *   h5     —                  未脱贫 甲村           未脱贫 乙村, relocated
 *   h6     —                  —                    已脱贫 2019, 3250
 *   h7     返贫, housing not secure                   返贫, housing secure
 * </pre>
 *
 * Lines: national 2018 2995, 2019 3218; 四川's own 2019 3300; none for 2020. Exit thresholds: 2% by
 * default, 3% in 四川. Population 2019: 苍溪县 500, 甲村 400, 乙村 100; none for 2020.
 */
class HistoryViewsTest {
  private static Connection connection;

  @BeforeAll
  static void createWarehouse() throws SQLException {
    connection = TestWarehouse.withSchema();
    try (Statement s = connection.createStatement()) {
      insertFixture(s);
      TestWarehouse.deriveAndDefineViews(s);
    }
  }

  /** The registry, reference and fund rows pictured above (PublisherTest publishes them too). */
  static void insertFixture(Statement s) throws SQLException {
    s.execute(
        """
        INSERT INTO dim_region VALUES
          ('510000', '四川省', 'province', NULL, NULL, NULL, '510000', false),
          ('510800', '广元市', 'city', '510000', NULL, '510800', '510000', false),
          ('510824', '苍溪县', 'county', '510800', '510824', '510800', '510000', false),
          ('510824100', '陵江镇', 'township', '510824', '510824', '510800', '510000', false),
          ('510824100001', '甲村', 'village', '510824100', '510824', '510800', '510000', false),
          ('510824100002', '乙村', 'village', '510824100', '510824', '510800', '510000', false)\
        """);
    s.execute(
        "INSERT INTO dim_indicator VALUES ('relocation', '易地扶贫搬迁', '人'), ('industry_support',"
            + " '产业扶持', '户')");
    s.execute(
        "INSERT INTO poverty_line VALUES (NULL, 2018, 2995), (NULL, 2019, 3218), ('510000', 2019,"
            + " 3300)");
    s.execute("INSERT INTO exit_threshold VALUES (NULL, 2.0), ('510000', 3.0)");
    // 乙村 was 乙家坝村 until 2014 and 乙家村 until 2017
    s.execute(
        "INSERT INTO region_change VALUES ('510824100002', 2017, '乙家村', '510824100'),"
            + " ('510824100002', 2014, '乙家坝村', '510824100')");
    s.execute(
        "INSERT INTO fact_population VALUES (2019, '510824', 500), (2019, '510824100001', 400),"
            + " (2019, '510824100002', 100)");
    s.execute(
        """
        INSERT INTO fact_village_survey VALUES
          ('2019-12-01', '510824100001', '510824', true, 50000, true, true, true, true, true),
          ('2019-12-01', '510824100002', '510824', true, 0, true, true, true, true, true)\
        """);
    s.execute(
        """
        INSERT INTO fact_household_snapshot (period, household_key, village_code, county_code, identified_year, poverty_cause,
            status, exit_year, member_count, per_capita_income, food_clothing_secure, education_secure, medical_secure,
            housing_secure, drinking_water_secure, relocated, carried_forward) VALUES
          ('2019-10-01', 'h1', '510824100001', '510824', 2014, '因病', '未脱贫', NULL, 4, 2000, true, true, true, true, true, false, false),
          ('2019-10-01', 'h2', '510824100001', '510824', 2014, '因残', '已脱贫', 2018, 3, 2900, true, true, true, true, true, false, false),
          ('2019-10-01', 'h3', '510824100001', '510824', 2015, '因学', '未脱贫', NULL, 2, 2000, true, true, true, true, true, false, false),
          ('2019-10-01', 'h4', '510824100001', '510824', 2015, '因病', '未脱贫', NULL, 2, 2000, true, true, true, true, true, false, false),
          ('2019-10-01', 'h7', '510824100001', '510824', 2014, '因灾', '返贫', NULL, 2, 1500, true, true, true, false, true, false, false),
          ('2019-11-01', 'h7', '510824100001', '510824', 2014, '因灾', '返贫', NULL, 2, 1500, true, true, true, false, true, false, false),
          ('2019-12-01', 'h7', '510824100001', '510824', 2014, '因灾', '返贫', NULL, 2, 1500, true, true, true, true, true, false, false),
          ('2019-11-01', 'h1', '510824100001', '510824', 2014, '因病', '未脱贫', NULL, 4, 2000, true, true, true, true, true, false, false),
          ('2019-11-01', 'h2', '510824100001', '510824', 2014, '因残', '返贫', NULL, 3, 2900, true, true, true, true, true, false, false),
          ('2019-11-01', 'h3', '510824100001', '510824', 2015, '因学', '注销', NULL, 2, 2000, true, true, true, true, true, false, false),
          ('2019-11-01', 'h5', '510824100001', '510824', 2019, '缺资金', '未脱贫', NULL, 3, 2000, true, true, true, false, true, false, false),
          ('2019-12-01', 'h1', '510824100001', '510824', 2014, '因病', '已脱贫', 2019, 4, 3500, true, true, true, true, true, false, false),
          ('2019-12-01', 'h2', '510824100001', '510824', 2014, '因残', '返贫', NULL, 5, 2900, true, true, true, true, true, false, false),
          ('2019-12-01', 'h4', '510824100001', '510824', 2015, '因病', '未脱贫', NULL, 2, 2000, true, true, true, true, true, false, false),
          ('2019-12-01', 'h5', '510824100002', '510824', 2019, '缺资金', '未脱贫', NULL, 3, 2000, true, true, true, false, true, true, false),
          ('2019-12-01', 'h6', '510824100002', '510824', 2016, '因病', '已脱贫', 2019, 2, 3250, true, true, true, true, true, false, false)\
        """);
    s.execute(
        """
        INSERT INTO fact_household_snapshot
        SELECT DATE '2020-01-01', * EXCLUDE (period, carried_forward), true FROM fact_household_snapshot WHERE period = DATE '2019-12-01'\
        """);
    s.execute(
        """
        INSERT INTO fact_member_snapshot (period, household_key, person_key, county_code, carried_forward) VALUES
          ('2019-11-01', 'h1', 'p1', '510824', false), ('2019-11-01', 'h1', 'p2', '510824', false),
          ('2019-11-01', 'h5', 'p1', '510824', false), ('2019-12-01', 'h1', 'p1', '510824', false)\
        """);
    s.execute(
        """
        INSERT INTO fact_progress (period, region_code, indicator_code, annual_target, cumulative_completed, reported_at, version) VALUES
          ('2019-10-01', '510824', 'relocation', 100, 50, '2019-11-03', 1),
          ('2019-11-01', '510824', 'relocation', 100, 45, '2019-12-03', 1)\
        """);
    s.execute(
        """
        INSERT INTO fact_allocation VALUES
          ('a1', 2019, '510824', 'central', 'industry_support', 2000.00, '2019-03-15'),
          ('a2', 2018, '510824', 'central', 'industry_support', 1000.00, '2018-11-20'),
          ('a3', 2019, '510824', 'central', 'relocation', 500.00, '2019-12-02')\
        """);
    s.execute(
        """
        INSERT INTO fact_disbursement (txn_id, paid_on, period, region_code, county_code, fund_source, indicator_code,
            allocation_id, household_key, amount_yuan, reverses_txn_id) VALUES
          ('t1', '2019-11-05', '2019-11-01', '510824', '510824', 'central', 'industry_support', 'a2', 'h3', 1000.00, NULL),
          ('t2', '2019-11-06', '2019-11-01', '510824', '510824', 'central', 'industry_support', 'a2', 'hX', 500.00, NULL),
          ('t3', '2019-10-10', '2019-10-01', '510824', '510824', 'central', 'industry_support', 'a1', 'h1', 800.00, NULL),
          ('t4', '2019-12-20', '2019-12-01', '510824', '510824', 'central', 'industry_support', 'a1', 'h1', 800.00, NULL),
          ('t5', '2019-12-21', '2019-12-01', '510824', '510824', 'central', 'industry_support', 'a1', 'h1', 800.00, NULL),
          ('t6', '2019-12-22', '2019-12-01', '510824', '510824', 'central', 'industry_support', 'a1', 'h1', -800.00, 't5'),
          ('t7', '2019-12-01', '2019-12-01', '510824', '510824', 'central', 'industry_support', NULL, 'h2', 800.00, NULL),
          ('t8', '2019-12-05', '2019-12-01', '510824', '510824', 'central', 'relocation', NULL, 'h5', 3000.00, NULL)\
        """);
    s.execute(
        """
        INSERT INTO run_quality VALUES
          ('r1', '2019-12-01', 'submissions', 'submissions/2019-12/广元市_月度战报_2019-12.xlsx', 'city_total_mismatch', 7),
          ('r2', '2019-12-01', 'submissions', 'submissions/2019-12/广元市_月度战报_2019-12.xlsx', 'city_total_mismatch', 7)\
        """);
  }

  private static List<String> rows(String query) throws SQLException {
    return TestWarehouse.rows(connection, query);
  }

  @Test
  void aHouseholdGetsANewVersionWhenATrackedAttributeChangesAndNotWhenItIsCarriedForward()
      throws SQLException {
    // h2: exited, then 返贫 (v2), then 5 members (v3). h4 leaves and comes back unchanged: one
    // version.
    // h5 moves to 乙村 (v2; relocation itself is not tracked). January's carried rows change nothing.
    assertEquals(
        List.of(
            "h1|1|未脱贫|4|510824100001|2019-10-01|2019-12-01|false|2019-10-01|2019-12-01",
            "h1|2|已脱贫|4|510824100001|2019-12-01|null|true|2019-10-01|2019-12-01",
            "h2|1|已脱贫|3|510824100001|2019-10-01|2019-11-01|false|2019-10-01|2019-12-01",
            "h2|2|返贫|3|510824100001|2019-11-01|2019-12-01|false|2019-10-01|2019-12-01",
            "h2|3|返贫|5|510824100001|2019-12-01|null|true|2019-10-01|2019-12-01",
            "h3|1|未脱贫|2|510824100001|2019-10-01|2019-11-01|false|2019-10-01|2019-11-01",
            "h3|2|注销|2|510824100001|2019-11-01|null|true|2019-10-01|2019-11-01",
            "h4|1|未脱贫|2|510824100001|2019-10-01|null|true|2019-10-01|2019-12-01",
            "h5|1|未脱贫|3|510824100001|2019-11-01|2019-12-01|false|2019-11-01|2019-12-01",
            "h5|2|未脱贫|3|510824100002|2019-12-01|null|true|2019-11-01|2019-12-01",
            "h6|1|已脱贫|2|510824100002|2019-12-01|null|true|2019-12-01|2019-12-01",
            "h7|1|返贫|2|510824100001|2019-10-01|2019-12-01|false|2019-10-01|2019-12-01",
            "h7|2|返贫|2|510824100001|2019-12-01|null|true|2019-10-01|2019-12-01"),
        rows(
            "SELECT household_key, version, status, member_count, village_code, valid_from,"
                + " valid_to, is_current, first_period, last_period FROM dim_household ORDER BY"
                + " household_key, version"));
  }

  @Test
  void eventsComeFromConsecutiveSnapshotsOfTheCounty() throws SQLException {
    // October is the county's first snapshot: no events. h3 left after 注销: not missing.
    assertEquals(
        List.of(
            "2019-11-01|h2|returned|已脱贫|返贫",
            "2019-11-01|h3|removed|未脱贫|注销",
            "2019-11-01|h4|missing|未脱贫|null",
            "2019-11-01|h5|identified|null|未脱贫",
            "2019-12-01|h1|exited|未脱贫|已脱贫",
            "2019-12-01|h4|identified|null|未脱贫",
            "2019-12-01|h5|relocated|未脱贫|未脱贫",
            "2019-12-01|h6|identified|null|已脱贫"),
        rows(
            "SELECT period, household_key, event, from_status, to_status FROM fact_household_event"
                + " ORDER BY period, household_key"));
  }

  @Test
  void exitChecksUseTheProvincesLineOfTheExitYearAndAllFiveGuarantees() throws SQLException {
    // h2 exited in 2018: national 2995, income 2900 not above. h1: 四川's 2019 line 3300 < 3500.
    // h6: 3250 is above the national 3218 but not 四川's 3300. h4 in 2020: no line, so not met.
    // h5 lacks secure housing.
    assertEquals(
        List.of(
            "2019-10-01|h2|2018|2995.00|false|false",
            "2019-12-01|h1|2019|3300.00|true|true",
            "2019-12-01|h6|2019|3300.00|false|false",
            "2020-01-01|h1|2019|3300.00|true|true",
            "2020-01-01|h4|2020|null|null|false",
            "2020-01-01|h5|2020|null|null|false",
            "2020-01-01|h6|2019|3300.00|false|false"),
        rows(
            "SELECT period, household_key, line_year, poverty_line_yuan, income_above_line,"
                + " meets_exit_standard FROM v_household_exit_check WHERE status = '已脱贫' OR period"
                + " = DATE '2020-01-01' ORDER BY period, household_key"));
    assertEquals(
        List.of("2019-12-01|h5|false|false"),
        rows(
            "SELECT period, household_key, housing_secure, meets_exit_standard FROM"
                + " v_household_exit_check WHERE household_key = 'h5' AND period = DATE"
                + " '2019-12-01'"));
  }

  @Test
  void idleFundsAreAgedToTheLatestPeriodInTheWarehouse() throws SQLException {
    // as of 2020-01: a1 approved 2019-03 is 10 months old, 800 + 800 + 800 - 800 = 1600 of 2000
    // paid;
    // a2 (2018-11) 14 months, 1500 of 1000; a3 (2019-12) 1 month, nothing paid.
    assertEquals(
        List.of(
            "a1|2000.00|1600.00|80.0|400.00|10|6-12 months",
            "a2|1000.00|1500.00|150.0|-500.00|14|over 12 months",
            "a3|500.00|0.00|0.0|500.00|1|under 6 months"),
        rows(
            "SELECT allocation_id, allocated_yuan, disbursed_yuan, round(disbursed_share, 4),"
                + " idle_yuan, months_since_approval, age_bucket FROM v_idle_funds ORDER BY"
                + " allocation_id"));
  }

  @Test
  void anomaliesFindEachPlantedCaseAndNothingElse() throws SQLException {
    // t5 was reversed, so h1's payments t4 and t5 are not a pair; t3 and t4 are 71 days apart.
    assertEquals(
        List.of(
            "city_total_mismatch|2019-12-01|null|submissions/2019-12/广元市_月度战报_2019-12.xlsx",
            "cumulative_fell|2019-11-01|510824|relocation",
            "duplicate_subsidy|2019-12-01|510824|h1",
            "exited_below_line|2019-10-01|510824|h2",
            "exited_below_line|2019-12-01|510824|h6",
            "over_disbursed|2019-11-01|510824|a2",
            "payment_to_removed|2019-11-01|510824|h3",
            "payment_to_unregistered|2019-11-01|510824|hX",
            "person_in_two_households|2019-11-01|510824|p1"),
        rows(
            "SELECT kind, period, region_code, subject FROM v_anomalies ORDER BY kind, period,"
                + " subject"));
    assertEquals(
        List.of("txn t3 and t4, industry_support, 800.00 yuan, 71 days apart"),
        rows("SELECT detail FROM v_anomalies WHERE kind = 'duplicate_subsidy'"));
  }

  @Test
  void villagesAndCountiesAreCheckedAgainstTheirProvincesThreshold() throws SQLException {
    // December: 甲村's poor are h2 (5), h4 (2), h7 (2): 9 of 400 = 2.25% < 3%, and it has everything.
    // 乙村: h5 (3) of 100 = 3.0%, not below 3%, and no collective income.
    assertEquals(
        List.of(
            "2019-12-01|510824100001|9|400|2.25|3.0|true|true",
            "2019-12-01|510824100002|3|100|3.0|3.0|false|false"),
        rows(
            "SELECT period, village_code, poor_persons, rural_population, round(incidence_rate, 4),"
                + " threshold_percent, incidence_below_threshold, meets_exit_standard FROM"
                + " v_village_exit_check ORDER BY village_code"));
    // 苍溪县 of 500: October h1 4 + h3 2 + h4 2 + h7 2 = 10 (2.0%); November h1 4 + h2 3 + h5 3 + h7 2
    // = 12;
    // December h2 5 + h4 2 + h5 3 + h7 2 = 12 (2.4%). No survey before December; January has no
    // population.
    assertEquals(
        List.of(
            "2019-10-01|2.0|3.0|true|0|0|null|true",
            "2019-11-01|2.4|3.0|true|0|0|null|true",
            "2019-12-01|2.4|3.0|true|2|1|50.0|true",
            "2020-01-01|null|3.0|null|2|1|50.0|false"),
        rows(
            "SELECT period, round(incidence_rate, 4), threshold_percent, incidence_below_threshold,"
                + " poor_villages, villages_meeting_standard, villages_meeting_share,"
                + " meets_exit_standard FROM v_county_exit_check ORDER BY period"));
  }

  @Test
  void reconciliationPutsReportedRegistryAndPaidSideBySide() throws SQLException {
    // relocation: 45 persons reported by November; December's registry flags h5 (3 persons); t8
    // paid h5 3000.
    // house_renovation: h7's housing became secure in December; nobody reported or paid it.
    // industry_support: 1000 + 500 + 800 + 800 + 800 - 800 + 800 = 3900 to h3, hX, h1 and h2 (t5
    // reversed).
    assertEquals(
        List.of(
            "2019|house_renovation|null|null|1|2|2019-12-01|0.00|0|null|1",
            "2019|industry_support|null|null|null|null|2019-12-01|3900.00|4|null|null",
            "2019|relocation|45.00|2019-11-01|1|3|2019-12-01|3000.00|1|42.00|0"),
        rows(
            "SELECT year, indicator_code, reported_completed, reported_period, registry_households,"
                + " registry_persons, registry_period, disbursed_yuan, paid_households,"
                + " reported_minus_registry, registry_minus_paid_households FROM v_reconciliation"
                + " ORDER BY year, indicator_code"));
  }

  @Test
  void aRenamedVillageHasOneVersionPerNameWithTheYearsEachHeld() throws SQLException {
    assertEquals(
        List.of(
            "510824|1|苍溪县|510800|510824|510800|510000|null|null|true",
            "510824100002|1|乙家坝村|510824100|510824|510800|510000|null|2014|false",
            "510824100002|2|乙家村|510824100|510824|510800|510000|2015|2017|false",
            "510824100002|3|乙村|510824100|510824|510800|510000|2018|null|true"),
        rows(
            "SELECT region_code, version, region_name, parent_code, county_code, city_code,"
                + " province_code, valid_from_year, valid_to_year, is_current FROM"
                + " dim_region_history WHERE region_code IN ('510824', '510824100002') ORDER BY"
                + " region_code, version"));
  }
}
