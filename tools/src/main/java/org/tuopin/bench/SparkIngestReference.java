package org.tuopin.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The landing CSV files converted to Parquet by plain Spark: each {@link LandingCsv} group read
 * with an explicit schema (its header's columns, all text, so nothing is inferred) in its encoding
 * and written as Parquet, nothing else. The reference the issue of ingest speed measures Tuopin
 * against: what Spark itself needs to read and write the data once, in the same session settings.
 */
public final class SparkIngestReference {
  private SparkIngestReference() {}

  public static List<IngestReference.Converted> measure(
      SparkSession spark, Path landing, Path output) throws IOException {
    // Spark 4 reads only Unicode and Latin-1 unless asked to take any charset the JVM has
    spark.conf().set("spark.sql.legacy.javaCharsets", "true");
    return IngestReference.convertEach(
        LandingCsv.groups(landing),
        output,
        (group, target) -> {
          StructType schema = new StructType();
          for (String column : group.columns()) {
            schema = schema.add(column, DataTypes.StringType);
          }
          // RFC 4180, as the landing files are written: quotes doubled, line breaks in quotes
          spark
              .read()
              .schema(schema)
              .option("header", "true")
              .option("encoding", group.encoding())
              .option("escape", "\"")
              .option("multiLine", "true")
              .csv(group.files().stream().map(Path::toString).toArray(String[]::new))
              .write()
              .parquet(target.toString());
          return spark.read().parquet(target.toString()).count();
        });
  }
}
