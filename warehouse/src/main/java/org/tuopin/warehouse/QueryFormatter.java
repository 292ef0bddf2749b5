package org.tuopin.warehouse;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Prints a query result as an aligned table, CSV (RFC 4180) or JSON Lines. */
public final class QueryFormatter {
  public enum Format {
    TABLE,
    CSV,
    JSON
  }

  private QueryFormatter() {}

  public static int print(ResultSet result, Format format, PrintStream out) throws SQLException {
    ResultSetMetaData meta = result.getMetaData();
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      names.add(meta.getColumnLabel(i));
    }
    List<List<String>> rows = new ArrayList<>();
    while (result.next()) {
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= names.size(); i++) {
        Object value = result.getObject(i);
        row.add(value == null ? null : value.toString());
      }
      rows.add(row);
    }
    switch (format) {
      case CSV -> printCsv(names, rows, out);
      case JSON -> printJson(names, rows, meta, out);
      case TABLE -> printTable(names, rows, out);
    }
    return rows.size();
  }

  private static void printCsv(List<String> names, List<List<String>> rows, PrintStream out) {
    out.println(String.join(",", names.stream().map(QueryFormatter::csvField).toList()));
    for (List<String> row : rows) {
      out.println(String.join(",", row.stream().map(QueryFormatter::csvField).toList()));
    }
  }

  private static String csvField(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  private static void printJson(
      List<String> names, List<List<String>> rows, ResultSetMetaData meta, PrintStream out)
      throws SQLException {
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder("{");
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          line.append(',');
        }
        line.append(jsonString(names.get(i)))
            .append(':')
            .append(jsonValue(row.get(i), meta.getColumnType(i + 1)));
      }
      out.println(line.append('}'));
    }
  }

  private static String jsonValue(String value, int sqlType) {
    if (value == null) {
      return "null";
    }
    return switch (sqlType) {
      case Types.BIGINT,
          Types.INTEGER,
          Types.SMALLINT,
          Types.TINYINT,
          Types.DOUBLE,
          Types.FLOAT,
          Types.DECIMAL,
          Types.BOOLEAN,
          Types.REAL ->
          value.equals("NaN") || value.contains("Infinity") ? "null" : value;
      default -> jsonString(value);
    };
  }

  private static String jsonString(String value) {
    StringBuilder s = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20) {
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }

  private static void printTable(List<String> names, List<List<String>> rows, PrintStream out) {
    int[] widths = new int[names.size()];
    for (int i = 0; i < names.size(); i++) {
      widths[i] = displayWidth(names.get(i));
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], displayWidth(nullText(row.get(i))));
      }
    }
    out.println(line(names, widths));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
    }
    out.println(rule);
    for (List<String> row : rows) {
      out.println(line(row.stream().map(QueryFormatter::nullText).toList(), widths));
    }
    out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      s.append(i == 0 ? "" : " | ").append(cell).append(" ".repeat(widths[i] - displayWidth(cell)));
    }
    return s.toString().stripTrailing();
  }

  private static String nullText(String value) {
    return value == null ? "NULL" : value;
  }

  /** CJK characters take two columns on a terminal. */
  static int displayWidth(String text) {
    int width = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      width += (c >= 0x2E80 && c <= 0xFFEF) ? 2 : 1;
    }
    return width;
  }
}
