package org.tuopin.etl.model;

import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.warehouse.catalog.LakeTables;

/**
 * Builds {@code fact_village_survey}: the village exit survey as sent for a period, one row per
 * village. The survey is annual or monthly: a period without one keeps no row of its own.
 */
public final class FactVillageSurvey {
  public static final String TABLE = LakeTables.FACT_VILLAGE_SURVEY.name();

  /** The columns, in the lake's order. */
  public static final List<String> COLUMNS = LakeTables.FACT_VILLAGE_SURVEY.columnNames();

  private FactVillageSurvey() {}

  public static Dataset<Row> build(Dataset<Row> stagedSurveys, LocalDate period) {
    return stagedSurveys
        .dropDuplicates("village_code")
        .withColumn("period", lit(Date.valueOf(period)))
        .select(Columns.of(COLUMNS));
  }
}
