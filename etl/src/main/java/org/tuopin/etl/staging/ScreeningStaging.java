package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.upper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.etl.source.Contracts;
import org.tuopin.etl.source.LandingRecords;

/**
 * Stages the departments' screening signals (部门筛查预警) of one period: one row per person and event,
 * the identity number checked as the registry's members' are (it becomes their person key later;
 * the name is read and dropped here), the village known, the department and its category known
 * (conf {@code screening.categories}), the amount present where the category has one, and the dates
 * in order: the event on or before the day the figures run to, which is within the period's month
 * or before it, and not after the day of the run.
 */
public final class ScreeningStaging {
  private ScreeningStaging() {}

  /**
   * @param villages (known_village_code, village_county_code)
   * @param categories (screening_department, screening_category, screening_has_amount)
   * @param departments the departments of those categories
   * @param period the first day of the period's month
   * @param ingestedOn the day of the run
   */
  public static Staged stage(
      Dataset<Row> landingRecords,
      Dataset<Row> villages,
      Dataset<Row> categories,
      List<String> departments,
      LocalDate period,
      LocalDate ingestedOn) {
    Dataset<Row> rows = Checks.rowsOf(landingRecords, Contracts.SCREENING_SIGNAL);
    rows = RegionLookup.join(rows, Parse.text("village_code"), villages, "known_village_code");
    rows =
        rows.join(
            broadcast(categories),
            Parse.text("department")
                .equalTo(col("screening_department"))
                .and(Parse.text("category").equalTo(col("screening_category"))),
            "left");
    Column idNumber = Parse.text("id_number");
    Dataset<Row> parsed =
        rows.select(
            col("*"),
            Parse.date(Parse.text("occurred_on")).as("occurred_on_value"),
            Parse.date(Parse.text("figures_as_of")).as("figures_as_of_value"),
            Parse.amount(Parse.text("amount_yuan")).as("amount_value"));
    return Staged.split(
        Rule.check(parsed, rules(departments, idNumber, period, ingestedOn)), loaded());
  }

  private static List<Rule> rules(
      List<String> departments, Column idNumber, LocalDate period, LocalDate ingestedOn) {
    List<Rule> rules = new ArrayList<>(Checks.shapeRules(Contracts.SCREENING_SIGNAL));
    rules.add(
        new Rule(
            "unknown_department",
            "department",
            Checks.in(Parse.text("department"), departments).equalTo(lit(false))));
    rules.add(new Rule("unknown_category", "category", col("screening_category").isNull()));
    rules.add(
        new Rule(
            "id_number_format", "id_number", IdNumbers.hasFormat(idNumber).equalTo(lit(false))));
    rules.add(
        new Rule(
            "id_number_check_digit",
            "id_number",
            IdNumbers.hasValidCheckDigit(idNumber).equalTo(lit(false))));
    rules.add(new Rule("unknown_region", "village_code", col("known_village_code").isNull()));
    rules.add(Checks.invalidWhen("invalid_date", "occurred_on", col("occurred_on_value").isNull()));
    rules.add(
        Checks.invalidWhen("invalid_date", "figures_as_of", col("figures_as_of_value").isNull()));
    rules.add(
        new Rule(
            "missing_value",
            "amount_yuan",
            Checks.isTrue(col("screening_has_amount")).and(Parse.text("amount_yuan").isNull())));
    rules.add(Checks.invalidWhen("invalid_number", "amount_yuan", col("amount_value").isNull()));
    rules.add(new Rule("negative_value", "amount_yuan", col("amount_value").lt(0)));
    rules.add(
        new Rule(
            "date_order", "occurred_on", col("occurred_on_value").gt(col("figures_as_of_value"))));
    rules.add(
        new Rule(
            "date_outside_period",
            "figures_as_of",
            col("figures_as_of_value").geq(lit(period.plusMonths(1)))));
    rules.add(
        new Rule(
            "reported_after_ingestion",
            "figures_as_of",
            col("figures_as_of_value").gt(lit(ingestedOn))));
    return rules;
  }

  private static List<Column> loaded() {
    return List.of(
        Parse.text("department").as("department"),
        Parse.text("category").as("category"),
        upper(Parse.text("id_number")).as("id_number"),
        col("known_village_code").as("village_code"),
        col("village_county_code").as("county_code"),
        col("occurred_on_value").as("occurred_on"),
        col("amount_value").as("amount_yuan"),
        col("figures_as_of_value").as("figures_as_of"),
        col(LandingRecords.FILE_NAME));
  }
}
