package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.etl.source.Contracts;
import org.tuopin.etl.source.LandingRecords;

/**
 * Stages the households of a registry snapshot. Loaded rows still carry personal data
 * (head_id_number); {@code model.Pseudonyms} replaces it before anything is written.
 */
public final class HouseholdStaging {
  public static final List<String> STATUSES = List.of("未脱贫", "已脱贫", "返贫", "注销", "监测户");
  public static final String STATUS_EXITED = "已脱贫";

  /** A household monitored (from 2021) that was never registered poor. */
  public static final String STATUS_MONITORED = "监测户";

  static final List<String> YES_NO_COLUMNS =
      List.of(
          "food_clothing_secure",
          "education_secure",
          "medical_secure",
          "housing_secure",
          "drinking_water_secure",
          "relocated",
          "dibao");

  private HouseholdStaging() {}

  /**
   * @param villages (known_village_code, village_county_code)
   * @param povertyCauses the causes of conf/
   */
  public static Staged stage(
      Dataset<Row> landingRecords,
      int periodYear,
      Dataset<Row> villages,
      List<String> povertyCauses) {
    Dataset<Row> rows = Checks.rowsOf(landingRecords, Contracts.HOUSEHOLD);
    rows = RegionLookup.join(rows, Parse.text("village_code"), villages, "known_village_code");
    rows =
        rows.join(
            memberRows(landingRecords),
            Parse.text("household_id").equalTo(col("counted_household_id")),
            "left");
    List<Column> typed =
        new ArrayList<>(
            List.of(
                col("*"),
                Parse.wholeNumber(Parse.text("member_count")).as("member_count_value"),
                Parse.wholeNumber(Parse.text("identified_year")).as("identified_year_value"),
                Parse.wholeNumber(Parse.text("exit_year")).as("exit_year_value"),
                Parse.amount(Parse.text("per_capita_income")).as("per_capita_income_value")));
    YES_NO_COLUMNS.forEach(c -> typed.add(Parse.yesNo(Parse.text(c)).as(c + "_value")));
    typed.addAll(MonitoringChecks.typed());
    Dataset<Row> parsed = rows.select(typed.toArray(Column[]::new));

    Column idNumber = Parse.text("head_id_number");
    Column status = Parse.text("status");
    List<Rule> rules = new ArrayList<>(Checks.shapeRules(Contracts.HOUSEHOLD));
    rules.add(new Rule("unknown_region", "village_code", col("known_village_code").isNull()));
    rules.add(
        new Rule(
            "id_number_format",
            "head_id_number",
            IdNumbers.hasFormat(idNumber).equalTo(lit(false))));
    rules.add(
        new Rule(
            "id_number_check_digit",
            "head_id_number",
            IdNumbers.hasValidCheckDigit(idNumber).equalTo(lit(false))));
    rules.add(
        new Rule("id_number_birth_date", "head_id_number", IdNumbers.birthDate(idNumber).isNull()));
    rules.add(
        Checks.invalidWhen("invalid_number", "member_count", col("member_count_value").isNull()));
    rules.add(
        new Rule(
            "out_of_range",
            "member_count",
            col("member_count_value").lt(1).or(col("member_count_value").gt(30))));
    rules.add(
        new Rule(
            "member_count_mismatch",
            "member_count",
            col("member_rows")
                .isNotNull()
                .and(col("member_count_value").notEqual(col("member_rows")))));
    rules.add(
        new Rule(
            "unknown_poverty_cause",
            "poverty_cause",
            Checks.in(Parse.text("poverty_cause"), povertyCauses).equalTo(lit(false))));
    rules.add(
        Checks.invalidWhen(
            "invalid_number", "identified_year", col("identified_year_value").isNull()));
    rules.add(
        new Rule(
            "out_of_range",
            "identified_year",
            col("identified_year_value").lt(2013).or(col("identified_year_value").gt(periodYear))));
    rules.add(
        new Rule("unknown_status", "status", Checks.in(status, STATUSES).equalTo(lit(false))));
    rules.add(
        new Rule(
            "exit_year_rule",
            "exit_year",
            status.equalTo(STATUS_EXITED).and(col("exit_year_value").isNull())));
    rules.add(
        new Rule(
            "exit_year_rule",
            "exit_year",
            status.notEqual(STATUS_EXITED).and(Parse.text("exit_year").isNotNull())));
    rules.add(
        new Rule(
            "out_of_range",
            "exit_year",
            col("exit_year_value")
                .lt(col("identified_year_value"))
                .or(col("exit_year_value").gt(periodYear))));
    rules.add(
        Checks.invalidWhen(
            "invalid_number", "per_capita_income", col("per_capita_income_value").isNull()));
    rules.add(
        new Rule("negative_value", "per_capita_income", col("per_capita_income_value").lt(0)));
    YES_NO_COLUMNS.forEach(
        c -> rules.add(Checks.invalidWhen("invalid_yes_no", c, col(c + "_value").isNull())));
    rules.addAll(MonitoringChecks.rules(periodYear));
    Dataset<Row> checked = Rule.check(parsed, rules);
    return Staged.split(duplicateHouseholds(checked), loadedColumns());
  }

  /**
   * Rows per household_id in the snapshot's members files (which are optional): where a household
   * has members listed, their number must be its member_count.
   */
  private static Dataset<Row> memberRows(Dataset<Row> landingRecords) {
    return Checks.rowsOf(landingRecords, Contracts.MEMBER)
        .groupBy(Parse.text("household_id").as("counted_household_id"))
        .agg(count(lit(1)).as("member_rows"));
  }

  /** A household_id twice in one snapshot: no row can be trusted over the other, both go. */
  private static Dataset<Row> duplicateHouseholds(Dataset<Row> checked) {
    return Conflicts.repeatedKey(
        checked,
        new Column[] {Parse.text("household_id")},
        "duplicate_household_id",
        "household_id");
  }

  private static List<Column> loadedColumns() {
    List<Column> columns =
        new ArrayList<>(
            List.of(
                Parse.text("household_id").as("household_id"),
                col("known_village_code").as("village_code"),
                col("village_county_code").as("county_code"),
                org.apache
                    .spark
                    .sql
                    .functions
                    .upper(Parse.text("head_id_number"))
                    .as("head_id_number"),
                col("member_count_value").as("member_count"),
                Parse.text("poverty_cause").as("poverty_cause"),
                col("identified_year_value").as("identified_year"),
                Parse.text("status").as("status"),
                col("exit_year_value").as("exit_year"),
                col("per_capita_income_value").as("per_capita_income")));
    YES_NO_COLUMNS.forEach(c -> columns.add(col(c + "_value").as(c)));
    columns.addAll(MonitoringChecks.loaded());
    columns.add(col(LandingRecords.FILE_NAME));
    return columns;
  }
}
