package org.tuopin.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Return-to-poverty monitoring over three hand-made months of one county (510824): v_monitoring,
 * the monitoring events and dim_household's versions, every expected value worked out by hand.
 *
 * <p>甲村: h1 (exited, 4 persons) is taken in as 突发严重困难户 on 2021-06-15; h2 (exited, 3) is monitored
 * from 2021-05-10, its risk eliminated on 2021-06-20 and back at risk in July. 乙村: h3 (监测户, 2,
 * 边缘易致贫户 since March) stays at risk; h4 (exited, 5) is never monitored; h5 is 注销 (counts nowhere,
 * though it has a monitoring type); h6 (exited, 4) was monitored from January and its risk
 * eliminated in April, and in July its housing is no longer secure. Incomes: 9,000 yuan but h2's
 * 5,800 in June; the monitoring line of 2021 is the national 6,000 (四川's own starts in 2023). h2
 * got a payment in May.
 */
class MonitoringViewsTest {
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
            ('510824', '苍溪县', 'county', '510800', '510824', '510800', '510000', false),
            ('510824100', '陵江镇', 'township', '510824', '510824', '510800', '510000', false),
            ('510824100001', '甲村', 'village', '510824100', '510824', '510800', '510000', false),
            ('510824100002', '乙村', 'village', '510824100', '510824', '510800', '510000', false),
            ('510821', '旺苍县', 'county', '510800', '510821', '510800', '510000', false),
            ('510821100', '东河镇', 'township', '510821', '510821', '510800', '510000', false),
            ('510821100001', '丙村', 'village', '510821100', '510821', '510800', '510000', false)\
          """);
      s.execute(
          """
          INSERT INTO fact_household_snapshot (period, household_key, village_code, county_code, status, exit_year,
              member_count, monitoring_type, risk_type, monitored_on, risk_eliminated, risk_eliminated_on, per_capita_income,
              food_clothing_secure, education_secure, medical_secure, housing_secure, drinking_water_secure, carried_forward)
          VALUES
            ('2021-05-01', 'h1', '510824100001', '510824', '已脱贫', 2018, 4, NULL, NULL, NULL, NULL, NULL, 9000, true, true, true, true, true, false),
            ('2021-05-01', 'h2', '510824100001', '510824', '已脱贫', 2019, 3, '脱贫不稳定户', '因病', '2021-05-10', false, NULL, 9000, true, true, true, true, true, false),
            ('2021-05-01', 'h3', '510824100002', '510824', '监测户', NULL, 2, '边缘易致贫户', '因灾', '2021-03-01', false, NULL, 9000, true, true, true, true, true, false),
            ('2021-05-01', 'h4', '510824100002', '510824', '已脱贫', 2017, 5, NULL, NULL, NULL, NULL, NULL, 9000, true, true, true, true, true, false),
            ('2021-05-01', 'h5', '510824100002', '510824', '注销', NULL, 1, '突发严重困难户', '因病', '2021-05-02', false, NULL, 9000, true, true, true, true, true, false),
            ('2021-05-01', 'h6', '510824100002', '510824', '已脱贫', 2018, 4, '脱贫不稳定户', '缺劳动力', '2021-01-05', true, '2021-04-30', 9000, true, true, true, true, true, false),
            ('2021-06-01', 'h1', '510824100001', '510824', '已脱贫', 2018, 4, '突发严重困难户', '因意外事故', '2021-06-15', false, NULL, 9000, true, true, true, true, true, false),
            ('2021-06-01', 'h2', '510824100001', '510824', '已脱贫', 2019, 3, '脱贫不稳定户', '因病', '2021-05-10', true, '2021-06-20', 5800, true, true, true, true, true, false),
            ('2021-06-01', 'h3', '510824100002', '510824', '监测户', NULL, 2, '边缘易致贫户', '因灾', '2021-03-01', false, NULL, 9000, true, true, true, true, true, false),
            ('2021-06-01', 'h4', '510824100002', '510824', '已脱贫', 2017, 5, NULL, NULL, NULL, NULL, NULL, 9000, true, true, true, true, true, false),
            ('2021-06-01', 'h5', '510824100002', '510824', '注销', NULL, 1, '突发严重困难户', '因病', '2021-05-02', false, NULL, 9000, true, true, true, true, true, false),
            ('2021-06-01', 'h6', '510824100002', '510824', '已脱贫', 2018, 4, '脱贫不稳定户', '缺劳动力', '2021-01-05', true, '2021-04-30', 9000, true, true, true, true, true, false),
            ('2021-07-01', 'h1', '510824100001', '510824', '已脱贫', 2018, 4, '突发严重困难户', '因意外事故', '2021-06-15', false, NULL, 9000, true, true, true, true, true, false),
            ('2021-07-01', 'h2', '510824100001', '510824', '已脱贫', 2019, 3, '脱贫不稳定户', '因病', '2021-05-10', false, NULL, 9000, true, true, true, true, true, false),
            ('2021-07-01', 'h3', '510824100002', '510824', '监测户', NULL, 2, '边缘易致贫户', '因灾', '2021-03-01', false, NULL, 9000, true, true, true, true, true, false),
            ('2021-07-01', 'h4', '510824100002', '510824', '已脱贫', 2017, 5, NULL, NULL, NULL, NULL, NULL, 9000, true, true, true, true, true, false),
            ('2021-07-01', 'h5', '510824100002', '510824', '注销', NULL, 1, '突发严重困难户', '因病', '2021-05-02', false, NULL, 9000, true, true, true, true, true, false),
            ('2021-07-01', 'h6', '510824100002', '510824', '已脱贫', 2018, 4, '脱贫不稳定户', '缺劳动力', '2021-01-05', true, '2021-04-30', 9000, true, true, true, false, true, false)\
          """);
      // 旺苍县's h7 (未脱贫, never monitored) earned 15,000 yuan in June 2020 and 9,000 a year later;
      // h8 exited and returned to poverty by June 2021; h9 is registered poor in June 2021
      s.execute(
          """
          INSERT INTO fact_household_snapshot (period, household_key, village_code, county_code, status, member_count,
              per_capita_income, food_clothing_secure, education_secure, medical_secure, housing_secure,
              drinking_water_secure, carried_forward)
          VALUES ('2020-06-01', 'h7', '510821100001', '510821', '未脱贫', 2, 15000, true, true, true, true, true, false),
                 ('2021-06-01', 'h7', '510821100001', '510821', '未脱贫', 2, 9000, true, true, true, true, true, false),
                 ('2020-06-01', 'h8', '510821100001', '510821', '已脱贫', 3, 9000, true, true, true, true, true, false),
                 ('2021-06-01', 'h8', '510821100001', '510821', '返贫', 3, 9000, true, true, true, true, true, false),
                 ('2021-06-01', 'h9', '510821100001', '510821', '未脱贫', 1, 9000, true, true, true, true, true, false)\
          """);
      s.execute("INSERT INTO monitoring_line VALUES (NULL, 2021, 6000), ('510000', 2023, 8000)");
      // at risk for more than one month with no payment since: a finding
      s.execute(
          "INSERT INTO setting VALUES ('monitoring_months_without_assistance', '1'),"
              + " ('monitoring_income_fall_share', '0.3')");
      s.execute(
          """
          INSERT INTO fact_disbursement (txn_id, paid_on, period, region_code, county_code, fund_source, indicator_code,
              allocation_id, household_key, amount_yuan, reverses_txn_id)
          VALUES ('t1', '2021-05-20', '2021-05-01', '510824', '510824', 'central', 'industry_support', NULL, 'h2', 500.00, NULL)\
          """);
      TestWarehouse.deriveAndDefineViews(s);
    }
  }

  @Test
  void monitoringCountsEachRegionLevelByTypeMonthAndRisk() throws SQLException {
    // columns: monitored households|persons, unstable|edge|hardship, newly monitored, eliminated
    // in the month, at risk households|persons, exited, exited monitored, rate
    assertEquals(
        List.of(
            // May: 甲村 has h2 (new in May); 乙村 h3 (since March); exited h1, h2 | h4
            "2021-05|510824100001|village|1|3|1|0|0|1|0|1|3|2|1|50.0",
            "2021-05|510824100002|village|2|6|1|1|0|0|0|1|2|2|1|50.0",
            "2021-05|510824|county|3|9|2|1|0|1|0|2|5|4|2|50.0",
            // June: h1 taken in, h2's risk eliminated
            "2021-06|510824100001|village|2|7|1|0|1|1|1|1|4|2|2|100.0",
            "2021-06|510824100002|village|2|6|1|1|0|0|0|1|2|2|1|50.0",
            "2021-06|510824|county|4|13|2|1|1|1|1|2|6|4|3|75.0",
            // July: h2 back at risk
            "2021-07|510824100001|village|2|7|1|0|1|0|0|2|7|2|2|100.0",
            "2021-07|510824100002|village|2|6|1|1|0|0|0|1|2|2|1|50.0",
            "2021-07|510824|county|4|13|2|1|1|0|0|3|9|4|3|75.0"),
        TestWarehouse.rows(
            connection,
            """
            SELECT period_label, region_code, region_level, monitored_households, monitored_persons,
                   unstable_households, edge_households, hardship_households, newly_monitored_households,
                   eliminated_households, at_risk_households, at_risk_persons, exited_households,
                   exited_monitored_households, round(exited_monitored_rate, 1)
            FROM v_monitoring WHERE region_level IN ('village', 'county') ORDER BY period, region_level DESC, region_code
            """));
    // the township, city and province have the county's figures: one row each per period
    assertEquals(
        List.of("city|3", "county|3", "province|3", "township|3", "village|6"),
        TestWarehouse.rows(
            connection, "SELECT region_level, count(*) FROM v_monitoring GROUP BY 1 ORDER BY 1"));
    assertEquals(
        List.of("0"),
        TestWarehouse.rows(
            connection,
            """
            SELECT count(*) FROM v_monitoring AS t JOIN v_monitoring AS c USING (period)
            WHERE t.region_level IN ('township', 'city', 'province') AND c.region_code = '510824'
              AND (t.monitored_households, t.at_risk_persons, t.exited_monitored_rate)
                  IS DISTINCT FROM (c.monitored_households, c.at_risk_persons, c.exited_monitored_rate)
            """));
  }

  @Test
  void takingInEliminatingAndResumingAreEvents() throws SQLException {
    // May is the county's first snapshot: the baseline, no events
    assertEquals(
        List.of(
            "2021-06-01|h1|monitored",
            "2021-06-01|h2|risk_eliminated",
            // 旺苍县: June 2021 after its baseline of June 2020
            "2021-06-01|h8|returned",
            "2021-06-01|h9|identified",
            "2021-07-01|h2|monitoring_resumed"),
        TestWarehouse.rows(
            connection,
            "SELECT period, household_key, event FROM fact_household_event ORDER BY period,"
                + " household_key, event"));
  }

  @Test
  void eliminationsBelowTheLineAndHouseholdsLeftWithoutAssistanceAreAnomalies()
      throws SQLException {
    assertEquals(
        List.of(
            // June: h2's risk marked eliminated with 5,800 yuan, under the 6,000 line
            "eliminated_below_line|2021-06|510824|h2|risk eliminated on 2021-06-20: income 5800.00,"
                + " line 6000.00",
            // July: h6's housing is no longer secure, its risk still marked eliminated
            "eliminated_below_line|2021-07|510824|h6|risk eliminated on 2021-04-30; not secure:"
                + " housing_secure: income 9000.00, line 6000.00",
            // h3: at risk since March, 4 months by July, never paid (h1: 1 month; h2: paid in May)
            "monitored_without_assistance|2021-07|510824|h3|at risk since 2021-03-01 (4 months),"
                + " no payment since"),
        TestWarehouse.rows(
            connection,
            "SELECT kind, period_label, region_code, subject, detail FROM v_anomalies ORDER BY"
                + " kind, period, subject"));
    // the line of a year: the province's own from its first year, the national one before
    assertEquals(
        List.of("6000.00|8000.00|8000.00|null"),
        TestWarehouse.rows(
            connection,
            "SELECT monitoring_line_of('510000', 2022), monitoring_line_of('510000', 2023),"
                + " monitoring_line_of('510000', 2026), monitoring_line_of('510000', 2020)"));
    // arguments named like monitoring_line's own columns are the caller's
    assertEquals(
        List.of("510000|2023|8000.00", "610000|2023|6000.00"),
        TestWarehouse.rows(
            connection,
            "SELECT province_code, year, monitoring_line_of(province_code, year) FROM (VALUES"
                + " ('510000', 2023), ('610000', 2023)) AS t(province_code, year) ORDER BY 1"));
  }

  @Test
  void householdsNotAtRiskAreScreenedForIncomeAndLostGuarantees() throws SQLException {
    // 2020 has no monitoring line: no alert. At risk households (h1, h3; h2 in July) are not
    // screened; 注销 (h5) neither.
    assertEquals(
        List.of(
            // eliminated in June with 5,800 yuan, under the line
            "2021-06|苍溪县|h2|income_below_line|5800.00|6000.00|null|null",
            // 9,000 < (1 - 0.3) × 15,000 = 10,500
            "2021-06|旺苍县|h7|income_fell|9000.00|6000.00|15000.00|null",
            // housing secure in June, not in July
            "2021-07|苍溪县|h6|guarantee_lost|9000.00|6000.00|null|housing_secure"),
        TestWarehouse.rows(
            connection,
            "SELECT period_label, county_name, household_key, reason, per_capita_income,"
                + " monitoring_line_yuan, income_year_earlier, lost_guarantees FROM"
                + " v_monitoring_alerts ORDER BY period, household_key, reason"));
  }

  @Test
  void thePovertyTrendCountsReturnedAndNewlyPoorHouseholdsOfTheYearSoFar() throws SQLException {
    assertEquals(
        List.of(
            // 旺苍县's baseline: no events
            "2020-06|510821|1|0|0",
            "2020-06|510800|1|0|0",
            // h7, h8 (返贫), h9 poor; h8 returned and h9 registered in the year
            "2021-06|510821|3|1|1",
            "2021-06|510800|3|1|1",
            // July: only 苍溪县 sent a snapshot here, none of its households poor
            "2021-07|510800|0|0|0"),
        TestWarehouse.rows(
            connection,
            "SELECT period_label, region_code, poor_households, returned_in_year_households,"
                + " newly_poor_in_year_households FROM v_poverty_trend WHERE region_code IN"
                + " ('510821', '510800') AND period IN ('2020-06-01', '2021-06-01', '2021-07-01')"
                + " ORDER BY period, region_code DESC"));
  }

  @Test
  void aChangeOfMonitoringStartsAHouseholdVersion() throws SQLException {
    assertEquals(
        List.of(
            "h1|1|null|null|2021-05-01|2021-06-01",
            "h1|2|突发严重困难户|false|2021-06-01|null",
            "h2|1|脱贫不稳定户|false|2021-05-01|2021-06-01",
            "h2|2|脱贫不稳定户|true|2021-06-01|2021-07-01",
            "h2|3|脱贫不稳定户|false|2021-07-01|null",
            "h3|1|边缘易致贫户|false|2021-05-01|null",
            "h4|1|null|null|2021-05-01|null",
            "h5|1|突发严重困难户|false|2021-05-01|null",
            // July: housing no longer secure (a guarantee) starts a version too
            "h6|1|脱贫不稳定户|true|2021-05-01|2021-07-01",
            "h6|2|脱贫不稳定户|true|2021-07-01|null",
            "h7|1|null|null|2020-06-01|null",
            "h8|1|null|null|2020-06-01|2021-06-01",
            "h8|2|null|null|2021-06-01|null",
            "h9|1|null|null|2021-06-01|null"),
        TestWarehouse.rows(
            connection,
            "SELECT household_key, version, monitoring_type, risk_eliminated, valid_from, valid_to"
                + " FROM dim_household ORDER BY household_key, version"));
  }
}
