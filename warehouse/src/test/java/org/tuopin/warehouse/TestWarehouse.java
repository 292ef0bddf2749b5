package org.tuopin.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.tuopin.warehouse.Derivation.Grain;

/** An empty in-memory warehouse with the published schema, and its query results as text rows. */
final class TestWarehouse {
  private TestWarehouse() {}

  static Connection withSchema() throws SQLException {
    Connection connection = DuckDb.openInMemory();
    try (Statement s = connection.createStatement()) {
      PublishedSchema.createTypedTables(s);
    }
    return connection;
  }

  /**
   * Defines every view over the tables as they are, and fills the derived tables from them by
   * running each derivation's query period by period over the whole tables (not the files of a
   * publish): the definitions themselves, which PublisherTest checks a publish agrees with. The
   * per-period views stay plain views here, so a test may change a table and query again.
   */
  static void deriveAndDefineViews(Statement s) throws SQLException {
    for (String table : PublishedSchema.DERIVED_AT_PUBLISH) {
      s.execute(
          PublishedSchema.withoutFinalSemicolon(SqlResources.read("tables/" + table + ".sql"))
              .replaceFirst("CREATE TABLE", "CREATE OR REPLACE TABLE"));
    }
    for (String view : PublishedSchema.VIEWS) {
      s.execute(
          PublishedSchema.viewDefinition(view)
              .replaceFirst("CREATE VIEW", "CREATE OR REPLACE VIEW"));
    }
    for (String period :
        values(
            s, "SELECT DISTINCT CAST(period AS VARCHAR) FROM fact_household_snapshot ORDER BY 1")) {
      s.execute("SET VARIABLE period = DATE '" + period + "'");
      s.execute(
          "CREATE OR REPLACE TABLE previous_household_state AS SELECT * FROM household_state");
      for (Derivation d : PublishedSchema.DERIVATIONS) {
        if (d.grain() == Grain.PERIOD && !d.table().startsWith("agg_")) {
          derive(s, d);
        }
      }
    }
    for (String year :
        values(
            s,
            "SELECT DISTINCT CAST(year(period) AS VARCHAR) FROM fact_household_snapshot ORDER"
                + " BY 1")) {
      s.execute("SET VARIABLE year = " + year);
      for (Derivation d : PublishedSchema.DERIVATIONS) {
        if (d.grain() == Grain.YEAR) {
          derive(s, d);
        }
      }
    }
    s.execute("DROP TABLE IF EXISTS previous_household_state");
  }

  /**
   * household_state holds one period's state; the other derived tables gather every period's rows.
   */
  private static void derive(Statement s, Derivation d) throws SQLException {
    String query =
        PublishedSchema.withoutFinalSemicolon(SqlResources.read("derived/" + d.sqlFile()));
    if (d.table().equals(PublishedSchema.HOUSEHOLD_STATE)) {
      s.execute("CREATE OR REPLACE TEMP TABLE next_household_state AS " + query);
      s.execute("DELETE FROM household_state");
      s.execute("INSERT INTO household_state BY NAME SELECT * FROM next_household_state");
    } else {
      s.execute("INSERT INTO " + d.table() + " BY NAME " + query);
    }
  }

  private static List<String> values(Statement s, String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet r = s.executeQuery(query)) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    }
    return values;
  }

  /** Each row as its values joined by {@code |}, NULL as {@code null}. */
  static List<String> rows(Connection connection, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(query)) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(String.valueOf(r.getObject(i)));
        }
        rows.add(String.join("|", row));
      }
    }
    return rows;
  }
}
