package org.tuopin.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelationsTest {
  private static final String QUERY =
      "SELECT period, household_key, member_count, monitoring_type, monitored_on FROM"
          + " fact_household_snapshot ORDER BY period";

  /**
   * A deployment's lake holds snapshots written before the monitoring columns existed: read with
   * them, their files give NULL there, and a newer file beside them gives its values.
   */
  @Test
  void columnsAFileWasWrittenWithoutReadAsNull(@TempDir Path work) throws Exception {
    Path old = work.resolve("old.parquet");
    Path recent = work.resolve("recent.parquet");
    try (Connection connection = TestWarehouse.withSchema();
        Statement s = connection.createStatement()) {
      s.execute(
          "COPY (SELECT DATE '2020-12-01' AS period, 'h1' AS household_key, 3 AS member_count,"
              + " false AS carried_forward) TO '"
              + old
              + "' (FORMAT parquet)");
      s.execute(
          "COPY (SELECT DATE '2021-06-01' AS period, 'h1' AS household_key, 3 AS member_count,"
              + " '脱贫不稳定户' AS monitoring_type, DATE '2021-05-10' AS monitored_on, false AS"
              + " carried_forward) TO '"
              + recent
              + "' (FORMAT parquet)");
    }
    assertEquals(List.of("2020-12-01|h1|3|null|null"), snapshotRead(List.of(old)));
    assertEquals(
        List.of("2020-12-01|h1|3|null|null", "2021-06-01|h1|3|脱贫不稳定户|2021-05-10"),
        snapshotRead(List.of(old, recent)));
  }

  private static List<String> snapshotRead(List<Path> files) throws SQLException {
    try (Connection connection = TestWarehouse.withSchema();
        Statement s = connection.createStatement()) {
      Relations.readInPlace(s, "fact_household_snapshot", "fact_household_snapshot", files);
      return TestWarehouse.rows(connection, QUERY);
    }
  }
}
