package org.tuopin.etl.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.warehouse.catalog.LakeTables;

/**
 * Builds {@code fact_screening_signal}: the departments' signals of a period (部门筛查预警), one row per
 * signal as sent, the person by the same keyed pseudonym the registry's members get (so a signal
 * finds its household), never by number or name. The same signal sent twice (same person,
 * department, category, event day, amount and figures' day) is one.
 */
public final class FactScreeningSignal {
  public static final String TABLE = LakeTables.FACT_SCREENING_SIGNAL.name();

  /** The columns, in the lake's order. */
  public static final List<String> COLUMNS = LakeTables.FACT_SCREENING_SIGNAL.columnNames();

  private FactScreeningSignal() {}

  public static Dataset<Row> build(
      Dataset<Row> stagedSignals, LocalDate period, Pseudonyms pseudonyms) {
    return stagedSignals
        .withColumn("person_key", pseudonyms.person(col("id_number")))
        .withColumn("period", lit(Date.valueOf(period)))
        .select(Columns.of(COLUMNS))
        .dropDuplicates(
            "person_key", "department", "category", "occurred_on", "amount_yuan", "figures_as_of");
  }
}
