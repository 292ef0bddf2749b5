package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.etl.source.Contracts;
import org.tuopin.etl.source.LandingRecords;

/** Stages fund allocations (资金下达); allocation_id is unique across every period. */
public final class AllocationStaging {
  private AllocationStaging() {}

  /**
   * @param reportingUnits (unit_code)
   * @param fundSources (fund_source_key, resolved_fund_source)
   * @param indicators (indicator_key, resolved_indicator_code, resolved_unit)
   * @param earlierAllocationIds (earlier_allocation_id): loaded in other periods
   */
  public static Staged stage(
      Dataset<Row> landingRecords,
      Dataset<Row> reportingUnits,
      Dataset<Row> fundSources,
      Dataset<Row> indicators,
      Dataset<Row> earlierAllocationIds) {
    Dataset<Row> rows = Checks.rowsOf(landingRecords, Contracts.ALLOCATION);
    rows =
        rows.join(
            broadcast(reportingUnits), Parse.text("region_code").equalTo(col("unit_code")), "left");
    rows = Checks.lookUp(rows, Parse.text("fund_source"), fundSources, "fund_source_key");
    rows = Checks.lookUp(rows, Parse.text("indicator_code"), indicators, "indicator_key");
    rows =
        rows.join(
            earlierAllocationIds,
            Parse.text("allocation_id").equalTo(col("earlier_allocation_id")),
            "left");
    Dataset<Row> parsed =
        rows.select(
            col("*"),
            Parse.wholeNumber(Parse.text("year")).as("year_value"),
            Parse.amount(Parse.text("amount_yuan")).as("amount_value"),
            Parse.date(Parse.text("approved_on")).as("approved_on_value"));
    List<Rule> rules = new ArrayList<>(Checks.shapeRules(Contracts.ALLOCATION));
    rules.add(Checks.invalidWhen("invalid_number", "year", col("year_value").isNull()));
    rules.add(new Rule("unknown_region", "region_code", col("unit_code").isNull()));
    rules.add(new Rule("unknown_fund_source", "fund_source", col("resolved_fund_source").isNull()));
    rules.add(
        new Rule("unknown_indicator", "indicator_code", col("resolved_indicator_code").isNull()));
    rules.add(Checks.invalidWhen("invalid_number", "amount_yuan", col("amount_value").isNull()));
    rules.add(new Rule("not_positive", "amount_yuan", col("amount_value").leq(0)));
    rules.add(Checks.invalidWhen("invalid_date", "approved_on", col("approved_on_value").isNull()));
    rules.add(
        new Rule(
            "date_outside_year",
            "approved_on",
            year(col("approved_on_value")).notEqual(col("year_value"))));
    rules.add(
        new Rule(
            "duplicate_allocation_id", "allocation_id", col("earlier_allocation_id").isNotNull()));
    Dataset<Row> checked = Rule.check(parsed, rules);
    return Staged.split(duplicatesInPeriod(checked), loadedColumns());
  }

  private static Dataset<Row> duplicatesInPeriod(Dataset<Row> checked) {
    return Conflicts.repeatedKey(
        checked,
        new Column[] {Parse.text("allocation_id")},
        "duplicate_allocation_id",
        "allocation_id");
  }

  private static List<Column> loadedColumns() {
    return List.of(
        Parse.text("allocation_id").as("allocation_id"),
        col("year_value").as("year"),
        col("unit_code").as("region_code"),
        col("resolved_fund_source").as("fund_source"),
        col("resolved_indicator_code").as("indicator_code"),
        col("amount_value").as("amount_yuan"),
        col("approved_on_value").as("approved_on"),
        col(LandingRecords.FILE_NAME));
  }
}
