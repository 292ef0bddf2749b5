package org.tuopin.warehouse;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Binds Parquet files to a typed relation of a DuckDB session, as a view or as copied rows. */
final class Relations {
  private Relations() {}

  /**
   * Makes {@code relation} a view over {@code files}, each column cast to the type the typed
   * (empty) table {@code typedTable} declares, so the published types never depend on what a file
   * holds; a column that none of the files has (they were written before it was added) is NULL.
   * With no files, {@code relation} stays (or becomes) an empty table of that type.
   */
  static void readInPlace(Statement statement, String relation, String typedTable, List<Path> files)
      throws SQLException {
    if (!relation.equals(typedTable)) {
      statement.execute(
          "CREATE TABLE " + relation + " AS SELECT * FROM " + typedTable + " LIMIT 0");
    }
    if (files.isEmpty()) {
      return;
    }
    String columns = castColumns(statement, typedTable, columnsOf(statement, files));
    statement.execute("DROP TABLE " + relation);
    statement.execute(
        "CREATE VIEW " + relation + " AS SELECT " + columns + " FROM " + readParquet(files));
  }

  /**
   * Copies the rows of {@code files} into the existing table {@code table}: its columns, by name (a
   * lake table may have more: fact_allocation's period).
   */
  static void copyInto(Statement statement, String table, List<Path> files) throws SQLException {
    if (!files.isEmpty()) {
      String columns = castColumns(statement, table, columnsOf(statement, files));
      statement.execute(
          "INSERT INTO " + table + " SELECT " + columns + " FROM " + readParquet(files));
    }
  }

  /**
   * A read_parquet of exactly these files; union_by_name: files written before a column was added
   * lack it (NULL there).
   */
  static String readParquet(List<Path> files) {
    String list =
        files.stream()
            .map(f -> "'" + sqlString(f.toString()) + "'")
            .collect(Collectors.joining(", "));
    return "read_parquet([" + list + "], hive_partitioning = false, union_by_name = true)";
  }

  /** The column names the files have between them (their metadata only is read). */
  private static Set<String> columnsOf(Statement statement, List<Path> files) throws SQLException {
    Set<String> names = new HashSet<>();
    try (ResultSet r = statement.executeQuery("DESCRIBE SELECT * FROM " + readParquet(files))) {
      while (r.next()) {
        names.add(r.getString("column_name"));
      }
    }
    return names;
  }

  private static String castColumns(Statement statement, String table, Set<String> present)
      throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet r =
        statement.executeQuery(
            "SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_name = '"
                + sqlString(table)
                + "' AND table_schema = current_schema() ORDER BY ordinal_position")) {
      while (r.next()) {
        String name = "\"" + r.getString(1) + "\"";
        String value = present.contains(r.getString(1)) ? name : "NULL";
        columns.add("CAST(" + value + " AS " + r.getString(2) + ") AS " + name);
      }
    }
    if (columns.isEmpty()) {
      throw new IllegalStateException("No typed table " + table + " to read Parquet files as");
    }
    return String.join(", ", columns);
  }

  static String sqlString(String value) {
    return value.replace("'", "''");
  }
}
