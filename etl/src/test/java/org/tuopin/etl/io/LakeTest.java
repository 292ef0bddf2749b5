package org.tuopin.etl.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuopin.etl.TestSpark;
import org.tuopin.warehouse.DeltaTables;
import org.tuopin.warehouse.LakeLayout.PartitionFiles;
import org.tuopin.warehouse.catalog.LakePartition;

/**
 * The lake's Delta tables: a write replaces one partition in one commit, the files of a version
 * hold every column (the partition's too) for a reader of plain Parquet, and replaced files are
 * removed only when asked.
 */
class LakeTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("period", DataTypes.DateType)
          .add("household_id", DataTypes.StringType)
          .add("members", DataTypes.IntegerType);

  @TempDir Path folder;

  @Test
  void aWriteReplacesOnePartitionAndItsFilesAreCompleteParquet() throws Exception {
    SparkSession spark = TestSpark.session();
    Lake lake = new Lake(folder.resolve("lake"));
    lake.write(rows(spark, "2021-11-01", "a", "b", "c"), "t", p("period=2021-11"), 1);
    lake.write(rows(spark, "2021-12-01", "a", "b"), "t", p("period=2021-12"), 2);
    Path table = folder.resolve("lake").resolve("t");
    DeltaTables.Version first = DeltaTables.latest(table).orElseThrow();
    lake.write(rows(spark, "2021-11-01", "d"), "t", p("period=2021-11"), 1);

    assertEquals(List.of("period=2021-11", "period=2021-12"), names(lake.partitions("t")));
    assertEquals(
        List.of("d"), households(lake.read(spark, "t", p("period=2021-11"), SCHEMA)), "replaced");
    assertEquals(List.of("a", "b"), households(lake.read(spark, "t", p("period=2021-12"), SCHEMA)));
    assertEquals(2, lake.fileCount("t", p("period=2021-12")));
    assertEquals(0, lake.read(spark, "t", p("period=2022-01"), SCHEMA).count());
    assertEquals(
        List.of(YearMonth.parse("2021-11")),
        lake.latestPeriodBefore("t", YearMonth.parse("2021-12")).stream().toList());

    DeltaTables.Version latest = DeltaTables.latest(table).orElseThrow();
    assertEquals(first.version() + 1, latest.version(), "one commit per write");
    assertEquals(
        partitionVersion(first, "period=2021-12"),
        partitionVersion(latest, "period=2021-12"),
        "the December files are untouched");
    // DuckDB reads the latest version's files as plain Parquet, the period inside them
    assertEquals(Map.of("2021-11-01", 1L, "2021-12-01", 2L), countsByPeriod(latest.files()));
    // the version before keeps its files until the replaced ones are removed
    assertEquals(Map.of("2021-11-01", 3L, "2021-12-01", 2L), countsByPeriod(first.files()));
    lake.removeSupersededVersions("t");
    assertTrue(first.files().stream().anyMatch(f -> !Files.exists(f)));
    assertTrue(latest.files().stream().allMatch(Files::exists));
  }

  @Test
  void yearAndWholeTablePartitions() throws Exception {
    SparkSession spark = TestSpark.session();
    Lake lake = new Lake(folder.resolve("lake"));
    Dataset<Row> years = spark.sql("SELECT 2020 AS year, 'a' AS region UNION ALL SELECT 2021, 'b'");
    lake.write(years.where("year = 2020"), "y", p("year=2020"), 1);
    lake.write(years.where("year = 2021"), "y", p("year=2021"), 1);
    lake.write(spark.sql("SELECT 'x' AS code"), "w", p("all"), 1);
    lake.write(spark.sql("SELECT 'y' AS code UNION ALL SELECT 'z'"), "w", p("all"), 1);
    assertEquals(List.of("year=2020", "year=2021"), names(lake.partitions("y")));
    assertEquals(List.of("all"), names(lake.partitions("w")));
    assertEquals(
        2, lake.readAll(spark, "w", new StructType().add("code", DataTypes.StringType)).count());
    assertFalse(lake.exists("w", p("year=2020")));
  }

  private static LakePartition p(String name) {
    return LakePartition.parse(name);
  }

  private static List<String> names(List<LakePartition> partitions) {
    return partitions.stream().map(LakePartition::name).toList();
  }

  private static Dataset<Row> rows(SparkSession spark, String period, String... households) {
    List<Row> rows = new ArrayList<>();
    for (String household : households) {
      rows.add(RowFactory.create(Date.valueOf(period), household, 2));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  private static List<String> households(Dataset<Row> rows) {
    return rows.select("household_id").as(Encoders.STRING()).collectAsList().stream()
        .sorted()
        .toList();
  }

  private static String partitionVersion(DeltaTables.Version version, String partition) {
    return version.partitions().stream()
        .filter(p -> p.partition().name().equals(partition))
        .map(PartitionFiles::version)
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, Long> countsByPeriod(Set<Path> files) throws Exception {
    String list =
        files.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", ", "[", "]"));
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT CAST(period AS VARCHAR), count(*) FROM read_parquet("
                    + list
                    + ") GROUP BY 1")) {
      while (r.next()) {
        counts.put(r.getString(1), r.getLong(2));
      }
    }
    return counts;
  }
}
