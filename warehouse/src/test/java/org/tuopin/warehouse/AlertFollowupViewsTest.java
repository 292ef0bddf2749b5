package org.tuopin.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * From a lead or alert to the cadres' visit and back, over five hand-made months of one county
 * (510824), every expected value worked out by hand. Leads reach the county on the 5th of the next
 * month; visits are due within 15 days.
 *
 * <p>Registry (March to July): hA (member pA1), hB (member pB1) and hC (member pC1), exited, never
 * monitored until hA is taken in on 2021-06-10 and hC on 2021-07-02. hC earns 5,000 yuan in May and
 * June (under the monitoring line of 6,000), the others 9,000. pX is outside the registry. 医保's
 * 住院自付 is year to date (5,000 / 20,000 yuan); 民政's 新增低保 has no amount.
 *
 * <p>Signals: pA1 医保 6,000 in March; pB1 医保 5,500 (March), 7,000 (April), 12,000 (May) and 15,000
 * (June); pX 民政 新增低保 in April. Visits: hA on 04-12 纳入监测; hB on 04-08 排除; pX on 04-20 排除; hC on
 * 06-25 纳入监测.
 */
class AlertFollowupViewsTest {
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
            ('510824100001', '甲村', 'village', '510824100', '510824', '510800', '510000', false)\
          """);
      for (String month : List.of("03", "04", "05", "06", "07")) {
        String period = "2021-" + month + "-01";
        boolean hAMonitored = month.compareTo("06") >= 0;
        boolean hCMonitored = month.equals("07");
        int hCIncome = month.equals("05") || month.equals("06") ? 5000 : 9000;
        s.execute(
            """
            INSERT INTO fact_household_snapshot (period, household_key, village_code, county_code, status,
                member_count, per_capita_income, monitoring_type, monitored_on, risk_eliminated,
                food_clothing_secure, education_secure, medical_secure, housing_secure,
                drinking_water_secure, carried_forward)
            VALUES ('%1$s', 'hA', '510824100001', '510824', '已脱贫', 1, 9000, %2$s, %3$s, %4$s, true, true, true, true, true, false),
                   ('%1$s', 'hB', '510824100001', '510824', '已脱贫', 1, 9000, NULL, NULL, NULL, true, true, true, true, true, false),
                   ('%1$s', 'hC', '510824100001', '510824', '已脱贫', 1, %5$d, %6$s, %7$s, %8$s, true, true, true, true, true, false)\
            """
                .formatted(
                    period,
                    hAMonitored ? "'脱贫不稳定户'" : "NULL",
                    hAMonitored ? "DATE '2021-06-10'" : "NULL",
                    hAMonitored ? "false" : "NULL",
                    hCIncome,
                    hCMonitored ? "'脱贫不稳定户'" : "NULL",
                    hCMonitored ? "DATE '2021-07-02'" : "NULL",
                    hCMonitored ? "false" : "NULL"));
        s.execute(
            """
            INSERT INTO fact_member_snapshot (period, household_key, person_key, county_code, carried_forward)
            VALUES ('%1$s', 'hA', 'pA1', '510824', false), ('%1$s', 'hB', 'pB1', '510824', false),
                   ('%1$s', 'hC', 'pC1', '510824', false)\
            """
                .formatted(period));
      }
      s.execute("INSERT INTO monitoring_line VALUES (NULL, 2021, 6000)");
      s.execute(
          "INSERT INTO setting VALUES ('monitoring_income_fall_share', '0.3'),"
              + " ('submission_deadline_day', '5'), ('monitoring_visit_days', '15')");
      s.execute(
          """
          INSERT INTO screening_category VALUES
            ('医保', '住院自付', true, 5000, 20000, true),
            ('民政', '新增低保', false, NULL, NULL, false)\
          """);
      s.execute(
          """
          INSERT INTO fact_screening_signal VALUES
            ('2021-03-01', '医保', '住院自付', 'pA1', '510824100001', '510824', '2021-02-10', 6000, '2021-02-28'),
            ('2021-03-01', '医保', '住院自付', 'pB1', '510824100001', '510824', '2021-02-11', 5500, '2021-02-28'),
            ('2021-04-01', '医保', '住院自付', 'pB1', '510824100001', '510824', '2021-03-11', 7000, '2021-03-31'),
            ('2021-04-01', '民政', '新增低保', 'pX', '510824100001', '510824', '2021-04-02', NULL, '2021-04-25'),
            ('2021-05-01', '医保', '住院自付', 'pB1', '510824100001', '510824', '2021-04-11', 12000, '2021-04-30'),
            ('2021-06-01', '医保', '住院自付', 'pB1', '510824100001', '510824', '2021-05-11', 15000, '2021-05-31')\
          """);
      s.execute(
          """
          INSERT INTO fact_verification VALUES
            ('2021-04-01', 'pA1', '2021-04-12', '纳入监测'),
            ('2021-04-01', 'hZ', '2021-04-02', '排除'),
            ('2021-03-01', 'hB', '2021-02-27', '排除'),
            ('2021-04-01', 'hB', '2021-04-08', '排除'),
            ('2021-04-01', 'pX', '2021-04-20', '排除'),
            ('2021-06-01', 'hC', '2021-06-25', '纳入监测')\
          """);
      TestWarehouse.deriveAndDefineViews(s);
    }
  }

  @Test
  void aLeadConcludedExcludedIsRaisedAgainOnlyWhenItsAmountDoubles() throws SQLException {
    assertEquals(
        List.of(
            "2021-03|hA|住院自付|6000.00|2021-03-01",
            "2021-03|hB|住院自付|5500.00|2021-03-01",
            // hB's April lead stands (the visit answers it); pX's new 低保
            "2021-04|hA|住院自付|6000.00|2021-03-01",
            "2021-04|hB|住院自付|7000.00|2021-03-01",
            "2021-04|pX|新增低保|null|2021-04-01",
            // May: hB's 12,000 is under twice the 7,000 of April, when it was excluded; pX's 低保
            // has no amount to double
            "2021-05|hA|住院自付|6000.00|2021-03-01",
            // June: hA is monitored (at risk); hB's 15,000 doubles 7,000: a new lead
            "2021-06|hB|住院自付|15000.00|2021-06-01",
            // July: no new signal; June's figure still doubles April's
            "2021-07|hB|住院自付|15000.00|2021-06-01"),
        TestWarehouse.rows(
            connection,
            """
            SELECT period_label, coalesce(household_key, person_key), category, amount_yuan,
                   first_flagged_period
            FROM v_screening_leads ORDER BY period, 2
            """));
  }

  @Test
  void eachFlagHasItsVisitDaysConclusionAndConfirmation() throws SQLException {
    assertEquals(
        List.of(
            // hA: due 04-05, visited 7 days later, taken in by June's registry
            "2021-03|hA|lead|住院自付|2021-04-05|2021-04-12|7|纳入监测|true|false|true",
            "2021-03|hB|lead|住院自付|2021-04-05|2021-04-08|3|排除|true|false|false",
            // pX visited before the county had the lead
            "2021-04|pX|lead|新增低保|2021-05-05|2021-04-20|-15|排除|true|false|false",
            // hC's alert of May (and June): visited 20 days after it was due; July's registry
            "2021-05|hC|alert|income_below_line|2021-06-05|2021-06-25|20|纳入监测|false|true|true",
            // hB raised again in June, never visited
            "2021-06|hB|lead|住院自付|2021-07-05|null|null|null|false|true|false"),
        TestWarehouse.rows(
            connection,
            """
            SELECT period_label, subject_key, kind, reason, flagged_on, visited_on, days_to_visit,
                   conclusion, on_time, overdue, confirmed_monitored
            FROM v_alert_followup ORDER BY period, subject_key
            """));
    assertEquals(
        List.of(
            "2021-03|苍溪县|2|0|2|2|0|1",
            "2021-04|苍溪县|1|0|1|1|0|0",
            "2021-05|苍溪县|0|1|1|0|1|1",
            "2021-06|苍溪县|1|0|0|0|1|0"),
        TestWarehouse.rows(
            connection,
            """
            SELECT period_label, county_name, leads_raised, alerts_raised, visited, on_time, overdue,
                   confirmed_monitored
            FROM v_alert_followup_by_county ORDER BY period
            """));
  }

  @Test
  void visitsResolveToTheirHouseholdAndThoseAnsweringNoFlagAreListed() throws SQLException {
    assertEquals(
        List.of(
            "hA|true|510824|2021-04-12",
            "hB|true|510824|2021-02-27",
            "hB|true|510824|2021-04-08",
            "hC|true|510824|2021-06-25",
            "hZ|false|null|2021-04-02",
            "pX|false|510824|2021-04-20"),
        TestWarehouse.rows(
            connection,
            "SELECT subject_key, registered, county_code, visited_on FROM v_verifications ORDER BY"
                + " 1, 4"));
    assertEquals(
        List.of("hB|2021-02-27|visited_before_flagged", "hZ|2021-04-02|unknown_lead"),
        TestWarehouse.rows(
            connection,
            "SELECT subject_key, visited_on, rule FROM v_unmatched_verifications ORDER BY 1"));
  }
}
