package org.tuopin.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuopin.etl.TestSpark;
import org.tuopin.jobs.refresh.RefreshJob;
import org.tuopin.sample.SampleDataGenerator;
import org.tuopin.sample.Scale;
import org.tuopin.warehouse.DeltaTables;
import org.tuopin.warehouse.LakeLayout;
import org.tuopin.warehouse.LakeLayout.PartitionFiles;
import org.tuopin.warehouse.PublishHistory;
import org.tuopin.warehouse.PublishedSchema;
import org.tuopin.warehouse.Publisher;

/**
 * A data folder whose lake is in the layout before Delta ({@code <table>/<partition>/CURRENT}
 * naming a version folder) is upgraded to Delta tables: every published relation is the same before
 * and after, the publish kept from before still answers as it did, and a second upgrade changes
 * nothing.
 */
@Tag("e2e")
class LakeUpgradeTest {
  private static final List<YearMonth> MONTHS =
      List.of(YearMonth.of(2021, 11), YearMonth.of(2021, 12));

  @TempDir Path work;

  @Test
  void aLakeOfTheLayoutBeforeDeltaUpgradesToTheSameWarehouse() throws Exception {
    CommonOptions options = TestOptions.in(work);
    new SampleDataGenerator(
            Environment.reference(options, Environment.config(options)), 20211101L, Scale.SMALL)
        .generate(options.landing, MONTHS.get(0), MONTHS.get(1));
    // a bad row, so that the restricted quarantine has a table to upgrade too
    Files.writeString(
        options.landing.resolve("submissions").resolve("2021-12").resolve("late.csv"),
        "period,region_code,indicator_code,unit,annual_target,cumulative_completed,reported_at\n"
            + "2021-12,990199,relocation,人,10,1,2022-01-03\n");
    RefreshJob job = Environment.refreshJob(options, TestSpark.session());
    assertEquals(0, Backfill.run(job, MONTHS));

    Path lake = options.data.resolve("lake");
    Path restricted = options.data.resolve("restricted");
    int tables = 0;
    for (String table : PublishedSchema.LAKE_TABLES) {
      tables += toLayoutBeforeDelta(lake.resolve(table)) ? 1 : 0;
    }
    assertTrue(toLayoutBeforeDelta(restricted.resolve("quarantine")));
    job.publish(List.of());
    Path serving = options.data.resolve("serving");
    Path published = serving.resolve("tuopin.duckdb");
    Map<String, String> before = relations(published);
    assertTrue(
        Long.parseLong(before.get("fact_household_snapshot").split(" ")[0]) > 1000,
        before::toString);
    PublishHistory history = new PublishHistory(serving);
    int keptFromBefore = history.ids().get(history.ids().size() - 1);

    List<String> converted = job.upgradeLake();
    assertEquals(tables + 1, converted.size(), converted::toString);
    assertTrue(converted.contains("restricted/quarantine"));
    assertEquals(List.of(), job.upgradeLake(), "a second upgrade changes nothing");
    job.publish(List.of());

    assertEquals(before, relations(published));
    assertEquals(before, relations(history.file(keptFromBefore)), "the publish kept from before");
    for (String table : PublishedSchema.LAKE_TABLES) {
      assertTrue(
          DeltaTables.isTable(lake.resolve(table)) || !Files.exists(lake.resolve(table)), table);
    }
    // Spark's own Delta reader sees what the publish shows, at the version the publish records,
    // and still at that version once a re-run of December has written new ones
    int upgraded = history.ids().get(history.ids().size() - 1);
    assertEquals(0, Backfill.run(job, List.of(MONTHS.get(1))));
    for (String table : PublishedSchema.LAKE_TABLES) {
      if (DeltaTables.isTable(lake.resolve(table))) {
        long version = lakeVersion(history.file(upgraded), table);
        assertEquals(
            List.of(0L, 0L),
            sparkReadAgainstPublished(lake, table, version, history.file(upgraded)),
            table + " at version " + version);
        assertEquals(
            List.of(0L, 0L),
            sparkReadAgainstPublished(lake, table, lakeVersion(published, table), published),
            table + " at its latest version");
      }
    }
    // the quarantine's copies in the old layout are gone: no publish reads them
    assertEquals(
        List.of(),
        parquetFilesOutside(
            restricted.resolve("quarantine"),
            DeltaTables.latest(restricted.resolve("quarantine")).orElseThrow().files()));
  }

