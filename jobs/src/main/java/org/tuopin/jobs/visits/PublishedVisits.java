package org.tuopin.jobs.visits;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The leads (v_screening_leads) and alerts (v_monitoring_alerts) of one county and period, from the
 * published warehouse, grouped into the households and outside residents to visit. The SQL is the
 * visit list's own query over the published views (docs/cli.md, "visits").
 */
public final class PublishedVisits {
  private static final String REASONS =
      """
      WITH alerts AS (
        SELECT a.*, min(p.period) AS first_period
        FROM v_monitoring_alerts AS a
        JOIN v_monitoring_alerts AS p
          ON p.household_key = a.household_key AND p.reason = a.reason
         AND year(p.period) = year(a.period) AND p.period <= a.period
        WHERE a.county_code = ? AND a.period = ?
        GROUP BY ALL
      )
      SELECT coalesce(l.household_key, l.person_key) AS subject_key, l.registered, l.village_code,
             l.first_flagged_period AS first_period,
             l.department || ' ' || l.category
               || CASE WHEN l.amount_yuan IS NULL THEN ''
                       ELSE ' ' || format('{:,.0f}', l.amount_yuan) || '元' END
               || CASE WHEN l.threshold_yuan IS NULL THEN ''
                       ELSE '（门槛 ' || format('{:,.0f}', l.threshold_yuan) || '元）' END AS reason
      FROM v_screening_leads AS l
      WHERE l.county_code = ? AND l.period = ?
      UNION ALL
      SELECT household_key, true, village_code, first_period,
             CASE reason
               WHEN 'income_below_line' THEN '人均纯收入 ' || format('{:,.0f}', per_capita_income)
                    || '元，低于监测线 ' || format('{:,.0f}', monitoring_line_yuan) || '元'
               WHEN 'income_fell' THEN '人均纯收入 ' || format('{:,.0f}', per_capita_income)
                    || '元，上年同期 ' || format('{:,.0f}', income_year_earlier) || '元'
               ELSE '保障缺失：' || lost_guarantees END
      FROM alerts
      """;
  private static final String PLACES =
      """
      SELECT v.region_code, v.region_name, t.region_name
      FROM dim_region AS v LEFT JOIN dim_region AS t ON t.region_code = v.parent_code
      WHERE v.region_level = 'village' AND v.county_code = ?
      """;

  private PublishedVisits() {}

  /**
   * @param deadlineDay the submission deadline day: a period's leads reach the county then, in the
   *     month after the period
   */
  public static List<VisitSubject> read(
      Connection published, String county, YearMonth period, int deadlineDay) throws SQLException {
    Map<String, String[]> places = places(published, county);
    Map<String, Builder> subjects = new LinkedHashMap<>();
    try (PreparedStatement s = published.prepareStatement(REASONS + " ORDER BY 1, 5")) {
      Date day = Date.valueOf(period.atDay(1));
      s.setString(1, county);
      s.setDate(2, day);
      s.setString(3, county);
      s.setDate(4, day);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String key = r.getString(1);
          Builder b = subjects.get(key);
          if (b == null) {
            b = new Builder(key, r.getBoolean(2), r.getString(3));
            subjects.put(key, b);
          }
          LocalDate flagged =
              YearMonth.from(r.getDate(4).toLocalDate()).plusMonths(1).atDay(deadlineDay);
          b.add(r.getString(5), flagged);
        }
      }
    }
    return subjects.values().stream().map(b -> b.build(places)).toList();
  }

  private static Map<String, String[]> places(Connection published, String county)
      throws SQLException {
    Map<String, String[]> places = new LinkedHashMap<>();
    try (PreparedStatement s = published.prepareStatement(PLACES)) {
      s.setString(1, county);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          places.put(r.getString(1), new String[] {r.getString(2), r.getString(3)});
        }
      }
    }
    return places;
  }

  private static final class Builder {
    private final String key;
    private final boolean registered;
    private final String village;
    private final List<String> reasons = new ArrayList<>();
    private LocalDate flaggedOn;

    Builder(String key, boolean registered, String village) {
      this.key = key;
      this.registered = registered;
      this.village = village;
    }

    void add(String reason, LocalDate flagged) {
      reasons.add(reason);
      flaggedOn = flaggedOn == null || flagged.isBefore(flaggedOn) ? flagged : flaggedOn;
    }

    VisitSubject build(Map<String, String[]> places) {
      String[] place = places.getOrDefault(village, new String[] {village, ""});
      return new VisitSubject(key, registered, place[1], village, place[0], reasons, flaggedOn);
    }
  }
}
