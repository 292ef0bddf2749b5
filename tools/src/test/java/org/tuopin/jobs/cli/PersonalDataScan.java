package org.tuopin.jobs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where personal values of the landing files turn up in a data folder: every text column of the
 * published file and of every lake table, value by value (compressed Parquet cannot be grepped);
 * any value shaped like an identity number counts too.
 */
final class PersonalDataScan {
  private static final Pattern IDENTITY_NUMBER = Pattern.compile("[1-9][0-9]{16}[0-9Xx]");

  private PersonalDataScan() {}

  /** "published table.column" or "lake table.column" for each column holding one. */
  static List<String> leaks(Path data, Set<String> personal) throws SQLException, IOException {
    List<String> leaks = new ArrayList<>();
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:duckdb:" + data.resolve("serving").resolve("tuopin.duckdb"), readOnly)) {
      for (String[] column :
          columns(
              c,
              "SELECT table_name, column_name FROM information_schema.columns"
                  + " WHERE data_type = 'VARCHAR'")) {
        scan(
            c,
            "SELECT DISTINCT \"" + column[1] + "\" FROM \"" + column[0] + "\"",
            personal,
            leaks,
            "published " + column[0] + "." + column[1]);
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        Stream<Path> tables = Files.list(data.resolve("lake"))) {
      for (Path table : tables.toList()) {
        List<String> files = dataFiles(table);
        if (files.isEmpty()) {
          continue;
        }
        s.execute(
            "CREATE OR REPLACE VIEW t AS SELECT * FROM read_parquet(["
                + String.join(", ", files)
                + "], union_by_name = true)");
        for (String[] column :
            columns(
                c,
                "SELECT table_name, column_name FROM information_schema.columns"
                    + " WHERE table_name = 't' AND data_type = 'VARCHAR'")) {
          scan(
              c,
              "SELECT DISTINCT \"" + column[1] + "\" FROM t",
              personal,
              leaks,
              "lake " + table.getFileName() + "." + column[1]);
        }
      }
    }
    return leaks;
  }

  /** A lake table's data files (not its Delta log's checkpoints), quoted for SQL. */
  private static List<String> dataFiles(Path table) throws IOException {
    try (Stream<Path> files = Files.walk(table)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .filter(p -> !table.relativize(p).startsWith("_delta_log"))
          .map(p -> "'" + p + "'")
          .sorted()
          .toList();
    }
  }

  private static void scan(
      Connection c, String sql, Set<String> personal, List<String> leaks, String where)
      throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        String value = r.getString(1);
        if (value != null
            && (personal.contains(value) || IDENTITY_NUMBER.matcher(value).matches())) {
          leaks.add(where);
          return;
        }
      }
    }
  }

  private static List<String[]> columns(Connection c, String sql) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        columns.add(new String[] {r.getString(1), r.getString(2)});
      }
    }
    return columns;
  }
}
