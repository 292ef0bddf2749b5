package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.etl.source.LandingRecords;

/**
 * The outcome of staging one contract: rows that passed every rule (typed, cleaned), and the
 * rows that broke one, in the {@link Quarantine} shape. loaded + quarantined = read.
 */
public record Staged(Dataset<Row> loaded, Dataset<Row> quarantined) {
  static final String RULE = "rule";
  static final String RULE_COLUMN = "rule_column";

  /** Splits rows carrying {@link #RULE} into loaded (selecting {@code columns}) and quarantined. */
  static Staged split(Dataset<Row> checked, List<Column> columns) {
    Dataset<Row> loaded = checked.filter(col(RULE).isNull()).select(columns.toArray(Column[]::new));
    Dataset<Row> quarantined =
        checked
            .filter(col(RULE).isNotNull())
            .select(
                col(LandingRecords.SOURCE),
                col(LandingRecords.CONTRACT),
                col(LandingRecords.FILE_NAME),
                col(LandingRecords.LINE_NUMBER),
                col(RULE),
                col(RULE_COLUMN),
                col(LandingRecords.RAW_TEXT));
    return new Staged(loaded, quarantined);
  }
}
