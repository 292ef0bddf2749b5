package org.tuopin.etl.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tuopin.etl.LandingRows;
import org.tuopin.etl.TestSpark;
import org.tuopin.etl.source.Contracts;

class StagingTest {
  /** A valid GB 11643 number (the standard's own example); with 0 instead of X it is not. */
  static final String VALID_ID = "11010519491231002X";

  static final String[] HOUSEHOLD_HEADER = {
    "household_id",
    "village_code",
    "head_id_number",
    "head_name",
    "member_count",
    "poverty_cause",
    "identified_year",
    "status",
    "exit_year",
    "per_capita_income",
    "food_clothing_secure",
    "education_secure",
    "medical_secure",
    "housing_secure",
    "drinking_water_secure",
    "relocated",
    "dibao"
  };

  private static String[] household(
      String id, String idNumber, String members, String status, String exitYear) {
    return new String[] {
      id,
      "510802100201",
      idNumber,
      "某某",
      members,
      "因病",
      "2014",
      status,
      exitYear,
      "3,200.50",
      "是",
      "Y",
      "1",
      "true",
      "否",
      "N",
      "0"
    };
  }

  @Test
  void householdsBreakingARuleAreQuarantinedWithItsNameAndTheRestLoadTyped() {
    Dataset<Row> records =
        new LandingRows(
                Contracts.REGISTRY, Contracts.HOUSEHOLD, "registry/2019-12/h.csv", HOUSEHOLD_HEADER)
            .row(household("H1", VALID_ID, "4", "已脱贫", "2018"))
            .row(household("H2", "110105194912310020", "3", "未脱贫", ""))
            .row(household("H3", VALID_ID, "3", "未脱贫", "2018"))
            .row(household("H4", VALID_ID, "31", "未脱贫", ""))
            .row(household("H5", VALID_ID, "2", "返贫", ""))
            .row(household("H5", VALID_ID, "2", "返贫", ""))
            .row(household("H6", VALID_ID, "2", "未脱贫", ""))
            .dataset()
            .union(
                new LandingRows(
                        Contracts.REGISTRY,
                        Contracts.MEMBER,
                        "registry/2019-12/m.csv",
                        "household_id",
                        "id_number",
                        "name",
                        "relation",
                        "sex",
                        "birth_date",
                        "health",
                        "labor",
                        "in_school")
                    .row("H6", VALID_ID, "某某", "户主", "女", "1949-12-31", "健康", "普通劳动力", "否")
                    .row("H1", VALID_ID, "某某", "户主", "女", "1949-12-31", "健康", "普通劳动力", "否")
                    .row("H1", VALID_ID, "某某", "配偶", "男", "1949-12-31", "健康", "普通劳动力", "否")
                    .row("H1", VALID_ID, "某某", "子女", "男", "1949-12-31", "健康", "普通劳动力", "否")
                    .row("H1", VALID_ID, "某某", "子女", "女", "1949-12-31", "健康", "普通劳动力", "否")
                    .dataset());
    Dataset<Row> villages =
        TestSpark.rows(
            "known_village_code STRING, village_county_code STRING",
            new Object[] {"510802100201", "510802"});

    Staged staged = HouseholdStaging.stage(records, 2019, villages, List.of("因病", "因残"));

    Map<Long, String> rules = new TreeMap<>();
    staged
        .quarantined()
        .collectAsList()
        .forEach(
            r -> rules.put(r.getAs("line_number"), r.getAs("rule") + "/" + r.getAs("rule_column")));
    assertEquals(
        Map.of(
            3L, "id_number_check_digit/head_id_number",
            4L, "exit_year_rule/exit_year",
            5L, "out_of_range/member_count",
            6L, "duplicate_household_id/household_id",
            7L, "duplicate_household_id/household_id",
            8L, "member_count_mismatch/member_count"),
        rules);
    List<Row> loaded = staged.loaded().collectAsList();
    assertEquals(1, loaded.size());
    Row h1 = loaded.get(0);
    assertEquals("H1", h1.getAs("household_id"));
    assertEquals("510802", h1.getAs("county_code"));
    assertEquals(4, (int) h1.getAs("member_count"));
    assertEquals(2018, (int) h1.getAs("exit_year"));
    assertEquals(0, new BigDecimal("3200.50").compareTo(h1.getAs("per_capita_income")));
    assertEquals(
        List.of(true, true, true, true, false, false, false),
        List.of(
            h1.getAs("food_clothing_secure"),
            h1.getAs("education_secure"),
            h1.getAs("medical_secure"),
            h1.getAs("housing_secure"),
            h1.getAs("drinking_water_secure"),
            h1.getAs("relocated"),
            h1.getAs("dibao")));
  }

