package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.etl.source.Contracts;
import org.tuopin.etl.source.LandingRecords;

/**
 * Stages long-layout progress submissions: one row per period, reporting unit and indicator. Two
 * different values for the same figure in one file are a conflict: both are quarantined.
 */
public final class SubmissionStaging {
  private SubmissionStaging() {}

  /**
   * @param reportingUnits (unit_code): county-level reporting units
   * @param indicators (indicator_key, resolved_indicator_code, resolved_unit): keyed by code and by
   *     name
   */
  public static Staged stage(
      Dataset<Row> landingRecords,
      LocalDate period,
      LocalDate ingestedOn,
      Dataset<Row> reportingUnits,
      Dataset<Row> indicators) {
    Dataset<Row> rows = Checks.rowsOf(landingRecords, Contracts.SUBMISSION);
    rows = Checks.lookUp(rows, Parse.text("indicator_code"), indicators, "indicator_key");
    rows =
        rows.join(
            org.apache.spark.sql.functions.broadcast(reportingUnits),
            Parse.text("region_code").equalTo(col("unit_code")),
            "left");
    Dataset<Row> typed =
        rows.select(
            col("*"),
            Parse.period(Parse.text("period")).as("period_value"),
            Parse.amount(Parse.text("annual_target")).as("annual_target_value"),
            Parse.amount(Parse.text("cumulative_completed")).as("cumulative_completed_value"),
            Parse.date(Parse.text("reported_at")).as("reported_at_value"));
    List<Rule> rules = new ArrayList<>(Checks.shapeRules(Contracts.SUBMISSION));
    rules.add(Checks.invalidWhen("invalid_period", "period", col("period_value").isNull()));
    rules.add(
        new Rule(
            "period_mismatch", "period", col("period_value").notEqual(lit(Date.valueOf(period)))));
    rules.add(new Rule("unknown_region", "region_code", col("unit_code").isNull()));
    rules.add(
        new Rule("unknown_indicator", "indicator_code", col("resolved_indicator_code").isNull()));
    rules.add(new Rule("unit_mismatch", "unit", Parse.text("unit").notEqual(col("resolved_unit"))));
    rules.add(
        Checks.invalidWhen("invalid_number", "annual_target", col("annual_target_value").isNull()));
    rules.add(new Rule("negative_value", "annual_target", col("annual_target_value").lt(0)));
    rules.add(
        Checks.invalidWhen(
            "invalid_number", "cumulative_completed", col("cumulative_completed_value").isNull()));
    rules.add(
        new Rule(
            "negative_value", "cumulative_completed", col("cumulative_completed_value").lt(0)));
    rules.add(Checks.invalidWhen("invalid_date", "reported_at", col("reported_at_value").isNull()));
    rules.add(
        new Rule(
            "reported_after_ingestion",
            "reported_at",
            col("reported_at_value").gt(lit(Date.valueOf(ingestedOn)))));
    Dataset<Row> checked = Rule.check(typed, rules);
    return Staged.split(withinFileConflicts(checked), loadedColumns());
  }

  private static Dataset<Row> withinFileConflicts(Dataset<Row> checked) {
    Column[] figure = {
      col(LandingRecords.FILE_NAME), col("unit_code"), col("resolved_indicator_code")
    };
    Column values = struct(col("annual_target_value"), col("cumulative_completed_value"));
    return Conflicts.differingContent(
        checked, figure, values, "conflicting_duplicate", "cumulative_completed");
  }

  private static List<Column> loadedColumns() {
    return List.of(
        col("period_value").as("period"),
        col("unit_code").as("region_code"),
        col("resolved_indicator_code").as("indicator_code"),
        col("annual_target_value").as("annual_target"),
        col("cumulative_completed_value").as("cumulative_completed"),
        col("reported_at_value").as("reported_at"),
        col(LandingRecords.FILE_NAME),
        col(LandingRecords.LINE_NUMBER));
  }
}