  /**
   * Rewrites a Delta table of this version as the layout before it wrote it: each partition's files
   * copied into a version folder named by CURRENT, the Delta table removed.
   *
   * @return whether the table existed
   */
  private static boolean toLayoutBeforeDelta(Path table) throws IOException {
    if (!DeltaTables.isTable(table)) {
      return false;
    }
    List<PartitionFiles> partitions = DeltaTables.latest(table).orElseThrow().partitions();
    Path old = table.resolveSibling(table.getFileName() + ".before-delta");
    for (PartitionFiles partition : partitions) {
      Path version =
          old.resolve(partition.partition().name()).resolve("v-20211201T000000-0000abcd");
      Files.createDirectories(version);
      for (Path file : partition.files()) {
        Files.copy(file, version.resolve(file.getFileName()));
      }
      Files.writeString(
          old.resolve(partition.partition().name()).resolve(LakeLayout.CURRENT),
          version.getFileName().toString());
    }
    LakeLayout.deleteTree(table);
    Files.move(old, table);
    return true;
  }

  /**
   * Every relation of a publish, its row count and an md5 of its rows; settings of the publish
   * itself left out.
   */
  private static Map<String, String> relations(Path file) throws SQLException {
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    Map<String, String> fingerprints = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly);
        Statement s = c.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet r =
          s.executeQuery(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")) {
        while (r.next()) {
          names.add(r.getString(1));
        }
      }
      for (String name : names) {
        String rows =
            name.equals("setting")
                ? "(SELECT * FROM setting WHERE name NOT IN ('publish_id') AND name NOT LIKE"
                    + " 'lake_version.%')"
                : name;
        try (ResultSet r =
            s.executeQuery(
                "SELECT count(*), md5(coalesce(string_agg(CAST(t AS VARCHAR), '|' ORDER BY CAST(t"
                    + " AS VARCHAR)), '')) FROM "
                    + rows
                    + " AS t")) {
          r.next();
          fingerprints.put(name, r.getLong(1) + " " + r.getString(2));
        }
      }
    }
    return fingerprints;
  }

  private static long lakeVersion(Path publish, String table) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + publish, readOnly());
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT value FROM setting WHERE name = '"
                    + Publisher.LAKE_VERSION
                    + table
                    + "'")) {
      assertTrue(r.next(), "the publish records the version of " + table);
      return Long.parseLong(r.getString(1));
    }
  }

  /**
   * The table at {@code version} as Spark's Delta reader reads it, against the publish's table: the
   * rows only Spark read and the rows only the publish has (both 0 when they are the same).
   */
  private List<Long> sparkReadAgainstPublished(Path lake, String table, long version, Path publish)
      throws SQLException {
    Path copy = work.resolve("spark-read").resolve(table + "-" + version);
    TestSpark.session()
        .read()
        .format("delta")
        .option("versionAsOf", version)
        .load(lake.resolve(table).toString())
        .write()
        .mode("overwrite")
        .parquet(copy.toString());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + publish, readOnly());
        Statement s = c.createStatement()) {
      List<String> columns = new ArrayList<>();
      try (ResultSet r =
          s.executeQuery(
              "SELECT column_name FROM information_schema.columns WHERE table_name = '"
                  + table
                  + "' ORDER BY ordinal_position")) {
        while (r.next()) {
          columns.add("\"" + r.getString(1) + "\"");
        }
      }
      String spark =
          "(SELECT " + String.join(", ", columns) + " FROM read_parquet('" + copy + "/*.parquet'))";
      String published = "(SELECT " + String.join(", ", columns) + " FROM " + table + ")";
      List<Long> differences = new ArrayList<>();
      for (String sql :
          List.of(spark + " EXCEPT ALL " + published, published + " EXCEPT ALL " + spark)) {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM (" + sql + ")")) {
          r.next();
          differences.add(r.getLong(1));
        }
      }
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
        r.next();
        assertTrue(r.getLong(1) > 0, table + " has rows");
      }
      return differences;
    }
  }

  private static Properties readOnly() {
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    return readOnly;
  }

  private static List<Path> parquetFilesOutside(Path table, Set<Path> current) throws IOException {
    try (Stream<Path> files = Files.walk(table)) {
      return files
          .filter(p -> p.toString().endsWith(".parquet") && !p.toString().contains("_delta_log"))
          .filter(p -> !current.contains(p.toAbsolutePath().normalize()))
          .toList();
    }
  }
}
