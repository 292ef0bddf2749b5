package org.tuopin.warehouse;

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
 * Latency of each published view under the filters dashboards use (one county and one year,
 * one city and one month), warm: each query runs a few times first, then {@code repeat} times
 * timed. The filter values are taken from the published data (its first county and its city,
 * its latest month).
 */
public final class DashboardLatency {
  public record Result(String name, int rows, double medianMillis, double p95Millis) {}

  private record Filters(String county, String city, Date period, int year) {}

  private DashboardLatency() {}

  public static List<Result> measure(Connection connection, int repeat) throws SQLException {
    Filters f = filters(connection);
    Map<String, Object[]> queries = new LinkedHashMap<>();
    queries.put("v_poverty_trend county+year", new Object[] {"SELECT * FROM v_poverty_trend WHERE region_code = ? AND year = ?", f.county(), f.year()});
    queries.put("v_poverty_trend city+month", new Object[] {"SELECT * FROM v_poverty_trend WHERE region_code = ? AND period = ?", f.city(), f.period()});
    queries.put("v_progress county+year", new Object[] {"SELECT * FROM v_progress WHERE region_code = ? AND year = ?", f.county(), f.year()});
    queries.put("v_progress city+month", new Object[] {"SELECT * FROM v_progress WHERE region_code = ? AND period = ?", f.city(), f.period()});
    queries.put("v_progress_league county+year", new Object[] {"SELECT * FROM v_progress_league WHERE region_code = ? AND year(period) = ?", f.county(), f.year()});
    queries.put("v_progress_league city+month", new Object[] {"SELECT * FROM v_progress_league WHERE city_code = ? AND period = ?", f.city(), f.period()});
    queries.put("v_fund_flow county+year", new Object[] {"SELECT * FROM v_fund_flow WHERE region_code = ? AND year = ?", f.county(), f.year()});
    queries.put("v_fund_flow city+year", new Object[] {"SELECT * FROM v_fund_flow WHERE region_code = ? AND year = ?", f.city(), f.year()});
    queries.put("v_runs month", new Object[] {"SELECT * FROM v_runs WHERE period = ?", f.period()});
    queries.put("v_data_quality month", new Object[] {"SELECT * FROM v_data_quality WHERE period = ?", f.period()});
    queries.put("v_progress_revisions county+year", new Object[] {"SELECT * FROM v_progress_revisions WHERE region_code = ? AND year = ?", f.county(), f.year()});
    queries.put("v_submission_completeness city+month", new Object[] {"SELECT * FROM v_submission_completeness WHERE city_code = ? AND period = ?", f.city(), f.period()});
    queries.put("v_household_exit_check county+month", new Object[] {"SELECT * FROM v_household_exit_check WHERE county_code = ? AND period = ?", f.county(), f.period()});
    queries.put("v_village_exit_check county+year", new Object[] {"SELECT * FROM v_village_exit_check WHERE county_code = ? AND year = ?", f.county(), f.year()});
    queries.put("v_county_exit_check county+year", new Object[] {"SELECT * FROM v_county_exit_check WHERE county_code = ? AND year = ?", f.county(), f.year()});
    queries.put("v_reconciliation county+year", new Object[] {"SELECT * FROM v_reconciliation WHERE county_code = ? AND year = ?", f.county(), f.year()});
    queries.put("v_idle_funds county+year", new Object[] {"SELECT * FROM v_idle_funds WHERE region_code = ? AND year = ?", f.county(), f.year()});
    queries.put("v_anomalies county+month", new Object[] {"SELECT * FROM v_anomalies WHERE region_code = ? AND period = ?", f.county(), f.period()});
    List<Result> results = new ArrayList<>();
    for (Map.Entry<String, Object[]> q : queries.entrySet()) {
      results.add(time(connection, q.getKey(), q.getValue(), repeat));
    }
    return results;
  }

  private static Filters filters(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT h.county_code, r.city_code, h.period FROM "
            + "(SELECT min(county_code) AS county_code, max(period) AS period FROM fact_household_snapshot) AS h "
            + "JOIN dim_region AS r ON r.region_code = h.county_code")) {
      if (!r.next()) {
        throw new IllegalStateException("nothing is published: no household snapshot to take dashboard filters from");
      }
      Date period = r.getDate(3);
      return new Filters(r.getString(1), r.getString(2), period, period.toLocalDate().getYear());
    }
  }

  private static Result time(Connection connection, String name, Object[] query, int repeat) throws SQLException {
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
      return new Result(name, rows, millis[(repeat - 1) / 2], millis[(int) Math.ceil(0.95 * repeat) - 1]);
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
