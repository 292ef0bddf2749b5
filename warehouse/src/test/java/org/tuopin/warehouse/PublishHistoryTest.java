package org.tuopin.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As-of: 苍溪县 reported 20 relocated persons for December 2019, and a week later corrected it to 30.
 * The publish made before the correction still says 20; the current one says 30 with two versions.
 * Only the latest {@code publishRetention} publishes are kept.
 */
class PublishHistoryTest {
  @Test
  void anEarlierPublishStillAnswersWithWhatItSaidWhenARevisionHasBeenLoadedSince(@TempDir Path work)
      throws Exception {
    Path lake = work.resolve("lake");
    Path serving = work.resolve("serving");
    writeReference(lake);
    writeFigure(lake, "part-0", 20, "2020-01-03", 1);
    Publisher publisher =
        new Publisher(
            lake,
            serving,
            new PublishSettings(
                5, List.of(), List.of(), List.of(), 2, 0.5, PublishSettings.Monitoring.DEFAULT));

    int before = publisher.publish(List.of(), List.of());
    writeFigure(lake, "part-1", 30, "2020-01-10", 2);
    int after = publisher.publish(List.of(), List.of());

    PublishHistory history = new PublishHistory(serving);
    assertEquals(List.of(1, 2), List.of(before, after));
    String figure =
        "SELECT cumulative_completed || ' in ' || versions || ' version(s), publish ' || (SELECT"
            + " value FROM setting WHERE name = 'publish_id') FROM v_progress WHERE region_code ="
            + " '510824'";
    assertEquals("20.00 in 1 version(s), publish 1", single(history.file(before), figure));
    assertEquals("30.00 in 2 version(s), publish 2", single(publisher.servingFile(), figure));
    assertEquals("30.00 in 2 version(s), publish 2", single(history.file(after), figure));

    publisher.publish(List.of(), List.of());
    assertEquals(List.of(2, 3), history.ids());
    IllegalArgumentException gone =
        assertThrows(IllegalArgumentException.class, () -> history.file(1));
    assertTrue(gone.getMessage().contains("kept: [2, 3]"), gone.getMessage());
  }

  private static void writeReference(Path lake) throws SQLException, IOException {
    Files.createDirectories(lake.resolve("dim_region").resolve("all"));
    Files.createDirectories(lake.resolve("dim_indicator").resolve("all"));
    execute(
        "COPY (SELECT * FROM (VALUES ('510800', '广元市', 'city', '510000', NULL, '510800', '510000',"
            + " false), ('510824', '苍溪县', 'county', '510800', '510824', '510800', '510000', false))"
            + " AS t(region_code, region_name, region_level, parent_code, county_code, city_code,"
            + " province_code, is_custom)) TO '"
            + lake.resolve("dim_region").resolve("all").resolve("part-0.parquet")
            + "' (FORMAT parquet)");
    execute(
        "COPY (SELECT 'relocation' AS indicator_code, '易地扶贫搬迁' AS indicator_name, '人' AS unit)"
            + " TO '"
            + lake.resolve("dim_indicator").resolve("all").resolve("part-0.parquet")
            + "' (FORMAT parquet)");
  }

  private static void writeFigure(
      Path lake, String part, int completed, String reportedAt, int version) throws Exception {
    Path partition = lake.resolve("fact_progress").resolve("period=2019-12");
    Files.createDirectories(partition);
    execute(
        "COPY (SELECT DATE '2019-12-01' AS period, '510824' AS region_code, 'relocation' AS"
            + " indicator_code, 100::DECIMAL(18,2) AS annual_target, "
            + completed
            + "::DECIMAL(18,2) AS cumulative_completed,"
            + " DATE '"
            + reportedAt
            + "' AS reported_at, "
            + version
            + " AS version)"
            + " TO '"
            + partition.resolve(part + ".parquet")
            + "' (FORMAT parquet)");
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = DuckDb.openInMemory();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String single(Path file, String query) throws SQLException {
    try (Connection c = DuckDb.openReadOnly(file);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(query)) {
      assertTrue(r.next(), "a row");
      return r.getString(1);
    }
  }
}
