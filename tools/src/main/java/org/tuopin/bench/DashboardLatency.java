package org.tuopin.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Latency of each published view under the filters dashboards use (one county and one year, one
 * city and one month), warm: each query runs a few times first, then {@code repeat} times timed.
 * The filter values are taken from the published data (its first county and its city, its latest
 * month).
 */
public final class DashboardLatency {
  public record Result(String name, int rows, double medianMillis, double p95Millis) {}

  private record Filters(String county, String city, Date period, int year) {}

  private DashboardLatency() {}

  public static List<Result> measure(Connection connection, int repeat) throws SQLException {
    Filters f = filters(connection);
    Map<String, Object[]> queries = new LinkedHashMap<>();
    filtered(
        queries,
        "v_poverty_trend",
        "county+year",
        "region_code = ? AND year = ?",
        f.county(),
        f.year());
    filtered(
        queries,
        "v_poverty_trend",
        "city+month",
        "region_code = ? AND period = ?",
        f.city(),
        f.period());
    filtered(
        queries, "v_progress", "county+year", "region_code = ? AND year = ?", f.county(), f.year());
    filtered(
        queries,
        "v_progress",
        "city+month",
        "region_code = ? AND period = ?",
        f.city(),
        f.period());
    filtered(
        queries,
        "v_progress_league",
        "county+year",
        "region_code = ? AND year(period) = ?",
        f.county(),
        f.year());
    filtered(
        queries,
        "v_progress_league",
        "city+month",
        "city_code = ? AND period = ?",
        f.city(),
        f.period());
    filtered(
        queries,
        "v_fund_flow",
        "county+year",
        "region_code = ? AND year = ?",
        f.county(),
        f.year());
    filtered(
        queries, "v_fund_flow", "city+year", "region_code = ? AND year = ?", f.city(), f.year());
    filtered(queries, "v_runs", "month", "period = ?", f.period());
    filtered(queries, "v_data_quality", "month", "period = ?", f.period());
    filtered(
        queries,
        "v_progress_revisions",
        "county+year",
        "region_code = ? AND year = ?",
        f.county(),
        f.year());
    filtered(
        queries,
        "v_submission_completeness",
        "city+month",
        "city_code = ? AND period = ?",
        f.city(),
        f.period());
    filtered(
        queries,
        "v_household_exit_check",
        "county+month",
        "county_code = ? AND period = ?",
        f.county(),
        f.period());
    filtered(
        queries,
        "v_village_exit_check",
        "county+year",
        "county_code = ? AND year = ?",
        f.county(),
        f.year());
    filtered(
        queries,
        "v_county_exit_check",
        "county+year",
        "county_code = ? AND year = ?",
        f.county(),
        f.year());
    filtered(
        queries,
        "v_reconciliation",
        "county+year",
        "county_code = ? AND year = ?",
        f.county(),
        f.year());
    filtered(
        queries,
        "v_idle_funds",
        "county+year",
        "region_code = ? AND year = ?",
        f.county(),
        f.year());
    filtered(
        queries,
        "v_anomalies",
        "county+month",
        "region_code = ? AND period = ?",
        f.county(),
        f.period());
    List<Result> results = new ArrayList<>();
    for (Map.Entry<String, Object[]> q : queries.entrySet()) {
      results.add(time(connection, q.getKey(), q.getValue(), repeat));
    }
    return results;
  }

  /** One dashboard query: every column of {@code view} under a filter, named "view label". */
  private static void filtered(
      Map<String, Object[]> queries,
      String view,
      String label,
      String where,
      Object... parameters) {
    Object[] query = new Object[parameters.length + 1];
    query[0] = "SELECT * FROM " + view + " WHERE " + where;
    System.arraycopy(parameters, 0, query, 1, parameters.length);
    queries.put(view + " " + label, query);
  }

  private static Filters filters(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT h.county_code, r.city_code, h.period FROM (SELECT min(county_code) AS"
                    + " county_code, max(period) AS period FROM fact_household_snapshot) AS h JOIN"
                    + " dim_region AS r ON r.region_code = h.county_code")) {
      if (!r.next()) {
        throw new IllegalStateException(
            "nothing is published: no household snapshot to take dashboard filters from");
      }
      Date period = r.getDate(3);
      return new Filters(r.getString(1), r.getString(2), period, period.toLocalDate().getYear());
    }
  }

  private static Result time(Connection connection, String name, Object[] query, int repeat)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement((String) query[0])) {
      for (int i = 1; i < query.length; i++) {
        statement.setObject(i, query[i]);
      }
      int rows = 0;
      for (int i = 0; i < 3; i++) {
        rows = drain(statement);
      }
      double[] millis = new double[repeat];
      for (int i = 0; i < repeat; i++) {
        long start = System.nanoTime();
        drain(statement);
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
      Arrays.sort(millis);
      return new Result(
          name, rows, millis[(repeat - 1) / 2], millis[(int) Math.ceil(0.95 * repeat) - 1]);
    }
  }

  private static int drain(PreparedStatement statement) throws SQLException {
    int rows = 0;
    try (ResultSet r = statement.executeQuery()) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        for (int c = 1; c <= columns; c++) {
          r.getObject(c);
        }
        rows++;
      }
    }
    return rows;
  }
}
