package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.etl.source.LandingRecords;

/**
 * Quarantine rows: source, contract, file_name, line_number, rule, rule_column, raw_text. raw_text
 * may hold personal data: it is written only to the restricted area.
 */
public final class Quarantine {
  private Quarantine() {}

  /**
   * Fills in the raw text of quarantined rows read without it (CSV and JSON Lines rows, see {@code
   * LandingReader#read}) from the same files read again with it: such a row is the one record of
   * its file that starts on its line. Rows that have their text pass through untouched.
   *
   * @param quarantine quarantine rows, raw_text null where it is to be filled
   * @param recordsWithRawText the records, with raw text, of (at least) the files those rows came
   *     from
   */
  public static Dataset<Row> withRawText(Dataset<Row> quarantine, Dataset<Row> recordsWithRawText) {
    Dataset<Row> rawText =
        recordsWithRawText
            .filter(col(LandingRecords.KIND).equalTo(LandingRecords.KIND_ROW))
            .select(
                col(LandingRecords.FILE_NAME).as("read_file_name"),
                col(LandingRecords.LINE_NUMBER).as("read_line_number"),
                col(LandingRecords.RAW_TEXT).as("read_raw_text"));
    Column missing = col(LandingRecords.RAW_TEXT).isNull();
    Dataset<Row> filled =
        quarantine
            .filter(missing)
            .join(
                rawText,
                col(LandingRecords.FILE_NAME)
                    .equalTo(col("read_file_name"))
                    .and(col(LandingRecords.LINE_NUMBER).equalTo(col("read_line_number"))),
                "left")
            .withColumn(LandingRecords.RAW_TEXT, col("read_raw_text"))
            .drop("read_file_name", "read_line_number", "read_raw_text");
    return quarantine.filter(not(missing)).unionByName(filled);
  }

  /** Files that could not be read at all, one quarantine row each (line 0, no raw text). */
  public static Dataset<Row> ofFailedFiles(Dataset<Row> landingRecords) {
    return landingRecords
        .filter(
            col(LandingRecords.KIND)
                .equalTo(LandingRecords.KIND_FILE)
                .and(col(LandingRecords.FILE_RULE).isNotNull()))
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