  /**
   * A member belongs to a household loaded from the same snapshot: H1's two members load, H9's is
   * unknown. The same whether the households are broadcast (a province) or shuffled (beyond
   * MemberStaging.BROADCAST_HOUSEHOLDS, a whole country).
   */
  @ParameterizedTest
  @ValueSource(longs = {2, MemberStaging.BROADCAST_HOUSEHOLDS + 1})
  void membersOfAnUnknownHouseholdAreQuarantinedHoweverTheHouseholdsAreJoined(long households) {
    Dataset<Row> records =
        new LandingRows(
                "registry",
                Contracts.MEMBER,
                "registry/2019-12/members.csv",
                "household_id",
                "id_number",
                "name",
                "relation",
                "sex",
                "birth_date",
                "health",
                "labor",
                "in_school")
            .row("H1", VALID_ID, "某某", "户主", "女", "1949-12-31", "健康", "普通劳动力", "否")
            .row("H9", VALID_ID, "某某", "户主", "女", "1949-12-31", "健康", "普通劳动力", "否")
            .row("H1", VALID_ID, "某某", "配偶", "女", "1949-12-31", "健康", "普通劳动力", "否")
            .dataset();
    Dataset<Row> loaded =
        TestSpark.rows(
            "member_household_id STRING, member_county_code STRING",
            new Object[] {"H1", "510802"},
            new Object[] {"H2", "510802"});

    Staged staged = MemberStaging.stage(records, loaded, households);

    assertEquals(
        List.of("3/unknown_household/household_id"),
        staged.quarantined().collectAsList().stream()
            .map(r -> r.getAs("line_number") + "/" + r.getAs("rule") + "/" + r.getAs("rule_column"))
            .toList());
    assertEquals(
        List.of("H1/510802/户主", "H1/510802/配偶"),
        staged.loaded().collectAsList().stream()
            .map(
                r ->
                    r.getAs("household_id")
                        + "/"
                        + r.getAs("county_code")
                        + "/"
                        + r.getAs("relation"))
            .sorted()
            .toList());
  }

  @Test
  void submissionsWithTwoValuesForOneFigureInAFileAreBothQuarantined() {
    Dataset<Row> records =
        new LandingRows(
                Contracts.SUBMISSIONS,
                Contracts.SUBMISSION,
                "submissions/2019-12/s.csv",
                "period",
                "region_code",
                "indicator_code",
                "unit",
                "annual_target",
                "cumulative_completed",
                "reported_at")
            .row("2019-12", "510802", "relocation", "人", "100", "90", "2020-01-05")
            .row("2019-12", "510802", "易地扶贫搬迁", "人", "100", "95", "2020-01-05")
            .row("2019-12", "510802", "safe_water", "户", "40", "40", "2020/1/5")
            .row("2019-11", "510802", "village_roads", "公里", "12.5", "3", "2020-01-05")
            .row("2019-12", "990199", "broadband", "个", "4", "1", "2020-01-05")
            .row("2019-12", "510802", "broadband", "个", "4", "1", "2026-01-05")
            .dataset();
    Dataset<Row> indicators =
        TestSpark.rows(
            "indicator_key STRING, resolved_indicator_code STRING, resolved_unit STRING",
            new Object[] {"relocation", "relocation", "人"},
            new Object[] {"易地扶贫搬迁", "relocation", "人"},
            new Object[] {"safe_water", "safe_water", "户"},
            new Object[] {"village_roads", "village_roads", "公里"},
            new Object[] {"broadband", "broadband", "个"});

    Staged staged =
        SubmissionStaging.stage(
            records, LocalDate.of(2019, 12, 1), LocalDate.of(2020, 1, 10), UNITS, indicators);

    assertEquals(
        Map.of(
            2L,
            "conflicting_duplicate",
            3L,
            "conflicting_duplicate",
            5L,
            "period_mismatch",
            6L,
            "unknown_region",
            7L,
            "reported_after_ingestion"),
        rulesByLine(staged));
    List<Row> loaded = staged.loaded().collectAsList();
    assertEquals(1, loaded.size());
    assertEquals("safe_water", loaded.get(0).getAs("indicator_code"));
    assertEquals(
        LocalDate.of(2020, 1, 5), ((Date) loaded.get(0).getAs("reported_at")).toLocalDate());
  }

