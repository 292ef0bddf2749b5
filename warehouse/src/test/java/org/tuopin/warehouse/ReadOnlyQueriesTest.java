package org.tuopin.warehouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query path reads the published warehouse and nothing else: each kind of statement that could
 * write or read a file, attach another database, change a setting or install an extension is
 * refused, and the pseudonym key and the published files are unchanged after.
 */
class ReadOnlyQueriesTest {
  /** The fixture's lake, published into {@code serving}. */
  private static Publisher publish(Path lake, Path serving) throws Exception {
    try (Connection c = TestWarehouse.withSchema();
        Statement s = c.createStatement()) {
      HistoryViewsTest.insertFixture(s);
      PublisherTestLake.write(s, lake);
    }
    Publisher publisher =
        new Publisher(
            lake,
            serving,
            new PublishSettings(
                5, List.of(), List.of(), List.of(), 36, 0.5, PublishSettings.Monitoring.DEFAULT));
    publisher.publish(List.of(), List.of());
    return publisher;
  }

  /**
   * A spill limit of 0 spills nothing: the query that needs more memory stops, naming the memory
   * limit. (DuckDB reads a max_temp_directory_size of 0 as no limit; given that, this query spilled
   * and finished, and a larger one filled the disk.)
   */
  @Test
  void aSpillLimitOfZeroSpillsNothing(@TempDir Path work) throws Exception {
    Publisher publisher = publish(work.resolve("lake"), work.resolve("serving"));
    QueryLimits limits = new QueryLimits(64, 0, 120, 10);
    try (Connection c = ReadOnlyQueries.open(publisher.servingFile(), limits);
        Statement s = c.createStatement()) {
      ReadOnlyQueries.LimitReached stopped =
          assertThrows(
              ReadOnlyQueries.LimitReached.class,
              () ->
                  ReadOnlyQueries.runWithin(
                      s,
                      limits,
                      timeLeft -> s.execute("SELECT count(DISTINCT range) FROM range(20000000)")));
      assertTrue(
          stopped.getMessage().startsWith("the query needs more than 64 MB of memory"),
          stopped.getMessage());
    }
    // nor did DuckDB fall back to its default folder beside the database file
    assertFalse(Files.exists(Path.of(publisher.servingFile() + ".tmp")));
  }

  @Test
  void onlyOneSelectOverThePublishedWarehouseRuns(@TempDir Path work) throws Exception {
    Path lake = work.resolve("lake");
    Path serving = work.resolve("serving");
    Path restricted = Files.createDirectories(work.resolve("restricted"));
    Path key = Files.writeString(restricted.resolve("pseudonym.key"), "secret-key\n");
    Publisher publisher = publish(lake, serving);
    Path kept = new PublishHistory(serving).file(1);
    byte[] keyBefore = Files.readAllBytes(key);
    byte[] publishedBefore = Files.readAllBytes(publisher.servingFile());
    byte[] keptBefore = Files.readAllBytes(kept);

    try (Connection c = ReadOnlyQueries.open(publisher.servingFile())) {
      // the household views read their Parquet files in place: allowed, and only those folders.
      // 16 rows sent in four months, and December's 6 households carried into January
      assertEquals(
          List.of("22"), TestWarehouse.rows(c, "SELECT count(*) FROM fact_household_snapshot"));
      assertEquals(List.of("13"), TestWarehouse.rows(c, "SELECT count(*) FROM dim_household"));
      for (String statement :
          List.of(
              "COPY (SELECT 'x') TO '" + key + "'",
              "COPY (SELECT 1) TO '" + publisher.servingFile() + "'",
              "ATTACH '" + kept + "' AS o (READ_WRITE)",
              "INSTALL httpfs",
              "SET enable_external_access = true",
              "SET autoinstall_known_extensions = true",
              "SELECT 1; SELECT 2",
              "UPDATE dim_region SET region_name = 'x'",
              "CREATE TABLE t AS SELECT 1")) {
        ReadOnlyQueries.RefusedStatement refused =
            assertThrows(
                ReadOnlyQueries.RefusedStatement.class,
                () -> ReadOnlyQueries.requireOneSelect(c, statement),
                statement);
        assertTrue(
            refused.getMessage().startsWith("only one SELECT is accepted"), refused.getMessage());
        assertEquals(1, refused.getMessage().lines().count(), refused.getMessage());
      }
      // a PIVOT that lists its values is one SELECT; without the list DuckDB runs two statements
      String pivot =
          "PIVOT (SELECT region_level FROM dim_region) ON region_level IN ('village', 'county')"
              + " USING count(*)";
      ReadOnlyQueries.requireOneSelect(c, pivot);
      assertEquals(List.of("2"), TestWarehouse.rows(c, "SELECT village FROM (" + pivot + ")"));
      ReadOnlyQueries.RefusedStatement dynamicPivot =
          assertThrows(
              ReadOnlyQueries.RefusedStatement.class,
              () ->
                  ReadOnlyQueries.requireOneSelect(
                      c, "PIVOT dim_region ON region_level USING count(*)"));
      assertTrue(dynamicPivot.getMessage().contains("IN ('a', 'b')"), dynamicPivot.getMessage());
      for (String select :
          List.of(
              "SELECT content FROM read_text('" + key + "')",
              "SELECT * FROM read_csv('" + key + "')",
              "SELECT * FROM read_parquet('" + restricted + "/*.parquet')")) {
        ReadOnlyQueries.requireOneSelect(c, select);
        SQLException e =
            assertThrows(SQLException.class, () -> TestWarehouse.rows(c, select), select);
        assertTrue(
            e.getMessage().contains("disabled by configuration")
                || e.getMessage().contains("Permission"),
            e.getMessage());
      }
      try (Statement s = c.createStatement()) {
        SQLException locked =
            assertThrows(SQLException.class, () -> s.execute("SET enable_external_access = true"));
        assertTrue(locked.getMessage().toLowerCase().contains("lock"), locked.getMessage());
      }
    }
    assertArrayEquals(keyBefore, Files.readAllBytes(key));
    assertArrayEquals(publishedBefore, Files.readAllBytes(publisher.servingFile()));
    assertArrayEquals(keptBefore, Files.readAllBytes(kept));
  }
}
