package org.tuopin.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Publishes the serving file {@code <serving>/tuopin.duckdb}: a self-contained DuckDB database
 * (tables copied from the lake, views defined by sql/views) in a storage format DuckDB 1.4 and
 * later can open. It is built beside its place and renamed over the old one in one atomic
 * step, so a reader sees the whole previous publish or the whole new one, and a failed publish
 * leaves the previous one in place.
 */
public final class Publisher {
  public static final String FILE_NAME = "tuopin.duckdb";
  static final String STORAGE_VERSION = "v1.4.0";

  private final Path lakeRoot;
  private final Path servingDirectory;
  private final PublishSettings settings;

  public Publisher(Path lakeRoot, Path servingDirectory, PublishSettings settings) {
    this.lakeRoot = lakeRoot.toAbsolutePath();
    this.servingDirectory = servingDirectory.toAbsolutePath();
    this.settings = settings;
  }

  public Path servingFile() {
    return servingDirectory.resolve(FILE_NAME);
  }

  /**
   * Builds and publishes the warehouse, and keeps it as the next numbered publish.
   *
   * @return the publish id (also in table {@code setting} as {@code publish_id})
   */
  public int publish(List<RunSource> runs, List<RuleCount> quality) {
    Path building = servingDirectory.resolve(".building-" + UUID.randomUUID() + ".duckdb");
    PublishHistory history = new PublishHistory(servingDirectory);
    int id = history.nextId();
    try {
      Files.createDirectories(servingDirectory);
      build(building, id, runs, quality);
      Files.move(building, servingFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      history.keep(servingFile(), id, settings.publishRetention());
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot publish " + servingFile(), e);
    } catch (SQLException e) {
      throw new IllegalStateException("Publishing failed; the previous publish stands: " + e.getMessage(), e);
    } finally {
      deleteQuietly(building);
      deleteQuietly(Path.of(building + ".wal"));
    }
  }

  private void build(Path file, int publishId, List<RunSource> runs, List<RuleCount> quality) throws SQLException, IOException {
    Path spill = servingDirectory.resolve(".spill");
    Files.createDirectories(spill);
    try (Connection connection = DuckDb.openInMemory(); Statement statement = connection.createStatement()) {
      statement.execute("SET temp_directory = '" + sqlString(spill.toString()) + "'");
      statement.execute("ATTACH '" + sqlString(file.toString()) + "' AS publishing (STORAGE_VERSION '" + STORAGE_VERSION + "')");
      statement.execute("USE publishing");
      for (String ddl : SqlResources.statements("tables/schema.sql")) {
        statement.execute(ddl);
      }
      for (String table : PublishedSchema.LAKE_TABLES) {
        copyFromLake(statement, table);
      }
      statement.execute("INSERT INTO setting VALUES ('submission_deadline_day', '" + settings.submissionDeadlineDay() + "'), "
          + "('publish_id', '" + publishId + "')");
      insertPovertyLines(connection, settings.povertyLines());
      insertExitThresholds(connection, settings.exitThresholds());
      insertRegionChanges(connection, settings.regionChanges());
      insertRuns(connection, runs);
      insertQuality(connection, quality);
      PublishedSchema.deriveAndDefineViews(statement);
      PublishedSchema.computeAtPublish(statement);
      statement.execute("USE memory");
      statement.execute("DETACH publishing");
    }
  }

  /** Every lake table is {@code <table>/<partition>/*.parquet}; Spark's _SUCCESS and .crc are skipped. */
  private void copyFromLake(Statement statement, String table) throws SQLException {
    Path directory = lakeRoot.resolve(table);
    if (!hasParquet(directory)) {
      return;
    }
    String files = sqlString(directory.resolve("*/*.parquet").toString());
    // union_by_name: partitions written before a column was added lack it (NULL there)
    statement.execute("INSERT INTO " + table + " BY NAME SELECT * FROM read_parquet('" + files
        + "', hive_partitioning = false, union_by_name = true)");
  }

  private static boolean hasParquet(Path directory) {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(directory, 2)) {
      return files.anyMatch(p -> p.toString().endsWith(".parquet") && !p.toString().contains("/_"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + directory, e);
    }
  }

  /** Binds one item to the insert's parameters. */
  private interface Binder<T> {
    void bind(PreparedStatement insert, T item) throws SQLException;
  }

  private static <T> void insertAll(Connection connection, String sql, List<T> items, Binder<T> binder) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (T item : items) {
        binder.bind(insert, item);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void insertPovertyLines(Connection connection, List<PublishSettings.PovertyLine> lines) throws SQLException {
    insertAll(connection, "INSERT INTO poverty_line VALUES (?, ?, ?)", lines, (insert, line) -> {
      insert.setString(1, line.provinceCode());
      insert.setInt(2, line.year());
      insert.setBigDecimal(3, line.lineYuan());
    });
  }

  private static void insertExitThresholds(Connection connection, List<PublishSettings.ExitThreshold> thresholds) throws SQLException {
    insertAll(connection, "INSERT INTO exit_threshold VALUES (?, ?)", thresholds, (insert, threshold) -> {
      insert.setString(1, threshold.provinceCode());
      insert.setDouble(2, threshold.incidencePercent());
    });
  }

  private static void insertRegionChanges(Connection connection, List<PublishSettings.RegionChange> changes) throws SQLException {
    insertAll(connection, "INSERT INTO region_change VALUES (?, ?, ?, ?)", changes, (insert, change) -> {
      insert.setString(1, change.regionCode());
      insert.setInt(2, change.untilYear());
      insert.setString(3, change.regionName());
      insert.setString(4, change.parentCode());
    });
  }

  private static void insertRuns(Connection connection, List<RunSource> runs) throws SQLException {
    insertAll(connection, "INSERT INTO run_source VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", runs, (insert, run) -> {
      insert.setString(1, run.runId());
      insert.setObject(2, run.period());
      insert.setTimestamp(3, run.startedAt() == null ? null : Timestamp.from(run.startedAt()));
      insert.setTimestamp(4, run.finishedAt() == null ? null : Timestamp.from(run.finishedAt()));
      insert.setString(5, run.outcome());
      insert.setString(6, run.source());
      insert.setLong(7, run.rowsRead());
      insert.setLong(8, run.rowsLoaded());
      insert.setLong(9, run.rowsQuarantined());
    });
  }

  private static void insertQuality(Connection connection, List<RuleCount> quality) throws SQLException {
    insertAll(connection, "INSERT INTO run_quality VALUES (?, ?, ?, ?, ?, ?)", quality, (insert, count) -> {
      insert.setString(1, count.runId());
      insert.setObject(2, count.period());
      insert.setString(3, count.source());
      insert.setString(4, count.fileName());
      insert.setString(5, count.rule());
      insert.setLong(6, count.rows());
    });
  }

  private static String sqlString(String value) {
    return value.replace("'", "''");
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A leftover temporary file is harmless and named .building-*: the next publish ignores it.
      System.err.println("Could not delete temporary file " + path + ": " + e.getMessage());
    }
  }
}
