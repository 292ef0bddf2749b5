package org.tuopin.etl.model;

import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.warehouse.catalog.LakeTables;

/**
 * Builds {@code fact_verification}: what the cadres found (入户核实) as landed in a period, one row per
 * subject (household_key, or person_key outside the registry), visit day and conclusion; the same
 * visit sent twice is one.
 */
public final class FactVerification {
  public static final String TABLE = LakeTables.FACT_VERIFICATION.name();

  /** The columns, in the lake's order. */
  public static final List<String> COLUMNS = LakeTables.FACT_VERIFICATION.columnNames();

  private FactVerification() {}

  public static Dataset<Row> build(Dataset<Row> stagedVerifications, LocalDate period) {
    return stagedVerifications
        .withColumn("period", lit(Date.valueOf(period)))
        .select(Columns.of(COLUMNS))
        .dropDuplicates();
  }
}
