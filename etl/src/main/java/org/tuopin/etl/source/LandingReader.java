package org.tuopin.etl.source;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tuopin.etl.reference.CityUnitNames;

/** Reads a list of landing files into one Dataset of {@link LandingRecords}, file by file. */
public final class LandingReader {
  private LandingReader() {}

  /**
   * The records to stage: CSV and JSON Lines rows without their raw text, which {@link
   * #readWithRawText} gives back for the files with quarantined rows.
   *
   * @param ingestedOn the day of the run (a city table's reported_at when nothing else dates it)
   * @param partitions how many partitions the records are read into (files are spread over them)
   */
  public static Dataset<Row> read(
      SparkSession spark,
      List<LandingFile> files,
      CityUnitNames cityUnitNames,
      LocalDate ingestedOn,
      int partitions) {
    return read(spark, files, new LandingFileParser(cityUnitNames, false, ingestedOn), partitions);
  }

  /** The same records, every row with its raw text. */
  public static Dataset<Row> readWithRawText(
      SparkSession spark,
      List<LandingFile> files,
      CityUnitNames cityUnitNames,
      LocalDate ingestedOn,
      int partitions) {
    return read(spark, files, new LandingFileParser(cityUnitNames, true, ingestedOn), partitions);
  }

  /** The day an instant falls on in the offices' time zone (Asia/Shanghai), as ingestedOn. */
  public static LocalDate officeDay(Instant instant) {
    return LocalDate.ofInstant(instant, ReportingDate.OFFICE_ZONE);
  }

  private static Dataset<Row> read(
      SparkSession spark, List<LandingFile> files, LandingFileParser parser, int partitions) {
    List<String> encoded = files.stream().map(LandingFile::encode).toList();
    return spark
        .createDataset(encoded, Encoders.STRING())
        .repartition(partitions)
        .flatMap(parser, Encoders.row(LandingRecords.SCHEMA));
  }
}
