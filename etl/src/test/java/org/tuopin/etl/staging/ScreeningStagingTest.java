package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.tuopin.etl.LandingRows;
import org.tuopin.etl.TestSpark;
import org.tuopin.etl.model.FactScreeningSignal;
import org.tuopin.etl.model.Pseudonyms;
import org.tuopin.etl.source.Contracts;

/** The departments' screening signals of 2021-06 (部门筛查预警): one row per rule, by hand. */
class ScreeningStagingTest {
  private static final String PERSON_A = "510824198001010026";
  private static final String PERSON_B = "510824197512310042";
  private static final String[] HEADER = {
    "department",
    "id_number",
    "name",
    "village_code",
    "category",
    "occurred_on",
    "amount_yuan",
    "figures_as_of"
  };

  private static Staged stage(LandingRows rows) {
    Dataset<Row> villages =
        TestSpark.rows(
            "known_village_code STRING, village_county_code STRING",
            new Object[] {"510824100001", "510824"});
    Dataset<Row> categories =
        TestSpark.rows(
            "screening_department STRING, screening_category STRING, screening_has_amount BOOLEAN",
            new Object[] {"医保", "住院自付", true},
            new Object[] {"民政", "新增低保", false});
    return ScreeningStaging.stage(
        rows.dataset(),
        villages,
        categories,
        List.of("医保", "民政"),
        LocalDate.of(2021, 6, 1),
        LocalDate.of(2021, 7, 5));
  }

  @Test
  void signalsLoadTypedAndEachBrokenRuleIsNamed() {
    LandingRows rows =
        new LandingRows(
                Contracts.SCREENING, Contracts.SCREENING_SIGNAL, "screening/2021-06/a.csv", HEADER)
            // line 2: a year-to-date medical figure
            .row("医保", PERSON_A, "张三", "510824100001", "住院自付", "2021-05-20", "6,000", "2021-05-31")
            // line 3: a new 低保 without amount, the same person under another name
            .row("民政", PERSON_A, "张叁", "510824100001", "新增低保", "2021/6/3", "", "2021年6月25日")
            // line 4: a department no category names
            .row("税务", PERSON_B, "", "510824100001", "住院自付", "2021-05-20", "100", "2021-05-31")
            // line 5: a category its department does not send
            .row("民政", PERSON_B, "", "510824100001", "住院自付", "2021-05-20", "100", "2021-05-31")
            // line 6: a wrong check digit
            .row(
                "医保",
                "510824198001010027",
                "",
                "510824100001",
                "住院自付",
                "2021-05-20",
                "1",
                "2021-05-31")
            // line 7: a village no region list holds
            .row("医保", PERSON_B, "", "510824100999", "住院自付", "2021-05-20", "1", "2021-05-31")
            // line 8: an amount missing where the category has one
            .row("医保", PERSON_B, "", "510824100001", "住院自付", "2021-05-20", "", "2021-05-31")
            // line 9: a negative amount
            .row("医保", PERSON_B, "", "510824100001", "住院自付", "2021-05-20", "-5", "2021-05-31")
            // line 10: the event after the day the figures run to
            .row("医保", PERSON_B, "", "510824100001", "住院自付", "2021-06-02", "1", "2021-05-31")
            // line 11: figures that run past the period's month
            .row("医保", PERSON_B, "", "510824100001", "住院自付", "2021-06-02", "1", "2021-07-01")
            // line 12: an unreadable date
            .row("医保", PERSON_B, "", "510824100001", "住院自付", "上个月", "1", "2021-05-31");

    Staged staged = stage(rows);

    Map<Long, String> rules = new TreeMap<>();
    staged
        .quarantined()
        .collectAsList()
        .forEach(
            r -> rules.put(r.getAs("line_number"), r.getAs("rule") + "/" + r.getAs("rule_column")));
    Map<Long, String> expected = new TreeMap<>();
    expected.put(4L, "unknown_department/department");
    expected.put(5L, "unknown_category/category");
    expected.put(6L, "id_number_check_digit/id_number");
    expected.put(7L, "unknown_region/village_code");
    expected.put(8L, "missing_value/amount_yuan");
    expected.put(9L, "negative_value/amount_yuan");
    expected.put(10L, "date_order/occurred_on");
    expected.put(11L, "date_outside_period/figures_as_of");
    expected.put(12L, "invalid_date/occurred_on");
    assertEquals(expected, rules);

    List<List<Object>> loaded =
        staged.loaded().orderBy("department").collectAsList().stream()
            .map(
                r ->
                    Arrays.<Object>asList(
                        r.getAs("department"),
                        r.getAs("category"),
                        r.getAs("id_number"),
                        r.getAs("county_code"),
                        r.getAs("occurred_on"),
                        r.getAs("amount_yuan"),
                        r.getAs("figures_as_of")))
            .toList();
    assertEquals(
        List.of(
            Arrays.asList(
                "医保",
                "住院自付",
                PERSON_A,
                "510824",
                Date.valueOf("2021-05-20"),
                new BigDecimal("6000.00"),
                Date.valueOf("2021-05-31")),
            Arrays.asList(
                "民政",
                "新增低保",
                PERSON_A,
                "510824",
                Date.valueOf("2021-06-03"),
                null,
                Date.valueOf("2021-06-25"))),
        loaded);
  }

  @Test
  void aPersonIsTheRegistrysPseudonymWhateverTheNameAndNoNameIsKept() {
    LandingRows rows =
        new LandingRows(
                Contracts.SCREENING, Contracts.SCREENING_SIGNAL, "screening/2021-06/a.csv", HEADER)
            .row("医保", PERSON_A, "张三", "510824100001", "住院自付", "2021-05-20", "6000", "2021-05-31")
            .row("民政", PERSON_A, "张叁", "510824100001", "新增低保", "2021-06-03", "", "2021-06-25")
            // the same signal sent twice is one
            .row("民政", PERSON_A, "张叁", "510824100001", "新增低保", "2021-06-03", "", "2021-06-25");
    Pseudonyms pseudonyms =
        new Pseudonyms("a test key, not a real one".getBytes(StandardCharsets.UTF_8));
    String registryKey =
        TestSpark.rows("id_number STRING", new Object[] {PERSON_A})
            .select(pseudonyms.person(col("id_number")))
            .first()
            .getString(0);

    Dataset<Row> facts =
        FactScreeningSignal.build(stage(rows).loaded(), LocalDate.of(2021, 6, 1), pseudonyms);

    assertEquals(FactScreeningSignal.COLUMNS, List.of(facts.columns()));
    assertEquals(
        List.of("住院自付|" + registryKey, "新增低保|" + registryKey),
        facts.orderBy("category").collectAsList().stream()
            .map(r -> r.getAs("category") + "|" + r.getAs("person_key"))
            .toList());
  }
}
