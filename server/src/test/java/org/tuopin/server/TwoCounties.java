package org.tuopin.server;

import java.nio.file.Path;
import java.util.List;
import org.tuopin.warehouse.HandMadeWarehouse;

/**
 * A published warehouse of two counties of 广元市, December 2019, every household 未脱贫:
 *
 * <pre>
 *   苍溪县 510824 / 陵江镇 510824100 / 甲村 510824100001: a1..a6, 2 members each (6 households,
 *                                       12 persons; population 400)
 *                                    / 乙村 510824100002: b1 (1 member), b2 (2)  (2 households,
 *                                       3 persons; population 100)
 *   利州区 510802 / 东坝街道 510802100 / 丙村 510802100001: c1..c3, 3 members each (3, 9; 300)
 * </pre>
 *
 * Payments: one to household a1, one to no household in each county.
 */
final class TwoCounties {
  private TwoCounties() {}

  static Path publish(Path root, String... moreInserts) throws Exception {
    String[] inserts = {
      """
      INSERT INTO dim_region VALUES
        ('510000', '四川省', 'province', NULL, NULL, NULL, '510000', false),
        ('510800', '广元市', 'city', '510000', NULL, '510800', '510000', false),
        ('510824', '苍溪县', 'county', '510800', '510824', '510800', '510000', false),
        ('510824100', '陵江镇', 'township', '510824', '510824', '510800', '510000', false),
        ('510824100001', '甲村', 'village', '510824100', '510824', '510800', '510000', false),
        ('510824100002', '乙村', 'village', '510824100', '510824', '510800', '510000', false),
        ('510802', '利州区', 'county', '510800', '510802', '510800', '510000', false),
        ('510802100', '东坝街道', 'township', '510802', '510802', '510800', '510000', false),
        ('510802100001', '丙村', 'village', '510802100', '510802', '510800', '510000', false)\
      """,
      "INSERT INTO poverty_line VALUES (NULL, 2019, 3218)",
      "INSERT INTO dim_indicator VALUES ('industry_support', '产业扶持', '户')",
      """
      INSERT INTO fact_population VALUES (2019, '510824', 500), (2019, '510824100001', 400),
        (2019, '510824100002', 100), (2019, '510802', 300), (2019, '510802100001', 300)\
      """,
      """
      INSERT INTO fact_household_snapshot (period, household_key, village_code, county_code,
          identified_year, poverty_cause, status, exit_year, member_count, per_capita_income,
          food_clothing_secure, education_secure, medical_secure, housing_secure,
          drinking_water_secure, relocated, carried_forward)
      SELECT DATE '2019-12-01', key, village, left(village, 6), 2014, '因病', '未脱贫', NULL, members,
             2000, true, true, true, true, true, false, false
      FROM (VALUES ('a1', '510824100001', 2), ('a2', '510824100001', 2), ('a3', '510824100001', 2),
                   ('a4', '510824100001', 2), ('a5', '510824100001', 2), ('a6', '510824100001', 2),
                   ('b1', '510824100002', 1), ('b2', '510824100002', 2),
                   ('c1', '510802100001', 3), ('c2', '510802100001', 3), ('c3', '510802100001', 3))
           AS h(key, village, members)\
      """,
      """
      INSERT INTO fact_allocation VALUES
        ('x1', 2019, '510824', 'central', 'industry_support', 5000.00, '2019-03-15'),
        ('x2', 2019, '510802', 'central', 'industry_support', 3000.00, '2019-03-15')\
      """,
      """
      INSERT INTO fact_disbursement VALUES
        ('d1', '2019-12-05', '2019-12-01', '510824', '510824', 'central', 'industry_support', 'x1', 'a1', 800.00, NULL),
        ('d2', '2019-12-06', '2019-12-01', '510824', '510824', 'central', 'industry_support', 'x1', NULL, 1200.00, NULL),
        ('d3', '2019-12-07', '2019-12-01', '510802', '510802', 'central', 'industry_support', 'x2', NULL, 900.00, NULL)\
      """
    };
    String[] all = new String[inserts.length + moreInserts.length];
    System.arraycopy(inserts, 0, all, 0, inserts.length);
    System.arraycopy(moreInserts, 0, all, inserts.length, moreInserts.length);
    return HandMadeWarehouse.publish(root, List.of(), all);
  }
}
