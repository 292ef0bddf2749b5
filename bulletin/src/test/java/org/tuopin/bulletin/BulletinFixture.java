package org.tuopin.bulletin;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.tuopin.warehouse.HandMadeWarehouse;
import org.tuopin.warehouse.RunSource;

/**
 * A hand-made warehouse of one city, 广元市 (510800), with three units: 利州区 (510802), 旺苍县 (510821),
 * 苍溪县 (510824), and three indicators. Every figure the tests expect is worked out by hand in
 * BulletinTest.
 */
final class BulletinFixture {
  private BulletinFixture() {}

  static Path publish(Path root) throws Exception {
    List<RunSource> runs =
        List.of(
            new RunSource(
                "r1", LocalDate.of(2018, 1, 1), null, null, "published", "submissions", 2, 2, 0),
            new RunSource(
                "r2", LocalDate.of(2018, 2, 1), null, null, "published", "submissions", 8, 8, 0));
    return HandMadeWarehouse.publish(
        root,
        runs,
        """
        INSERT INTO dim_region VALUES
          ('510000', '四川省', 'province', NULL, NULL, NULL, '510000', false),
          ('510800', '广元市', 'city', '510000', NULL, '510800', '510000', false),
          ('510802', '利州区', 'county', '510800', '510802', '510800', '510000', false),
          ('510821', '旺苍县', 'county', '510800', '510821', '510800', '510000', false),
          ('510824', '苍溪县', 'county', '510800', '510824', '510800', '510000', false),
          ('510821100', '东河镇', 'township', '510821', '510821', '510800', '510000', false),
          ('510821100001', '乙村', 'village', '510821100', '510821', '510800', '510000', false),
          ('510824100', '陵江镇', 'township', '510824', '510824', '510800', '510000', false),
          ('510824100001', '甲村', 'village', '510824100', '510824', '510800', '510000', false)\
        """,
        "INSERT INTO dim_indicator VALUES ('relocation', '易地扶贫搬迁', '人'), ('rural_roads', '农村公路',"
            + " '公里'), ('safe_water', '安全饮水', '户')",
        "INSERT INTO dim_fund_source VALUES ('central', '中央财政专项扶贫资金')",
        // January: 苍溪县 10 of 100 relocated, 旺苍县 20 of 50. February: see BulletinTest.
        """
        INSERT INTO fact_progress (period, region_code, indicator_code, annual_target, cumulative_completed, reported_at, version) VALUES
          (DATE '2018-01-01', '510824', 'relocation', 100, 10, DATE '2018-02-02', 1),
          (DATE '2018-01-01', '510821', 'relocation', 50, 20, DATE '2018-02-03', 1),
          (DATE '2018-02-01', '510824', 'relocation', 100, 20, DATE '2018-03-03', 1),
          (DATE '2018-02-01', '510824', 'relocation', 100, 30, DATE '2018-03-04', 2),
          (DATE '2018-02-01', '510824', 'safe_water', 50, 60, DATE '2018-03-03', 1),
          (DATE '2018-02-01', '510824', 'rural_roads', 20, 10, DATE '2018-03-03', 1),
          (DATE '2018-02-01', '510821', 'relocation', 50, 25, DATE '2018-03-04', 1),
          (DATE '2018-02-01', '510821', 'safe_water', 40, 10, DATE '2018-03-04', 1),
          (DATE '2018-02-01', '510821', 'rural_roads', 0, 0, DATE '2018-03-04', 1),
          (DATE '2018-02-01', '510802', 'rural_roads', 10, 8.5, DATE '2018-03-08', 1)\
        """,
        "INSERT INTO fact_allocation VALUES ('a1', 2018, '510824', 'central', 'relocation',"
            + " 1000.00, DATE '2018-01-10')",
        // 300 paid in February; 200 in March, after the bulletin's month
        """
        INSERT INTO fact_disbursement (txn_id, paid_on, period, region_code, county_code, fund_source, indicator_code, allocation_id, amount_yuan) VALUES
          ('t1', DATE '2018-02-02', DATE '2018-02-01', '510824', '510824', 'central', 'relocation', 'a1', 300.00),
          ('t2', DATE '2018-03-05', DATE '2018-03-01', '510824100001', '510824', 'central', 'relocation', 'a1', 200.00)\
        """,
        // December 2017: 苍溪县 7 poor persons, 旺苍县 2; February 2018: 苍溪县 4 (h2 exited), 旺苍县 2
        """
        INSERT INTO fact_household_snapshot (period, household_key, village_code, county_code, status, exit_year, member_count, carried_forward) VALUES
          (DATE '2017-12-01', 'h1', '510824100001', '510824', '未脱贫', NULL, 4, false),
          (DATE '2017-12-01', 'h2', '510824100001', '510824', '未脱贫', NULL, 3, false),
          (DATE '2017-12-01', 'h5', '510821100001', '510821', '未脱贫', NULL, 2, false),
          (DATE '2018-02-01', 'h1', '510824100001', '510824', '未脱贫', NULL, 4, false),
          (DATE '2018-02-01', 'h2', '510824100001', '510824', '已脱贫', 2018, 3, false),
          (DATE '2018-02-01', 'h5', '510821100001', '510821', '未脱贫', NULL, 2, false)\
        """,
        "INSERT INTO fact_population VALUES (2017, '510824', 200), (2017, '510821', 50), (2018,"
            + " '510824', 200), (2018, '510821', 50)");
  }
}