  private static final Dataset<Row> FUND_SOURCES =
      TestSpark.rows(
          "fund_source_key STRING, resolved_fund_source STRING",
          new Object[] {"central", "central"});
  private static final Dataset<Row> INDICATORS =
      TestSpark.rows(
          "indicator_key STRING, resolved_indicator_code STRING, resolved_unit STRING",
          new Object[] {"relocation", "relocation", "人"});

  private static final Dataset<Row> UNITS =
      TestSpark.rows("unit_code STRING", new Object[] {"510802"});

  /** Allocation A0 was loaded in an earlier period. */
  private static final Dataset<Row> EARLIER_A0 =
      TestSpark.rows("earlier_allocation_id STRING", new Object[] {"A0"});

  /** An allocations file whose rows 3–7 each break a rule; line 2 (A1) loads. */
  private static Dataset<Row> allocationRecords() {
    return new LandingRows(
            Contracts.ALLOCATIONS,
            Contracts.ALLOCATION,
            "allocations/2019-12/a.csv",
            "allocation_id",
            "year",
            "region_code",
            "fund_source",
            "indicator_code",
            "amount_yuan",
            "approved_on")
        .row("A1", "2019", "510802", "central", "relocation", "1,000.00", "2019-12-01")
        .row("A0", "2019", "510802", "central", "relocation", "500", "2019-12-02")
        .row("A2", "2019", "510802", "central", "relocation", "0", "2019-12-02")
        .row("A3", "2019", "510802", "central", "relocation", "500", "2018-12-30")
        .row("A4", "2019", "510802", "central", "relocation", "500", "2019-12-03")
        .row("A4", "2019", "510802", "central", "relocation", "600", "2019-12-03")
        .dataset();
  }

  private static final Map<Long, String> ALLOCATION_RULES_BY_LINE =
      Map.of(
          3L,
          "duplicate_allocation_id",
          4L,
          "not_positive",
          5L,
          "date_outside_year",
          6L,
          "duplicate_allocation_id",
          7L,
          "duplicate_allocation_id");

  @Test
  void allocationsAreCheckedForAmountYearAndIdsSeenInEarlierPeriodsOrTwiceInThisOne() {
    Staged staged =
        AllocationStaging.stage(allocationRecords(), UNITS, FUND_SOURCES, INDICATORS, EARLIER_A0);

    assertEquals(ALLOCATION_RULES_BY_LINE, rulesByLine(staged));
    assertEquals(
        List.of("A1"),
        staged.loaded().collectAsList().stream()
            .map(r -> (String) r.getAs("allocation_id"))
            .toList());
  }

  /**
   * A refresh caches each staging in a narrow form (loaded columns, where each row came from, its
   * rule, a quarantined row's raw text): it loads and quarantines the same rows, and each
   * quarantined row keeps its own line.
   */
  @Test
  void aCachedStagingLoadsTheSameRowsAndKeepsEachQuarantinedRowsRawText() {
    Staged staged =
        AllocationStaging.stage(allocationRecords(), UNITS, FUND_SOURCES, INDICATORS, EARLIER_A0)
            .cached();
    try {
      assertEquals(ALLOCATION_RULES_BY_LINE, rulesByLine(staged));
      List<Row> loaded = staged.loaded().collectAsList();
      assertEquals(
          List.of("A1"), loaded.stream().map(r -> (String) r.getAs("allocation_id")).toList());
      assertEquals(0, new BigDecimal("1000").compareTo(loaded.get(0).getAs("amount_yuan")));
      Map<Long, String> rawTextByLine = new TreeMap<>();
      staged
          .quarantined()
          .collectAsList()
          .forEach(r -> rawTextByLine.put(r.getAs("line_number"), r.getAs("raw_text")));
      assertEquals(
          Map.of(
              3L, "A0,2019,510802,central,relocation,500,2019-12-02",
              4L, "A2,2019,510802,central,relocation,0,2019-12-02",
              5L, "A3,2019,510802,central,relocation,500,2018-12-30",
              6L, "A4,2019,510802,central,relocation,500,2019-12-03",
              7L, "A4,2019,510802,central,relocation,600,2019-12-03"),
          rawTextByLine);
    } finally {
      staged.release();
    }
  }

