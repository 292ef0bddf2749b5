package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.tuopin.etl.source.Contracts;
import org.tuopin.etl.source.LandingRecords;

/** Stages the rural registered population of counties and villages for one year. */
public final class PopulationStaging {
  private PopulationStaging() {}

  /**
   * @param payees (payee_region_code, payee_county_code): county-level units and villages
   */
  public static Staged stage(Dataset<Row> landingRecords, int year, Dataset<Row> payees) {
    Dataset<Row> rows = Checks.rowsOf(landingRecords, Contracts.POPULATION_FIGURE);
    rows = RegionLookup.join(rows, Parse.text("region_code"), payees, "payee_region_code");
    Dataset<Row> parsed =
        rows.select(
            col("*"),
            Parse.wholeNumber(Parse.text("year")).as("year_value"),
            Parse.wholeNumber(Parse.text("rural_population")).as("population_value"));
    List<Rule> rules = new ArrayList<>(Checks.shapeRules(Contracts.POPULATION_FIGURE));
    rules.add(new Rule("unknown_region", "region_code", col("payee_region_code").isNull()));
    rules.add(Checks.invalidWhen("invalid_number", "year", col("year_value").isNull()));
    rules.add(new Rule("period_mismatch", "year", col("year_value").notEqual(lit(year))));
    rules.add(
        Checks.invalidWhen("invalid_number", "rural_population", col("population_value").isNull()));
    rules.add(new Rule("not_positive", "rural_population", col("population_value").leq(0)));
    Dataset<Row> checked = Rule.check(parsed, rules);
    Column valid = col(Staged.RULE).isNull();
    Dataset<Row> marked =
        checked.withColumn(
            "values_for_region",
            size(
                collect_set(when(valid, col("population_value")))
                    .over(Window.partitionBy(col("payee_region_code")))));
    Column conflict = valid.and(col("values_for_region").gt(1));
    Dataset<Row> withConflicts =
        marked
            .withColumn(
                Staged.RULE_COLUMN,
                when(conflict, lit("rural_population")).otherwise(col(Staged.RULE_COLUMN)))
            .withColumn(
                Staged.RULE,
                when(conflict, lit("conflicting_duplicate")).otherwise(col(Staged.RULE)));
    return Staged.split(
        withConflicts,
        List.of(
            col("year_value").as("year"),
            col("payee_region_code").as("region_code"),
            col("population_value").as("rural_population"),
            col(LandingRecords.FILE_NAME)));
  }
}
