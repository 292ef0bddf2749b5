package org.tuopin.etl.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Builds {@code dim_household}: one row per household_key with its latest known attributes and
 * the first and last period it was sent in. Merging is order-free (latest period wins), so a
 * re-run of an old month never overwrites newer attributes.
 */
public final class DimHousehold {
  public static final String TABLE = "dim_household";
  /** The lake schema, for reading a partition that may not exist yet. */
  public static final org.apache.spark.sql.types.StructType SCHEMA =
      org.apache.spark.sql.types.StructType.fromDDL(
          "household_key STRING, county_code STRING, village_code STRING, identified_year INT, poverty_cause STRING, head_person_key STRING, first_period DATE, last_period DATE");

  public static final List<String> COLUMNS =
      List.of(
          "household_key", "county_code", "village_code", "identified_year", "poverty_cause", "head_person_key",
          "first_period", "last_period");
  private static final List<String> ATTRIBUTES =
      List.of("county_code", "village_code", "identified_year", "poverty_cause", "head_person_key");

  private DimHousehold() {}

  /**
   * @param existing this table as it stands (may be empty)
   * @param stagedHouseholds loaded households of {@code period} (with household_id, head_id_number)
   */
  public static Dataset<Row> merge(
      Dataset<Row> existing, Dataset<Row> stagedHouseholds, LocalDate period, Pseudonyms pseudonyms) {
    Dataset<Row> sent =
        stagedHouseholds
            .withColumn("household_key", pseudonyms.household(col("household_id")))
            .withColumn("head_person_key", pseudonyms.person(col("head_id_number")))
            .withColumn("first_period", lit(Date.valueOf(period)))
            .withColumn("last_period", lit(Date.valueOf(period)))
            .select(Columns.of(COLUMNS));
    Dataset<Row> merged =
        existing
            .select(Columns.of(COLUMNS))
            .unionByName(sent)
            .groupBy(col("household_key"))
            .agg(
                min(col("first_period")).as("first_period"),
                max(col("last_period")).as("last_period"),
                max_by(struct(Columns.of(ATTRIBUTES)), col("last_period")).as("latest"));
    return merged.select(
        col("household_key"),
        col("latest.county_code"),
        col("latest.village_code"),
        col("latest.identified_year"),
        col("latest.poverty_cause"),
        col("latest.head_person_key"),
        col("first_period"),
        col("last_period"));
  }
}
