package org.tuopin.etl.io;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.tuopin.warehouse.DeltaTables;
import org.tuopin.warehouse.Digests;
import org.tuopin.warehouse.LakeLayout.PartitionFiles;
import org.tuopin.warehouse.catalog.LakePartition;

/**
 * The lake, written by Spark: each table a Delta table {@code <root>/<table>/}, partitioned by
 * {@code period}, by {@code year} or not at all (see {@link LakePartition}). A write replaces
 * exactly one partition (or the whole table) in one Delta commit: a failed or killed write leaves
 * the table's previous version whole, and the files a kept publish reads are never changed (the
 * publisher removes them once no publish reads them).
 *
 * <p>Every table is created without deletion vectors and without column mapping, and with its
 * partition column kept in the data files (materializePartitionColumns), so that a file is complete
 * on its own: the publisher hands DuckDB the files of a version, as any engine may.
 */
public final class Lake {
  private final Path root;

  public Lake(Path root) {
    this.root = root.toAbsolutePath();
  }

  public Path root() {
    return root;
  }

  /** Replaces the partition with {@code rows}, written in {@code files} files, in one commit. */
  public void write(Dataset<Row> rows, String table, LakePartition partition, int files) {
    write(rows, table, partition, files, null);
  }

  /**
   * Replaces the partition with the rows of one Parquet file, unless the table's latest commit
   * already wrote that file (the name carries a fingerprint of the content, as {@link
   * RegionParquet}'s do). The region list is the same every month: rewriting its 665,000 rows each
   * month would cost seconds and a new version for nothing.
   */
  public void writeFileUnlessCurrent(
      SparkSession spark, Path parquetFile, String table, LakePartition partition) {
    String name = parquetFile.getFileName().toString();
    Path location = root.resolve(table);
    if (DeltaTables.isTable(location) && name.equals(latestCommitMetadata(spark, location))) {
      return;
    }
    write(spark.read().parquet(parquetFile.toString()), table, partition, 1, name);
  }

  /**
   * Replaces a small whole table (a reference table: indicators, fund sources) unless the table's
   * latest commit wrote the same rows: they change when the configuration does, not every month,
   * and each unchanged month would cost a Delta commit and a version.
   */
  public void writeSmallTableUnlessCurrent(SparkSession spark, Dataset<Row> rows, String table) {
    String fingerprint = "rows " + fingerprint(rows);
    Path location = root.resolve(table);
    if (DeltaTables.isTable(location)
        && fingerprint.equals(latestCommitMetadata(spark, location))) {
      return;
    }
    write(rows, table, LakePartition.WHOLE, 1, fingerprint);
  }

  /** A digest of a small Dataset's schema and rows, in any order. */
  private static String fingerprint(Dataset<Row> rows) {
    String sortedRows =
        rows.collectAsList().stream().map(Row::toString).sorted().collect(Collectors.joining("\n"));
    return Digests.sha256(rows.schema().toDDL() + "\n" + sortedRows).substring(0, 16);
  }

  /** The user metadata of the table's latest commit, or null. */
  private static String latestCommitMetadata(SparkSession spark, Path location) {
    List<Row> latest =
        DeltaTable.forPath(spark, location.toString())
            .history(1)
            .select("userMetadata")
            .collectAsList();
    return latest.isEmpty() ? null : latest.get(0).getString(0);
  }

  private void write(
      Dataset<Row> rows, String table, LakePartition partition, int files, String commitMetadata) {
    DataFrameWriter<Row> writer = rows.coalesce(files).write().format("delta");
    if (!partition.equals(LakePartition.WHOLE)) {
      writer = writer.option("replaceWhere", partition.predicate());
    }
    if (commitMetadata != null) {
      writer = writer.option("userMetadata", commitMetadata);
    }
    save(writer, table, partition.partitioning().column());
  }

  /**
   * Writes a whole table in one commit, partitioned by {@code column}: a table of the layout before
   * Delta, upgraded (see {@link LakeUpgrade}).
   */
  void writeTable(Dataset<Row> rows, String table, Optional<String> column) {
    save(rows.write().format("delta"), table, column);
  }

