package org.tuopin.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** An empty in-memory warehouse with the published schema, and its query results as text rows. */
final class TestWarehouse {
  private TestWarehouse() {}

  static Connection withSchema() throws SQLException {
    Connection connection = DuckDb.openInMemory();
    try (Statement s = connection.createStatement()) {
      for (String ddl : SqlResources.statements("tables/schema.sql")) {
        s.execute(ddl);
      }
    }
    return connection;
  }

  /** Each row as its values joined by {@code |}, NULL as {@code null}. */
  static List<String> rows(Connection connection, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(query)) {
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
