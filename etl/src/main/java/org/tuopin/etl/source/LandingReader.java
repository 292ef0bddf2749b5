package org.tuopin.etl.source;

import java.io.File;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tuopin.etl.reference.CityUnitNames;

/** Reads a list of landing files into one Dataset of {@link LandingRecords}, file by file. */
public final class LandingReader {
  /**
   * Landing bytes per partition. Every partition of the records is a task in each of the
   * month's hundred-odd stages, and a task's fixed cost (its plan deserialized, its projections
   * generated) dwarfs the work on a small month's few megabytes: small months read in one.
   */
  static final long BYTES_PER_SLICE = 16L << 20;

  private LandingReader() {}

  public static Dataset<Row> read(SparkSession spark, List<LandingFile> files, CityUnitNames cityUnitNames) {
    List<String> encoded = files.stream().map(LandingFile::encode).toList();
    int slices = slices(bytes(files), files.size(), spark.sparkContext().defaultParallelism());
    return spark
        .createDataset(encoded, Encoders.STRING())
        .repartition(slices)
        .flatMap(new LandingFileParser(cityUnitNames), Encoders.row(LandingRecords.SCHEMA));
  }

  /**
   * The files' total size. A file whose size cannot be read counts as empty ({@link File#length}
   * is 0); its reader then reports why it cannot be read.
   */
  public static long bytes(List<LandingFile> files) {
    return files.stream().mapToLong(f -> new File(f.location()).length()).sum();
  }

  /** One slice per {@link #BYTES_PER_SLICE}, at most two per core and one per file. */
  static int slices(long bytes, int files, int parallelism) {
    long bySize = (bytes + BYTES_PER_SLICE - 1) / BYTES_PER_SLICE;
    return (int) Math.max(1, Math.min(Math.min(files, parallelism * 2L), bySize));
  }
}
