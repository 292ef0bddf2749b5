package org.tuopin.jobs.refresh;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.tuopin.etl.Progress;
import org.tuopin.etl.model.ReferenceFrames;
import org.tuopin.etl.source.LandingFile;
import org.tuopin.etl.source.LandingReader;
import org.tuopin.etl.staging.Quarantine;

/**
 * A period's landing files and their records, read into {@code partitions} partitions and kept:
 * every staging reads them, and the quality report counts them.
 */
record MonthInput(
    YearMonth period,
    List<LandingFile> files,
    Dataset<Row> records,
    int partitions,
    LocalDate ingestedOn,
    SparkSession spark,
    ReferenceFrames reference) {

  static MonthInput read(
      SparkSession spark,
      ReferenceFrames reference,
      MonthSettings settings,
      Clock clock,
      YearMonth period,
      List<LandingFile> files) {
    int partitions = settings.apply(spark, files);
    // one day for the run: the raw-text re-read must give the same records across midnight
    LocalDate ingestedOn = LandingReader.officeDay(clock.instant());
    Dataset<Row> records =
        LandingReader.read(spark, files, reference.cityUnitNames(), ingestedOn, partitions)
            .persist(StorageLevel.MEMORY_AND_DISK());
    if (partitions > 1) {
      // Filled once here: the first staging query reads the records in two branches (a
      // registry's households joined to its member counts) whose stages run at the same time, and
      // a cached partition not yet stored is computed by each of them (the national month parsed
      // its 13 GB five to seven times over). A small month's one partition costs less read twice
      // than the extra job.
      Progress.detail("%,d landing records in %d partitions", records.count(), partitions);
    }
    return new MonthInput(period, files, records, partitions, ingestedOn, spark, reference);
  }

  /**
   * The quarantine with every row's raw text: the month's records were read without CSV and JSON
   * Lines rows' text, so the files the report counts quarantined rows in (a few, on a bad month)
   * are read again with it. Rows that kept their text pass through.
   */
  Dataset<Row> withRawText(Dataset<Row> quarantine, QualityReport report) {
    Set<String> withQuarantine =
        report.files().stream()
            .filter(f -> f.quarantined() > 0)
            .map(QualityReport.FileCount::fileName)
            .collect(Collectors.toSet());
    if (withQuarantine.isEmpty()) {
      return quarantine;
    }
    List<LandingFile> reread =
        files.stream().filter(f -> withQuarantine.contains(f.name())).toList();
    Progress.detail("reading %d files again for their quarantined rows' raw text", reread.size());
    return Quarantine.withRawText(
        quarantine,
        LandingReader.readWithRawText(
            spark,
            reread,
            reference.cityUnitNames(),
            ingestedOn,
            Math.min(reread.size(), partitions)));
  }

  void release() {
    records.unpersist();
  }
}
