package org.tuopin.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.tuopin.warehouse.DerivedStore.Entry;

/**
 * Publishes the serving file {@code <serving>/tuopin.duckdb}, in a storage format DuckDB 1.4 and
 * later can open. Small tables (regions, progress, funds, aggregates) are copied into it; the
 * tables of one row per household or member and period are views over the exact Parquet files of
 * this publish's lake versions and derived partitions, which are never changed afterwards. So a
 * publish costs what changed, not the history, and a kept publish stays what it was.
 *
 * <p>The file is built beside its place, kept as the next numbered publish, and renamed over the
 * old one in one atomic step: a reader sees the whole previous publish or the whole new one, and a
 * failed publish leaves the previous one in place. Then the files no kept publish and no current
 * version names are removed.
 */
public final class Publisher {
  public static final String FILE_NAME = "tuopin.duckdb";
  static final String STORAGE_VERSION = "v1.4.0";

  /** The setting naming, per lake table, the Delta version a publish read: lake_version.TABLE. */
  public static final String LAKE_VERSION = "lake_version.";

  private final LakeLayout lake;
  private final Path servingDirectory;
  private final PublishSettings settings;
  private final Consumer<String> progress;

  public Publisher(
      Path lakeRoot, Path servingDirectory, PublishSettings settings, Consumer<String> progress) {
    this.lake = new LakeLayout(lakeRoot);
    this.servingDirectory = servingDirectory.toAbsolutePath();
    this.settings = settings;
    this.progress = progress;
  }

  public Publisher(Path lakeRoot, Path servingDirectory, PublishSettings settings) {
    this(lakeRoot, servingDirectory, settings, message -> {});
  }

  public Path servingFile() {
    return servingDirectory.resolve(FILE_NAME);
  }

