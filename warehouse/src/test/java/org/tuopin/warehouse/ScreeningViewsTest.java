package org.tuopin.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The departments' screening over two hand-made months of one county (510824), every expected value
 * worked out by hand.
 *
 * <p>Registry (both months): hA (已脱贫, 甲村, members pA1 and pA2, never monitored), hB (已脱贫, 乙村,
 * member pB1, 脱贫不稳定户 at risk), hC (注销, member pC1). pX and pY are in no registry: rural residents
 * outside it. Categories: 医保 住院自付 (year to date, 5,000 / 20,000 yuan), 应急 灾害损失 (events add up,
 * 5,000 / 20,000), 民政 新增低保 (no amount: every signal).
 *
 * <p>Signals of May: 医保 pA1 3,000 and pX 12,000 (to 04-30); 应急 pY 12,000; 民政 pA2 and pB1. Signals
 * of June: 医保 pA1 6,000 and pX 15,000 (to 05-31); 应急 pY 9,000 and pA1 6,000; 民政 pC1.
 */
class ScreeningViewsTest {
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
            ('510824100002', '乙村', 'village', '510824100', '510824', '510800', '510000', false)\
          """);
      for (String period : List.of("2021-05-01", "2021-06-01")) {
        s.execute(
            """
            INSERT INTO fact_household_snapshot (period, household_key, village_code, county_code, status,
                member_count, monitoring_type, risk_eliminated, carried_forward)
            VALUES ('%1$s', 'hA', '510824100001', '510824', '已脱贫', 2, NULL, NULL, false),
                   ('%1$s', 'hB', '510824100002', '510824', '已脱贫', 1, '脱贫不稳定户', false, false),
                   ('%1$s', 'hC', '510824100002', '510824', '注销', 1, NULL, NULL, false)\
            """
                .formatted(period));
        s.execute(
            """
            INSERT INTO fact_member_snapshot (period, household_key, person_key, county_code, carried_forward)
            VALUES ('%1$s', 'hA', 'pA1', '510824', false), ('%1$s', 'hA', 'pA2', '510824', false),
                   ('%1$s', 'hB', 'pB1', '510824', false), ('%1$s', 'hC', 'pC1', '510824', false)\
            """
                .formatted(period));
      }
      s.execute(
          """
          INSERT INTO screening_category VALUES
            ('医保', '住院自付', true, 5000, 20000, true),
            ('应急', '灾害损失', true, 5000, 20000, false),
            ('民政', '新增低保', false, NULL, NULL, false)\
          """);
      s.execute(
          """
          INSERT INTO fact_screening_signal VALUES
            ('2021-05-01', '医保', '住院自付', 'pA1', '510824100001', '510824', '2021-04-10', 3000, '2021-04-30'),
            ('2021-05-01', '医保', '住院自付', 'pX', '510824100001', '510824', '2021-04-12', 12000, '2021-04-30'),
            ('2021-05-01', '应急', '灾害损失', 'pY', '510824100002', '510824', '2021-05-03', 12000, '2021-05-20'),
            ('2021-05-01', '民政', '新增低保', 'pA2', '510824100001', '510824', '2021-05-08', NULL, '2021-05-25'),
            ('2021-05-01', '民政', '新增低保', 'pB1', '510824100002', '510824', '2021-05-09', NULL, '2021-05-25'),
            ('2021-06-01', '医保', '住院自付', 'pA1', '510824100001', '510824', '2021-05-20', 6000, '2021-05-31'),
            ('2021-06-01', '医保', '住院自付', 'pX', '510824100001', '510824', '2021-05-21', 15000, '2021-05-31'),
            ('2021-06-01', '应急', '灾害损失', 'pY', '510824100002', '510824', '2021-06-02', 9000, '2021-06-20'),
            ('2021-06-01', '应急', '灾害损失', 'pA1', '510824100001', '510824', '2021-06-02', 6000, '2021-06-20'),
            ('2021-06-01', '民政', '新增低保', 'pC1', '510824100002', '510824', '2021-06-11', NULL, '2021-06-25')\
          """);
      TestWarehouse.deriveAndDefineViews(s);
    }
  }

  @Test
  void leadsAreHouseholdsAndOutsidePersonsOverTheirThresholdsAndNotAtRisk() throws SQLException {
    assertEquals(
        List.of(
            // May: pA2's new 低保 makes hA a lead; pB1's does not (hB is at risk); pA1's 3,000,
            // pX's 12,000 and pY's 12,000 are under their thresholds
            "2021-05|510824100001|hA|null|true|民政|新增低保|null|null|2021-05-01",
            // June: pA1's year-to-date 6,000 (not 3,000 + 6,000); pA1's disaster loss; pY's
            // losses add up to 21,000; pC1's household is 注销, so pC1 is outside the registry;
            // pX's 15,000 (not 27,000) stays under 20,000
            "2021-06|510824100001|hA|null|true|医保|住院自付|6000.00|5000.00|2021-06-01",
            "2021-06|510824100001|hA|null|true|应急|灾害损失|6000.00|5000.00|2021-06-01",
            "2021-06|510824100001|hA|null|true|民政|新增低保|null|null|2021-05-01",
            "2021-06|510824100002|null|pC1|false|民政|新增低保|null|null|2021-06-01",
            "2021-06|510824100002|null|pY|false|应急|灾害损失|21000.00|20000.00|2021-06-01"),
        TestWarehouse.rows(
            connection,
            """
            SELECT period_label, village_code, household_key, person_key, registered, department,
                   category, amount_yuan, threshold_yuan, first_flagged_period
            FROM v_screening_leads
            ORDER BY period, coalesce(household_key, person_key), department, category
            """));
  }

  @Test
  void countiesCountTheirLeadsPerDepartment() throws SQLException {
    assertEquals(
        List.of(
            "2021-05|苍溪县|民政|1|1|0|1",
            "2021-06|苍溪县|医保|1|1|0|1",
            "2021-06|苍溪县|应急|2|1|1|2",
            "2021-06|苍溪县|民政|2|1|1|1"),
        TestWarehouse.rows(
            connection,
            """
            SELECT period_label, county_name, department, leads, registered_leads, outside_leads, new_leads
            FROM v_screening_leads_by_county ORDER BY period, department
            """));
  }
}
