package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.tuopin.etl.LandingRows;
import org.tuopin.etl.TestSpark;
import org.tuopin.etl.model.Pseudonyms;
import org.tuopin.etl.source.Contracts;

/** The cadres' verifications of 2021-06 (入户核实): one row per rule, by hand. */
class VerificationStagingTest {
  private static final String MEMBER = "510824198001010026";
  private static final String[] HEADER = {
    "subject_key", "id_number", "name", "visited_on", "conclusion", "note"
  };

  @Test
  void aVerificationNamesAPublishedFlagByKeyOrIdentityNumberAndEachBrokenRuleIsNamed() {
    Pseudonyms pseudonyms =
        new Pseudonyms("a test key, not a real one".getBytes(StandardCharsets.UTF_8));
    String memberKey =
        TestSpark.rows("id STRING", new Object[] {MEMBER})
            .select(pseudonyms.person(col("id")))
            .first()
            .getString(0);
    // hA was flagged in April; its member's person key leads to it; pX (outside) in May
    Dataset<Row> flags =
        TestSpark.rows(
            "flag_key STRING, flag_subject_key STRING, flag_first_period DATE",
            new Object[] {"hA", "hA", Date.valueOf("2021-04-01")},
            new Object[] {memberKey, "hA", Date.valueOf("2021-04-01")},
            new Object[] {"pX", "pX", Date.valueOf("2021-05-01")});
    LandingRows rows =
        new LandingRows(
                Contracts.VERIFICATIONS,
                Contracts.VERIFICATION,
                "verifications/2021-06/v.csv",
                HEADER)
            // line 2: by the list's 编号
            .row("hA", "", "张三", "2021-06-03", "纳入监测", "张三说收入下降")
            // line 3: by an identity number, its name written differently
            .row("", MEMBER, "张叁", "2021年6月4日", "已在监测", "")
            // line 4: neither
            .row("", "", "李四", "2021-06-03", "排除", "")
            // line 5: a subject never flagged
            .row("hZ", "", "", "2021-06-03", "排除", "")
            // line 6: a conclusion outside the three
            .row("pX", "", "", "2021-06-03", "待定", "")
            // line 7: visited before pX was flagged
            .row("pX", "", "", "2021-04-28", "排除", "")
            // line 8: a visit after the folder's month
            .row("pX", "", "", "2021-07-01", "排除", "")
            // line 9: no visit day
            .row("pX", "", "", "", "排除", "")
            // line 10: a wrong check digit
            .row("", "510824198001010027", "", "2021-06-03", "排除", "");

    Staged staged =
        VerificationStaging.stage(
            rows.dataset(), flags, pseudonyms, LocalDate.of(2021, 6, 1), LocalDate.of(2021, 7, 10));

    Map<Long, String> rules = new TreeMap<>();
    staged
        .quarantined()
        .collectAsList()
        .forEach(
            r -> rules.put(r.getAs("line_number"), r.getAs("rule") + "/" + r.getAs("rule_column")));
    Map<Long, String> expected = new TreeMap<>();
    expected.put(4L, "missing_value/subject_key");
    expected.put(5L, "unknown_lead/subject_key");
    expected.put(6L, "unknown_conclusion/conclusion");
    expected.put(7L, "visited_before_flagged/visited_on");
    expected.put(8L, "date_outside_period/visited_on");
    expected.put(9L, "missing_value/visited_on");
    expected.put(10L, "id_number_check_digit/id_number");
    assertEquals(expected, rules);
    assertEquals(
        List.of("hA|2021-06-03|纳入监测", "hA|2021-06-04|已在监测"),
        staged.loaded().orderBy("visited_on").collectAsList().stream()
            .map(
                r ->
                    r.getAs("subject_key")
                        + "|"
                        + r.getAs("visited_on")
                        + "|"
                        + r.getAs("conclusion"))
            .toList());
    assertEquals(
        List.of("subject_key", "visited_on", "conclusion", "file_name"),
        List.of(staged.loaded().columns()));
  }
}
