package org.tuopin.etl.source;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tuopin.etl.reference.CityUnitNames;

/** Reads a list of landing files into one Dataset of {@link LandingRecords}, file by file. */
public final class LandingReader {
  private LandingReader() {}

  /** @param partitions how many partitions the records are read into (files are spread over them) */
  public static Dataset<Row> read(SparkSession spark, List<LandingFile> files, CityUnitNames cityUnitNames, int partitions) {
    List<String> encoded = files.stream().map(LandingFile::encode).toList();
    return spark
        .createDataset(encoded, Encoders.STRING())
        .repartition(partitions)
        .flatMap(new LandingFileParser(cityUnitNames), Encoders.row(LandingRecords.SCHEMA));
  }
}
