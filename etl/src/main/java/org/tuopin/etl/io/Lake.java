package org.tuopin.etl.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet lake: {@code <root>/<table>/<partition>/part-*.parquet}, where a partition is
 * {@code period=YYYY-MM}, {@code year=YYYY} or {@code all}. The partition column stays inside the
 * files, so DuckDB reads them without Hive partitioning. A partition is written beside its place
 * and moved in when Spark has committed it: a failed write leaves the old partition whole.
 * Only Tuopin's own jobs read the lake; analysts read the published DuckDB file.
 */
public final class Lake {
  public static final String WHOLE_TABLE = "all";
  private final Path root;

  public Lake(Path root) {
    this.root = root.toAbsolutePath();
  }

  public Path root() {
    return root;
  }

  public static String periodPartition(String period) {
    return "period=" + period;
  }

  public static String yearPartition(int year) {
    return "year=" + year;
  }

  public void write(Dataset<Row> rows, String table, String partition, int files) {
    Path target = root.resolve(table).resolve(partition);
    Path staging = root.resolve(table).resolve("_writing-" + UUID.randomUUID());
    rows.coalesce(files).write().mode(SaveMode.ErrorIfExists).parquet(staging.toString());
    Path previous = root.resolve(table).resolve("_replaced-" + UUID.randomUUID());
    try {
      if (Files.exists(target)) {
        Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(previous);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot move the new partition into " + target, e);
    }
  }

  public boolean exists(String table, String partition) {
    return Files.isDirectory(root.resolve(table).resolve(partition));
  }

  public Dataset<Row> read(SparkSession spark, String table, String partition, StructType schema) {
    if (!exists(table, partition)) {
      return spark.createDataFrame(List.of(), schema);
    }
    return spark.read().schema(schema).parquet(root.resolve(table).resolve(partition).toString());
  }

  /** Every partition of a table, or an empty Dataset of {@code schema} when there is none. */
  public Dataset<Row> readAll(SparkSession spark, String table, StructType schema) {
    List<String> partitions = partitions(table);
    if (partitions.isEmpty()) {
      return spark.createDataFrame(List.of(), schema);
    }
    String[] paths = partitions.stream().map(p -> root.resolve(table).resolve(p).toString()).toArray(String[]::new);
    return spark.read().schema(schema).parquet(paths);
  }

  /** The partitions of a table, sorted by name (for periods: oldest first). */
  public List<String> partitions(String table) {
    Path dir = root.resolve(table);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith("_"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }

  /** The latest {@code period=} partition strictly before {@code period}. */
  public Optional<String> latestPeriodBefore(String table, String period) {
    String bound = periodPartition(period);
    return partitions(table).stream().filter(p -> p.startsWith("period=") && p.compareTo(bound) < 0).reduce((a, b) -> b);
  }

  static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
