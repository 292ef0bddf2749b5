package org.tuopin.etl.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.tuopin.warehouse.catalog.LakeTables;

/**
 * Builds {@code fact_household_snapshot}: one row per household and period, keyed by the
 * pseudonymous household_key; no identity number, name or phone. A county that sent no snapshot
 * this period keeps its latest earlier one, flagged {@code carried_forward}.
 */
public final class FactHouseholdSnapshot {
  public static final String TABLE = LakeTables.FACT_HOUSEHOLD_SNAPSHOT.name();

  /** The lake schema, for reading a partition that may not exist yet. */
  public static final StructType SCHEMA = LakeSchemas.of(LakeTables.FACT_HOUSEHOLD_SNAPSHOT);

  /** The columns, in the lake's order. */
  public static final List<String> COLUMNS = LakeTables.FACT_HOUSEHOLD_SNAPSHOT.columnNames();

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
