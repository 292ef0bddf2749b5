package org.tuopin.etl.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.tuopin.warehouse.LakeLayout;

/**
 * The Parquet lake, written by Spark: {@code <root>/<table>/<partition>/<version>/part-*.parquet}
 * (see {@link LakeLayout}), where a partition is {@code period=YYYY-MM}, {@code year=YYYY} or
 * {@code all}. The partition column stays inside the files, so DuckDB reads them without Hive
 * partitioning. A write goes to a new version folder and becomes current once Spark has committed
 * it: a failed or killed write leaves the current version whole, and the versions a kept publish
 * reads are never changed. Only Tuopin's own jobs read the lake through this class.
 */
public final class Lake {
  public static final String WHOLE_TABLE = "all";
  private final LakeLayout layout;

  public Lake(Path root) {
    this.layout = new LakeLayout(root);
  }

  public Path root() {
    return layout.root();
  }

  public static String periodPartition(String period) {
    return "period=" + period;
  }

  public static String yearPartition(int year) {
    return "year=" + year;
  }

  /**
   * Writes {@code rows} as a new version of the partition in {@code files} files and makes it
   * current.
   */
  public void write(Dataset<Row> rows, String table, String partition, int files) {
    Path version = layout.newVersion(table, partition);
    rows.coalesce(files).write().mode(SaveMode.ErrorIfExists).parquet(version.toString());
    layout.makeCurrent(table, partition, version);
  }

  /**
   * Makes a copy of one Parquet file the partition's current version, unless the current version
   * already is that file (same name: the name carries a fingerprint of the content, as {@link
   * RegionParquet}'s do). The region list is the same every month: rewriting its 665,000 rows each
   * month would cost seconds and a new version for nothing.
   */
  public void writeFileUnlessCurrent(Path parquetFile, String table, String partition) {
    String name = parquetFile.getFileName().toString();
    boolean current =
        layout
            .currentFolder(table, partition)
            .map(folder -> Files.isRegularFile(folder.resolve(name)))
            .orElse(false);
    if (current) {
      return;
    }
    Path version = layout.newVersion(table, partition);
    try {
      Files.createDirectories(version);
      Files.copy(parquetFile, version.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy " + parquetFile + " into " + version, e);
    }
    layout.makeCurrent(table, partition, version);
  }

  /**
   * Deletes the versions of a partition other than the current one: for a lake that no publish
   * reads (the restricted quarantine), where an old version is only a copy of what was replaced.
   */
  public void removeSupersededVersions(String table, String partition) {
    Optional<Path> current = layout.currentFolder(table, partition);
    Path partitionDirectory = root().resolve(table).resolve(partition);
    try (Stream<Path> children = Files.list(partitionDirectory)) {
      for (Path child : children.toList()) {
        if (child.getFileName().toString().startsWith("v-")
            && !current.map(child::equals).orElse(false)) {
          LakeLayout.deleteTree(child);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + partitionDirectory, e);
    }
  }

  /** How many Parquet files the current version of a partition has (0 when it does not exist). */
  public int fileCount(String table, String partition) {
    return layout
        .currentFolder(table, partition)
        .map(f -> LakeLayout.parquetFiles(f).size())
        .orElse(0);
  }

  public boolean exists(String table, String partition) {
    return layout.currentFolder(table, partition).isPresent();
  }

  public Dataset<Row> read(SparkSession spark, String table, String partition, StructType schema) {
    return layout
        .currentFolder(table, partition)
        .map(folder -> spark.read().schema(schema).parquet(folder.toString()))
        .orElseGet(() -> spark.createDataFrame(List.of(), schema));
  }

  /** A partition's current version with the schema its files have. */
  public Dataset<Row> readCurrent(SparkSession spark, String table, String partition) {
    Path folder =
        layout
            .currentFolder(table, partition)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "The lake has no partition " + partition + " of " + table));
    return spark.read().parquet(folder.toString());
  }

  /** Every partition of a table, or an empty Dataset of {@code schema} when there is none. */
  public Dataset<Row> readAll(SparkSession spark, String table, StructType schema) {
    String[] folders =
        layout.partitions(table).stream()
            .map(p -> layout.currentFolder(table, p))
            .flatMap(Optional::stream)
            .map(Path::toString)
            .toArray(String[]::new);
    if (folders.length == 0) {
      return spark.createDataFrame(List.of(), schema);
    }
    return spark.read().schema(schema).parquet(folders);
  }

  /** The partitions of a table, sorted by name (for periods: oldest first). */
  public List<String> partitions(String table) {
    return layout.partitions(table);
  }

  /** The latest {@code period=} partition strictly before {@code period}. */
  public Optional<String> latestPeriodBefore(String table, String period) {
    String bound = periodPartition(period);
    return partitions(table).stream()
        .filter(p -> p.startsWith("period=") && p.compareTo(bound) < 0)
        .reduce((a, b) -> b);
  }

  /** The {@code period=} partitions strictly after {@code period}, oldest first. */
  public List<String> periodsAfter(String table, String period) {
    String bound = periodPartition(period);
    return partitions(table).stream()
        .filter(p -> p.startsWith("period=") && p.compareTo(bound) > 0)
        .toList();
  }
}
