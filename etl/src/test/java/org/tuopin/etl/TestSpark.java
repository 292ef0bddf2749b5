package org.tuopin.etl;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The one SparkSession of a test JVM: local, two threads, UTC, no UI, two shuffle partitions. Tests
 * never stop it; the JVM's end does.
 */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session =
          SparkSettings.applyTo(SparkSession.builder())
              .appName("tuopin-tests")
              .master("local[2]")
              .config("spark.sql.shuffle.partitions", "2")
              .getOrCreate();
    }
    return session;
  }

  /** A Dataset of the given rows, each row given as its values in schema order. */
  public static Dataset<Row> rows(String ddl, Object[]... values) {
    List<Row> rows = Arrays.stream(values).map(RowFactory::create).toList();
    return session().createDataFrame(rows, StructType.fromDDL(ddl));
  }
}
