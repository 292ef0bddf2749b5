package org.tuopin.etl.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Builds {@code fact_household_snapshot}: one row per household and period, keyed by the
 * pseudonymous household_key; no identity number, name or phone. A county that sent no snapshot
 * this period keeps its latest earlier one, flagged {@code carried_forward}.
 */
public final class FactHouseholdSnapshot {
  public static final String TABLE = "fact_household_snapshot";

  /** The lake schema, for reading a partition that may not exist yet. */
  public static final StructType SCHEMA =
      StructType.fromDDL(
          "period DATE, household_key STRING, village_code STRING, county_code STRING,"
              + " identified_year INT, poverty_cause STRING, head_person_key STRING, status STRING,"
              + " exit_year INT, member_count INT, per_capita_income DECIMAL(18,2),"
              + " food_clothing_secure BOOLEAN, education_secure BOOLEAN, medical_secure BOOLEAN,"
              + " housing_secure BOOLEAN, drinking_water_secure BOOLEAN, relocated BOOLEAN, dibao"
              + " BOOLEAN, monitoring_type STRING, risk_type STRING, monitored_on DATE,"
              + " risk_eliminated BOOLEAN, risk_eliminated_on DATE, carried_forward BOOLEAN");

  /** The columns, in the lake's order. */
  public static final List<String> COLUMNS = List.of(SCHEMA.fieldNames());

  private FactHouseholdSnapshot() {}

  /**
   * @param stagedHouseholds loaded households of this period's snapshot (with household_id)
   * @param previousSnapshot this table's rows of the latest earlier period (may be empty)
   */
  public static Dataset<Row> build(
      Dataset<Row> stagedHouseholds,
      Dataset<Row> previousSnapshot,
      LocalDate period,
      Pseudonyms pseudonyms) {
    Dataset<Row> sent =
        stagedHouseholds
            .withColumn("period", lit(Date.valueOf(period)))
            .withColumn("household_key", pseudonyms.household(col("household_id")))
            .withColumn("head_person_key", pseudonyms.person(col("head_id_number")))
            .withColumn("carried_forward", lit(false))
            .select(Columns.of(COLUMNS));
    return CarryForward.apply(sent, previousSnapshot.select(Columns.of(COLUMNS)), period);
  }
}
