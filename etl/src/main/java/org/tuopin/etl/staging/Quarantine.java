package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.etl.source.LandingRecords;

/**
 * Quarantine rows: source, contract, file_name, line_number, rule, rule_column, raw_text.
 * raw_text may hold personal data: it is written only to the restricted area.
 */
public final class Quarantine {
  private Quarantine() {}

  /** Files that could not be read at all, one quarantine row each (line 0, no raw text). */
  public static Dataset<Row> ofFailedFiles(Dataset<Row> landingRecords) {
    return landingRecords
        .filter(col(LandingRecords.KIND).equalTo(LandingRecords.KIND_FILE).and(col(LandingRecords.FILE_RULE).isNotNull()))
        .select(
            col(LandingRecords.SOURCE),
            col(LandingRecords.CONTRACT),
            col(LandingRecords.FILE_NAME),
            col(LandingRecords.LINE_NUMBER),
            col(LandingRecords.FILE_RULE).as(Staged.RULE),
            lit(null).cast("string").as(Staged.RULE_COLUMN),
            concat(lit("[file] "), col(LandingRecords.FILE_DETAIL)).as(LandingRecords.RAW_TEXT));
  }
}