  /**
   * Brings the derived tables up to date, builds and publishes the warehouse, keeps it as the next
   * numbered publish, and removes what no kept publish reads any more.
   *
   * @return the publish id (also in table {@code setting} as {@code publish_id})
   */
  public int publish(List<RunSource> runs, List<RuleCount> quality) {
    Path building = servingDirectory.resolve(".building-" + UUID.randomUUID() + ".duckdb");
    PublishHistory history = new PublishHistory(servingDirectory);
    DerivedStore derivedStore = new DerivedStore(servingDirectory.resolve("derived"));
    try {
      Files.createDirectories(spill());
      removeInterruptedBuilds();
      long start = System.nanoTime();
      LakeSnapshot snapshot = LakeSnapshot.read(lake);
      progress.accept(String.format("lake versions listed in %.1f s", seconds(start)));
      Map<String, Map<String, Entry>> derived =
          new Deriver(derivedStore, settings, spill(), progress).update(snapshot);
      int id = history.nextId();
      long built = System.nanoTime();
      List<Path> kept = new ArrayList<>(build(building, id, snapshot, derived, runs, quality));
      progress.accept(String.format("published file built in %.1f s", seconds(built)));
      // the copied tables' files too: another engine reading the lake at the version this publish
      // records (lake_version.TABLE) finds them while the publish is kept
      PublishedSchema.COPIED_LAKE_TABLES.forEach(table -> kept.addAll(snapshot.files(table)));
      history.keep(building, id, kept, settings.publishRetention());
      Files.move(
          building,
          servingFile(),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      removeUnreferenced(history, derived, snapshot);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot publish " + servingFile(), e);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Publishing failed; the previous publish stands: " + e.getMessage(), e);
    } finally {
      LakeLayout.deleteTree(building);
      LakeLayout.deleteTree(Path.of(building + ".wal"));
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private Path spill() {
    return servingDirectory.resolve(".spill");
  }

  /**
   * @return the files the published views read in place
   */
  private List<Path> build(
      Path file,
      int publishId,
      LakeSnapshot snapshot,
      Map<String, Map<String, Entry>> derived,
      List<RunSource> runs,
      List<RuleCount> quality)
      throws SQLException {
    List<Path> readInPlace = new ArrayList<>();
    try (Connection connection = DuckDb.openInMemory();
        Statement statement = connection.createStatement()) {
      statement.execute("SET temp_directory = '" + Relations.sqlString(spill().toString()) + "'");
      statement.execute(
          "ATTACH '"
              + Relations.sqlString(file.toString())
              + "' AS publishing (STORAGE_VERSION '"
              + STORAGE_VERSION
              + "')");
      statement.execute("USE publishing");
      PublishedSchema.createTypedTables(statement);
      for (String table : PublishedSchema.COPIED_LAKE_TABLES) {
        Relations.copyInto(statement, table, snapshot.files(table));
      }
      for (String table : PublishedSchema.READ_IN_PLACE_LAKE_TABLES) {
        readInPlace(statement, table, snapshot.files(table), readInPlace);
      }
      for (Derivation derivation : PublishedSchema.DERIVATIONS) {
        String table = derivation.table();
        List<Path> files = derived.get(table).values().stream().map(Entry::file).toList();
        if (table.equals(PublishedSchema.HOUSEHOLD_STATE)) {
          readInPlace(
              statement,
              table,
              files.isEmpty() ? files : List.of(files.get(files.size() - 1)),
              readInPlace);
        } else if (PublishedSchema.READ_IN_PLACE_DERIVED.contains(table)) {
          readInPlace(statement, table, files, readInPlace);
        } else if (!table.startsWith("agg_")) {
          Relations.copyInto(statement, table, files);
        }
      }
      statement.execute(
          "INSERT INTO setting VALUES ('submission_deadline_day', '"
              + settings.submissionDeadlineDay()
              + "'), "
              + "('league_minimum_share', '"
              + settings.leagueMinimumShare()
              + "'), "
              + "('publish_id', '"
              + publishId
              + "'), ('"
              + ReadOnlyQueries.LAKE_DIRECTORY
              + "', '"
              + Relations.sqlString(lake.root().toString())
              + "'), ('"
              + ReadOnlyQueries.DERIVED_DIRECTORY
              + "', '"
              + Relations.sqlString(servingDirectory.resolve("derived").toString())
              + "')");
      for (Map.Entry<String, Long> version : snapshot.deltaVersions().entrySet()) {
        statement.execute(
            "INSERT INTO setting VALUES ('"
                + LAKE_VERSION
                + version.getKey()
                + "', '"
                + version.getValue()
                + "')");
      }
      SettingsTables.insertConfiguration(connection, settings);
      SettingsTables.insertRuns(connection, runs);
      SettingsTables.insertQuality(connection, quality);
      for (String table : PublishedSchema.DERIVED_AT_PUBLISH) {
        statement.execute(
            PublishedSchema.withoutFinalSemicolon(SqlResources.read("tables/" + table + ".sql")));
      }
      defineViews(statement, derived);
      statement.execute("USE memory");
      statement.execute("DETACH publishing");
    }
    return readInPlace;
  }

  private static void readInPlace(
      Statement statement, String table, List<Path> files, List<Path> readInPlace)
      throws SQLException {
    Relations.readInPlace(statement, table, table, files);
    readInPlace.addAll(files);
  }

  /**
   * Defines every view; a per-period view becomes the rows of its derived agg_ table, a view
   * computed at publish the rows of a table it computes once.
   */
  private static void defineViews(Statement statement, Map<String, Map<String, Entry>> derived)
      throws SQLException {
    for (String view : PublishedSchema.VIEWS) {
      statement.execute(PublishedSchema.viewDefinition(view));
      String aggregate = "agg_" + view;
      if (PublishedSchema.PER_PERIOD_VIEWS.contains(view)) {
        statement.execute("CREATE TABLE " + aggregate + " AS SELECT * FROM " + view + " LIMIT 0");
        Relations.copyInto(
            statement,
            aggregate,
            derived.get(aggregate).values().stream().map(Entry::file).toList());
        statement.execute("CREATE OR REPLACE VIEW " + view + " AS SELECT * FROM " + aggregate);
      } else if (PublishedSchema.COMPUTED_AT_PUBLISH.contains(view)) {
        statement.execute("CREATE TABLE " + aggregate + " AS SELECT * FROM " + view);
        statement.execute("CREATE OR REPLACE VIEW " + view + " AS SELECT * FROM " + aggregate);
      }
    }
  }

  /**
   * Files of lake versions and derived partitions that neither the current state nor a kept publish
   * names.
   */
  private void removeUnreferenced(
      PublishHistory history, Map<String, Map<String, Entry>> derived, LakeSnapshot snapshot) {
    Set<Path> referenced = new HashSet<>(history.referencedFiles());
    int lakeRemoved = lake.removeUnreferenced(referenced, snapshot).size();
    derived
        .values()
        .forEach(partitions -> partitions.values().forEach(entry -> referenced.add(entry.file())));
    int derivedRemoved =
        new DerivedStore(servingDirectory.resolve("derived")).removeUnreferenced(referenced).size();
    if (lakeRemoved + derivedRemoved > 0) {
      progress.accept(
          "removed "
              + lakeRemoved
              + " lake files and "
              + derivedRemoved
              + " derived files no publish reads");
    }
  }

  /** A publish killed while building leaves its .building-* file (and write-ahead log) behind. */
  private void removeInterruptedBuilds() throws IOException {
    try (Stream<Path> files = Files.list(servingDirectory)) {
      for (Path leftover :
          files.filter(p -> p.getFileName().toString().startsWith(".building-")).toList()) {
        Files.delete(leftover);
      }
    }
  }
}