  private void save(DataFrameWriter<Row> writer, String table, Optional<String> column) {
    Path location = root.resolve(table);
    writer = writer.mode(SaveMode.Overwrite);
    if (column.isPresent()) {
      writer = writer.partitionBy(column.get());
    }
    if (!DeltaTables.isTable(location)) {
      writer =
          writer
              .option("delta.enableDeletionVectors", "false")
              .option("delta.columnMapping.mode", "none")
              // a kept publish's versions stay readable by time travel while their files are kept
              .option("delta.logRetentionDuration", "interval 3650 days");
      if (column.isPresent()) {
        writer = writer.option("delta.feature.materializePartitionColumns", "supported");
      }
    }
    writer.save(location.toString());
  }

  /**
   * Deletes the files of a table's replaced versions: for a lake that no publish reads (the
   * restricted quarantine), where an old version is only a copy of what was replaced.
   */
  public void removeSupersededVersions(String table) {
    DeltaTables.removeFilesOutside(root.resolve(table), Set.of());
  }

  /** How many data files the partition has now (0 when it does not exist). */
  public int fileCount(String table, LakePartition partition) {
    return current(table, partition).map(p -> p.files().size()).orElse(0);
  }

  public boolean exists(String table, LakePartition partition) {
    return current(table, partition).isPresent();
  }

  private Optional<PartitionFiles> current(String table, LakePartition partition) {
    return DeltaTables.latest(root.resolve(table)).stream()
        .flatMap(v -> v.partitions().stream())
        .filter(p -> p.partition().equals(partition))
        .findFirst();
  }

  /** One partition's rows, or an empty Dataset of {@code schema} when it does not exist. */
  public Dataset<Row> read(
      SparkSession spark, String table, LakePartition partition, StructType schema) {
    return current(table, partition)
        .map(p -> select(readFiles(spark, p.files()), schema))
        .orElseGet(() -> spark.createDataFrame(List.of(), schema));
  }

  /** A partition's rows with the table's columns. */
  public Dataset<Row> readCurrent(SparkSession spark, String table, LakePartition partition) {
    return current(table, partition)
        .map(p -> readFiles(spark, p.files()))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "The lake has no partition " + partition.name() + " of " + table));
  }

  /** Every partition of a table, or an empty Dataset of {@code schema} when there is none. */
  public Dataset<Row> readAll(SparkSession spark, String table, StructType schema) {
    List<Path> files =
        DeltaTables.latest(root.resolve(table))
            .map(v -> v.partitions().stream().flatMap(p -> p.files().stream()).toList())
            .orElse(List.of());
    return files.isEmpty()
        ? spark.createDataFrame(List.of(), schema)
        : select(readFiles(spark, files), schema);
  }

  /**
   * The rows of a version's data files, read as plain Parquet: Delta Kernel has listed them, and
   * each file holds every column (the partition's too). Spark's Delta reader would rebuild the
   * table's state with jobs of its own on every read, seconds a month in all.
   */
  private static Dataset<Row> readFiles(SparkSession spark, List<Path> files) {
    return spark.read().parquet(files.stream().map(Path::toString).toArray(String[]::new));
  }

  private static Dataset<Row> select(Dataset<Row> rows, StructType schema) {
    return rows.select(
        Arrays.stream(schema.fieldNames()).map(name -> col(name)).toArray(Column[]::new));
  }

  /** The partitions of a table, oldest first. */
  public List<LakePartition> partitions(String table) {
    return DeltaTables.latest(root.resolve(table))
        .map(v -> v.partitions().stream().map(PartitionFiles::partition).sorted().toList())
        .orElse(List.of());
  }

  /** The latest month of the table strictly before {@code period}. */
  public Optional<YearMonth> latestPeriodBefore(String table, YearMonth period) {
    return periods(table).filter(p -> p.isBefore(period)).reduce((a, b) -> b);
  }

  /** The months of the table strictly after {@code period}, oldest first. */
  public List<YearMonth> periodsAfter(String table, YearMonth period) {
    return periods(table).filter(p -> p.isAfter(period)).toList();
  }

  private Stream<YearMonth> periods(String table) {
    return partitions(table).stream()
        .filter(p -> p instanceof LakePartition.Period)
        .map(p -> ((LakePartition.Period) p).month());
  }
}
