package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.tuopin.etl.source.LandingRecords;

/**
 * The outcome of staging one contract: every row read, with the rule it broke (or none). {@link
 * #loaded} are the rows that passed every rule (typed, cleaned), {@link #quarantined} the rows that
 * broke one, in the {@link Quarantine} shape. loaded + quarantined = read.
 */
public final class Staged {
  static final String RULE = "rule";
  static final String RULE_COLUMN = "rule_column";

  private final Dataset<Row> checked;
  private final Column[] loadedColumns;

  private Staged(Dataset<Row> checked, Column[] loadedColumns) {
    this.checked = checked;
    this.loadedColumns = loadedColumns;
  }

  /** Splits rows carrying {@link #RULE} into loaded (selecting {@code columns}) and quarantined. */
  static Staged split(Dataset<Row> checked, List<Column> columns) {
    return new Staged(checked, columns.toArray(Column[]::new));
  }

  public Dataset<Row> loaded() {
    return checked.filter(col(RULE).isNull()).select(loadedColumns);
  }

  public Dataset<Row> quarantined() {
    return checked
        .filter(col(RULE).isNotNull())
        .select(
            col(LandingRecords.SOURCE),
            col(LandingRecords.CONTRACT),
            col(LandingRecords.FILE_NAME),
            col(LandingRecords.LINE_NUMBER),
            col(RULE),
            col(RULE_COLUMN),
            col(LandingRecords.RAW_TEXT));
  }

  /**
   * Per source and file: rows loaded and rows quarantined (for the per-file balance against rows
   * read).
   */
  public Dataset<Row> outcomeByFile() {
    return checked
        .groupBy(col(LandingRecords.SOURCE), col(LandingRecords.FILE_NAME))
        .agg(
            count(when(col(RULE).isNull(), 1)).as("loaded"),
            count(when(col(RULE).isNotNull(), 1)).as("quarantined"));
  }

  /**
   * The same outcome, computed once and kept: a refresh reads loaded and quarantined rows several
   * times (report, quarantine, facts), and validation is the costly part of the plan. Only what
   * those reads need is kept: the loaded columns, where each row came from, its rule, and a
   * quarantined row's raw text; not the landing fields the rules were computed from.
   */
  public Staged cached() {
    String[] loadedNames = checked.select(loadedColumns).columns();
    List<Column> kept = new ArrayList<>(Arrays.asList(loadedColumns));
    for (String bookkeeping :
        List.of(
            LandingRecords.SOURCE,
            LandingRecords.CONTRACT,
            LandingRecords.FILE_NAME,
            LandingRecords.LINE_NUMBER,
            RULE,
            RULE_COLUMN)) {
      if (!Arrays.asList(loadedNames).contains(bookkeeping)) {
        kept.add(col(bookkeeping));
      }
    }
    // Only a quarantined row's raw text is ever read again; a loaded row's would double what is
    // kept.
    kept.add(when(col(RULE).isNotNull(), col(LandingRecords.RAW_TEXT)).as(LandingRecords.RAW_TEXT));
    Dataset<Row> narrow =
        checked.select(kept.toArray(Column[]::new)).persist(StorageLevel.MEMORY_AND_DISK());
    return new Staged(
        narrow, Arrays.stream(loadedNames).map(functions::col).toArray(Column[]::new));
  }

  /** Drops what {@link #cached} kept. */
  public void release() {
    checked.unpersist();
  }
}
