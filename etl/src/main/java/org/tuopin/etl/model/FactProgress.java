package org.tuopin.etl.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.tuopin.warehouse.catalog.LakeTables;

/**
 * Builds {@code fact_progress}: every received version of every figure (period, region_code,
 * indicator_code). Observations are ordered by reported_at, then by when Tuopin first ingested the
 * file carrying them; an observation whose values equal the version before it is not a new version.
 * Version 1 is the first.
 */
public final class FactProgress {
  public static final String TABLE = LakeTables.FACT_PROGRESS.name();

  /** The columns, in the lake's order. */
  public static final List<String> COLUMNS = LakeTables.FACT_PROGRESS.columnNames();

  private FactProgress() {}

  /**
   * @param stagedSubmissions loaded submissions of one period (with file_name, line_number)
   * @param ingestedFiles (file_name, first_ingested_at) for the files of the period
   */
  public static Dataset<Row> build(Dataset<Row> stagedSubmissions, Dataset<Row> ingestedFiles) {
    WindowSpec figure =
        Window.partitionBy(col("period"), col("region_code"), col("indicator_code"))
            .orderBy(
                col("reported_at"), col("first_ingested_at"), col("file_name"), col("line_number"));
    Column values = struct(col("annual_target"), col("cumulative_completed"));
    Dataset<Row> observations =
        stagedSubmissions
            .join(ingestedFiles, "file_name")
            .withColumn("previous_values", lag(values, 1).over(figure));
    Dataset<Row> changes =
        observations.filter(
            col("previous_values").isNull().or(not(col("previous_values").equalTo(values))));
    return changes.withColumn("version", row_number().over(figure)).select(Columns.of(COLUMNS));
  }
}
