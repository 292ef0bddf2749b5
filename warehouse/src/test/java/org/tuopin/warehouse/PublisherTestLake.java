package org.tuopin.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an in-memory warehouse's lake tables as lake partitions, as Spark's writer lays them out.
 */
final class PublisherTestLake {
  private PublisherTestLake() {}

  static void write(Statement s, Path lake) throws Exception {
    write(s, lake, List.of());
  }

  /**
   * Writes the lake tables of the connection as lake partitions, each a new version; only {@code
   * partitions} when given (every partition otherwise).
   */
  static void write(Statement s, Path lake, List<String> partitions) throws Exception {
    LakeLayout layout = new LakeLayout(lake);
    for (String table : PublishedSchema.LAKE_TABLES) {
      String key =
          table.equals("fact_population")
              ? "'year=' || year"
              : hasPeriod(s, table) ? "'period=' || strftime(period, '%Y-%m')" : "'all'";
      List<String> keys = new ArrayList<>();
      try (ResultSet r =
          s.executeQuery("SELECT DISTINCT " + key + " FROM " + table + " ORDER BY 1")) {
        while (r.next()) {
          keys.add(r.getString(1));
        }
      }
      for (String partition : keys) {
        if (!partitions.isEmpty() && !partitions.contains(partition)) {
          continue;
        }
        Path version = layout.newVersion(table, partition);
        Files.createDirectories(version);
        s.execute(
            "COPY (SELECT * FROM "
                + table
                + " WHERE "
                + key
                + " = '"
                + partition
                + "') TO '"
                + version.resolve("part-00000.parquet")
                + "' (FORMAT parquet)");
        layout.makeCurrent(table, partition, version);
      }
    }
  }

  private static boolean hasPeriod(Statement s, String table) throws SQLException {
    try (ResultSet r =
        s.executeQuery(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = '"
                + table
                + "' AND column_name = 'period'")) {
      r.next();
      return r.getLong(1) > 0;
    }
  }
}
