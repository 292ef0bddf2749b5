package org.tuopin.warehouse;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a query result as an aligned table, CSV (RFC 4180) or JSON Lines. CSV and JSON are written
 * row by row as they are read, so a result of any length goes through in little memory; a table
 * must see its rows to align them, so it shows the first {@link #TABLE_ROWS} and says so.
 */
public final class QueryFormatter {
  public enum Format {
    TABLE,
    CSV,
    JSON
  }

  /** The most rows a table shows. */
  public static final int TABLE_ROWS = 10_000;

  private QueryFormatter() {}

  /** Prints the result; returns the rows printed. */
  public static long print(ResultSet result, Format format, PrintStream out) throws SQLException {
    return print(result, format, out, ReadOnlyQueries.Checkpoint.NONE);
  }

  /** The same, calling {@code rowRead} for each row read, before it is printed. */
  public static long print(
      ResultSet result, Format format, PrintStream out, ReadOnlyQueries.Checkpoint rowRead)
      throws SQLException {
    ResultSetMetaData meta = result.getMetaData();
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      names.add(meta.getColumnLabel(i));
    }
    return switch (format) {
      case CSV -> printCsv(names, result, out, rowRead);
      case JSON -> printJson(names, result, meta, out, rowRead);
      case TABLE -> printTable(names, result, out, rowRead);
    };
  }

  private static boolean next(ResultSet result, ReadOnlyQueries.Checkpoint rowRead)
      throws SQLException {
    boolean read = result.next();
    if (read) {
      rowRead.check();
    }
    return read;
  }

  private static List<String> row(ResultSet result, int columns) throws SQLException {
    List<String> row = new ArrayList<>(columns);
    for (int i = 1; i <= columns; i++) {
      Object value = result.getObject(i);
      row.add(value == null ? null : value.toString());
    }
    return row;
  }

  private static long printCsv(
      List<String> names, ResultSet result, PrintStream out, ReadOnlyQueries.Checkpoint rowRead)
      throws SQLException {
    out.println(String.join(",", names.stream().map(QueryFormatter::csvField).toList()));
    long rows = 0;
    while (next(result, rowRead)) {
      out.println(
          String.join(
              ",", row(result, names.size()).stream().map(QueryFormatter::csvField).toList()));
      rows++;
    }
    return rows;
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

  private static long printJson(
      List<String> names,
      ResultSet result,
      ResultSetMetaData meta,
      PrintStream out,
      ReadOnlyQueries.Checkpoint rowRead)
      throws SQLException {
    long rows = 0;
    while (next(result, rowRead)) {
      List<String> row = row(result, names.size());
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
      rows++;
    }
    return rows;
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

  private static long printTable(
      List<String> names, ResultSet result, PrintStream out, ReadOnlyQueries.Checkpoint rowRead)
      throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    boolean more = false;
    while (next(result, rowRead)) {
      if (rows.size() == TABLE_ROWS) {
        more = true;
        break;
      }
      rows.add(row(result, names.size()));
    }
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
    out.println(
        more
            ? "(the first "
                + TABLE_ROWS
                + " rows; there are more: --format csv or json prints them all)"
            : "(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    return rows.size();
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
