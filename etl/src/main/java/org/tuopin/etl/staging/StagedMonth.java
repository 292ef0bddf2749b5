package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.etl.source.LandingRecords;

/** A month's landing records, staged per source: the rows loaded and the rows quarantined. */
public record StagedMonth(
    Staged submissions,
    Staged households,
    Staged members,
    Staged allocations,
    Staged disbursements,
    Staged population,
    Staged villageSurveys,
    Staged screeningSignals,
    Staged verifications,
    Dataset<Row> failedFiles) {

  /** Every quarantined row of the month, the files that could not be read among them. */
  public Dataset<Row> quarantine() {
    return sources().stream()
        .map(Staged::quarantined)
        .reduce(Dataset::unionByName)
        .orElseThrow()
        .unionByName(failedFiles);
  }

  /** Per source and file: rows loaded and quarantined (a file that could not be read: 0 and 1). */
  public Dataset<Row> outcomeByFile() {
    Dataset<Row> failed =
        failedFiles.select(
            col(LandingRecords.SOURCE),
            col(LandingRecords.FILE_NAME),
            lit(0L).as("loaded"),
            lit(1L).as("quarantined"));
    return sources().stream().map(Staged::outcomeByFile).reduce(failed, Dataset::unionByName);
  }

  /** Frees the stagings' cached rows. */
  public void release() {
    sources().forEach(Staged::release);
  }

  private List<Staged> sources() {
    return List.of(
        submissions,
        households,
        members,
        allocations,
        disbursements,
        population,
        villageSurveys,
        screeningSignals,
        verifications);
  }
}