  /**
   * Resent payments load once each (the fact keeps one), a txn_id loaded in an earlier period or
   * sent twice with other content is not; a reversal must be negative and name a payment of this or
   * an earlier period.
   */
  @Test
  void paymentsAreCheckedForResendsConflictsReversalsAndAllocations() {
    String[] header = {
      "txn_id",
      "paid_on",
      "region_code",
      "fund_source",
      "indicator_code",
      "allocation_id",
      "household_id",
      "beneficiary_id_number",
      "amount_yuan",
      "reverses_txn_id"
    };
    Dataset<Row> records =
        new LandingRows(
                Contracts.DISBURSEMENTS,
                Contracts.DISBURSEMENT,
                "disbursements/2019-12/d.csv",
                header)
            .row("T1", "2019-12-03", "510802", "central", "relocation", "A1", "", "", "100", "")
            .row("T1", "2019-12-03", "510802", "central", "relocation", "A1", "", "", "100.00", "")
            .row("T0", "2019-12-03", "510802", "central", "relocation", "A1", "", "", "100", "")
            .row("T2", "2019-12-04", "510802", "central", "relocation", "A1", "", "", "50", "")
            .row("T2", "2019-12-04", "510802", "central", "relocation", "A1", "", "", "60", "")
            .row("T3", "2019-12-05", "510802", "central", "relocation", "A1", "", "", "-100", "T1")
            .row("T4", "2019-12-05", "510802", "central", "relocation", "A1", "", "", "-100", "T00")
            .row("T5", "2019-12-05", "510802", "central", "relocation", "A1", "", "", "-100", "T99")
            .row("T6", "2019-12-05", "510802", "central", "relocation", "A1", "", "", "100", "T1")
            .row("T7", "2019-12-05", "510802", "central", "relocation", "A1", "", "", "-5", "")
            .row("T8", "2019-12-05", "510802", "central", "relocation", "A1", "", "", "0", "")
            .row("T9", "2019-12-05", "510802", "central", "relocation", "A9", "", "", "100", "")
            .row("T10", "2019-11-30", "510802", "central", "relocation", "A1", "", "", "100", "")
            .row(
                "T11",
                "2019-12-06",
                "510802",
                "central",
                "relocation",
                "A1",
                "H1",
                "110105194912310020",
                "100",
                "")
            .dataset();
    Dataset<Row> payees =
        TestSpark.rows(
            "payee_region_code STRING, payee_county_code STRING",
            new Object[] {"510802", "510802"});
    Dataset<Row> allocations = TestSpark.rows("known_allocation_id STRING", new Object[] {"A1"});
    Dataset<Row> earlier =
        TestSpark.rows("earlier_txn_id STRING", new Object[] {"T0"}, new Object[] {"T00"});

    Staged staged =
        DisbursementStaging.stage(
            records,
            LocalDate.of(2019, 12, 1),
            payees,
            FUND_SOURCES,
            INDICATORS,
            allocations,
            earlier);

    assertEquals(
        Map.of(
            4L,
            "duplicate_txn_id",
            5L,
            "conflicting_txn",
            6L,
            "conflicting_txn",
            9L,
            "unknown_reversed_payment",
            10L,
            "reversal_not_negative",
            11L,
            "negative_without_reversal",
            12L,
            "zero_amount",
            13L,
            "unknown_allocation",
            14L,
            "paid_outside_period",
            15L,
            "id_number_check_digit"),
        rulesByLine(staged));
    assertEquals(
        List.of("T1", "T1", "T3", "T4"),
        staged.loaded().collectAsList().stream()
            .map(r -> (String) r.getAs("txn_id"))
            .sorted()
            .toList());
  }

  private static Map<Long, String> rulesByLine(Staged staged) {
    Map<Long, String> rules = new TreeMap<>();
    staged
        .quarantined()
        .collectAsList()
        .forEach(r -> rules.put(r.getAs("line_number"), r.getAs("rule")));
    return rules;
  }
}
