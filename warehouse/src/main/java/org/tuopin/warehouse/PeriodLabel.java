package org.tuopin.warehouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives every published view with a {@code period} (a DATE, the first of the month) the column
 * {@code period_label} right after it: the month as analysts and BI filters write it, '2020-12'.
 * {@code WHERE period = '2020-12'} is a conversion error in DuckDB; {@code WHERE period_label =
 * '2020-12'} is what a new analyst types. Done once here rather than in each view's SQL, so no
 * view can be published without it.
 */
final class PeriodLabel {
  static final String COLUMN = "period_label";
  private static final Pattern VIEW_BODY = Pattern.compile("(?is)\\bCREATE\\s+(?:OR\\s+REPLACE\\s+)?VIEW\\s+\\w+\\s+AS\\s+(.*)");

  private PeriodLabel() {}

  /** The query of a {@code CREATE VIEW name AS query} statement. */
  static String body(String createView) {
    Matcher matcher = VIEW_BODY.matcher(createView);
    if (!matcher.find()) {
      throw new IllegalArgumentException("not a CREATE VIEW statement: " + createView.substring(0, Math.min(80, createView.length())));
    }
    return matcher.group(1);
  }

  /** Redefines {@code view} (whose query is {@code body}) with period_label after period, when it has a DATE period. */
  static void add(Statement statement, String view, String body) throws SQLException {
    List<String> columns = new ArrayList<>();
    boolean datedPeriod = false;
    try (ResultSet described = statement.executeQuery("DESCRIBE " + view)) {
      while (described.next()) {
        String name = described.getString("column_name");
        columns.add(quoted(name));
        if (name.equals("period") && described.getString("column_type").equals("DATE")) {
          columns.add("strftime(period, '%Y-%m') AS " + COLUMN);
          datedPeriod = true;
        }
        if (name.equals(COLUMN)) {
          return;
        }
      }
    }
    if (datedPeriod) {
      statement.execute("CREATE OR REPLACE VIEW " + view + " AS SELECT " + String.join(", ", columns) + " FROM (" + body + ") AS defined");
    }
  }

  private static String quoted(String column) {
    return "\"" + column.replace("\"", "\"\"") + "\"";
  }
}
