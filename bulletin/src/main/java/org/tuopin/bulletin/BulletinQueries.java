package org.tuopin.bulletin;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tuopin.bulletin.BulletinContent.Completeness;
import org.tuopin.bulletin.BulletinContent.Figure;
import org.tuopin.bulletin.BulletinContent.FundFlow;
import org.tuopin.bulletin.BulletinContent.IdleFunds;
import org.tuopin.bulletin.BulletinContent.Incidence;
import org.tuopin.bulletin.BulletinContent.IndicatorProgress;
import org.tuopin.bulletin.BulletinContent.LeagueEntry;
import org.tuopin.bulletin.BulletinContent.Monitoring;
import org.tuopin.bulletin.BulletinContent.MonitoringCounts;
import org.tuopin.bulletin.BulletinContent.MonthlyAtRisk;
import org.tuopin.bulletin.BulletinContent.Region;
import org.tuopin.bulletin.BulletinContent.Screening;
import org.tuopin.bulletin.BulletinContent.ScreeningCounts;

/**
 * Reads a bulletin's content from the published views and tables (a read-only connection). Each
 * figure comes from the view that defines it (v_progress, v_progress_league,
 * v_submission_completeness, v_idle_funds, v_poverty_trend); the fund sheet sums the fund facts up
 * to the period's end, since v_fund_flow counts a whole year.
 */
final class BulletinQueries {
  private final Connection connection;
  private final String cityCode;
  private final YearMonth period;
  private final double tolerancePoints;

  /**
   * @param tolerancePoints how far below 序时进度 a rate is still within it (conf bulletin)
   */
  BulletinQueries(
      Connection connection, String cityCode, YearMonth period, double tolerancePoints) {
    this.connection = connection;
    this.cityCode = cityCode;
    this.period = period;
    this.tolerancePoints = tolerancePoints;
  }

  /** The cities with a unit's progress figure in the period, by code. */
  static List<String> citiesWithProgress(Connection connection, YearMonth period)
      throws SQLException {
    List<String> cities = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT DISTINCT r.city_code FROM fact_progress AS p JOIN dim_region AS r USING"
                + " (region_code) WHERE p.period = ? AND r.region_level = 'county' AND r.city_code"
                + " IS NOT NULL ORDER BY 1")) {
      query.setDate(1, firstDay(period));
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          cities.add(r.getString(1));
        }
      }
    }
    return cities;
  }

  BulletinContent load() throws SQLException {
    Region city =
        city()
            .orElseThrow(
                () -> new IllegalArgumentException("no city " + cityCode + " in dim_region"));
    List<Region> units = units();
    if (units.isEmpty()) {
      throw new IllegalArgumentException(
          "no unit of "
              + city.name()
              + " ("
              + cityCode
              + ") sent a progress figure in "
              + period.getYear());
    }
    return new BulletinContent(
        city,
        period,
        issueNumber(),
        Schedule.of(period, tolerancePoints),
        units,
        progress(),
        league(),
        completeness(),
        funds(),
        idleFunds(),
        incidence(),
        monitored() ? monitoring(city) : null);
  }

  private Optional<Region> city() throws SQLException {
    List<Region> found =
        list(
            "SELECT region_code, region_name FROM dim_region WHERE region_code = ? AND region_level"
                + " = 'city'",
            r -> new Region(r.getString(1), r.getString(2)),
            cityCode);
    return found.stream().findFirst();
  }

  /** 第N期: the months of the year up to the period in which the city's units sent figures. */
  private int issueNumber() throws SQLException {
    return list(
            "SELECT count(DISTINCT p.period) FROM fact_progress AS p JOIN dim_region AS r USING"
                + " (region_code) WHERE r.city_code = ? AND r.region_level = 'county' AND"
                + " year(p.period) = ? AND p.period <= ?",
            r -> r.getInt(1),
            cityCode,
            period.getYear(),
            firstDay(period))
        .get(0);
  }

  /** Whether the period's year has a monitoring line (防止返贫监测, from 2021). */
  private boolean monitored() throws SQLException {
    return list(
                "SELECT count(*) FROM monitoring_line WHERE year <= ?",
                r -> r.getLong(1),
                period.getYear())
            .get(0)
        > 0;
  }

  private Monitoring monitoring(Region city) throws SQLException {
    String counts =
        "SELECT m.region_code, m.region_name, m.monitored_households, m.monitored_persons,"
            + " m.unstable_households, m.edge_households, m.hardship_households,"
            + " m.newly_monitored_households, m.eliminated_households, m.at_risk_households";
    record CountyAlerts(String county, long[] byReason) {}
    Map<String, long[]> alerts = new LinkedHashMap<>();
    for (CountyAlerts row :
        list(
            "SELECT county_code, count(DISTINCT household_key) FILTER (WHERE reason ="
                + " 'income_below_line'), count(DISTINCT household_key) FILTER (WHERE reason ="
                + " 'income_fell'), count(DISTINCT household_key) FILTER (WHERE reason ="
                + " 'guarantee_lost') FROM v_monitoring_alerts WHERE period = ? AND county_code IN"
                + " (SELECT region_code FROM dim_region WHERE city_code = ?) GROUP BY county_code",
            r ->
                new CountyAlerts(
                    r.getString(1), new long[] {r.getLong(2), r.getLong(3), r.getLong(4)}),
            firstDay(period),
            cityCode)) {
      alerts.put(row.county(), row.byReason());
    }
    List<MonitoringCounts> counties =
        list(
            counts
                + " FROM v_monitoring AS m JOIN dim_region AS r USING (region_code) WHERE m.period"
                + " = ? AND r.city_code = ? AND r.region_level = 'county' ORDER BY m.region_code",
            r -> monitoringCounts(r, alerts.getOrDefault(r.getString(1), new long[3])),
            firstDay(period),
            cityCode);
    long[] cityAlerts = new long[3];
    alerts.values().forEach(a -> Arrays.setAll(cityAlerts, i -> cityAlerts[i] + a[i]));
    MonitoringCounts cityCounts =
        list(
                counts + " FROM v_monitoring AS m WHERE m.period = ? AND m.region_code = ?",
                r -> monitoringCounts(r, cityAlerts),
                firstDay(period),
                cityCode)
            .stream()
            .findFirst()
            .orElse(
                new MonitoringCounts(
                    city, 0, 0, 0, 0, 0, 0, 0, 0, cityAlerts[0], cityAlerts[1], cityAlerts[2]));
    List<MonthlyAtRisk> months =
        list(
            "SELECT period, at_risk_households FROM v_monitoring WHERE region_code = ? AND year ="
                + " ? AND period <= ? ORDER BY period",
            r -> new MonthlyAtRisk(YearMonth.from(r.getDate(1).toLocalDate()), r.getLong(2)),
            cityCode,
            period.getYear(),
            firstDay(period));
    return new Monitoring(counties, cityCounts, months, screening(city));
  }

  /** The period's leads per county and department, and the year's follow-up so far. */
  private Screening screening(Region city) throws SQLException {
    record Leads(Region county, String department, long leads, long newLeads) {}
    record Followup(Region county, long raised, long visited, long onTime, long overdue) {}
    List<String> departments =
        list(
            "SELECT department FROM screening_category GROUP BY department ORDER BY min(rowid)",
            r -> r.getString(1));
    int d = departments.size();
    Map<Region, long[]> byCounty = new TreeMap<>(Comparator.comparing(Region::code));
    for (Leads row :
        list(
            "SELECT l.county_code, r.region_name, l.department, count(*), count(*) FILTER (WHERE"
                + " l.first_flagged_period = l.period) FROM v_screening_leads AS l JOIN dim_region"
                + " AS r ON r.region_code = l.county_code WHERE l.period = ? AND r.city_code = ?"
                + " GROUP BY ALL",
            r ->
                new Leads(
                    new Region(r.getString(1), r.getString(2)),
                    r.getString(3),
                    r.getLong(4),
                    r.getLong(5)),
            firstDay(period),
            cityCode)) {
      long[] c = byCounty.computeIfAbsent(row.county(), k -> new long[d + 6]);
      c[departments.indexOf(row.department())] += row.leads();
      c[d] += row.leads();
      c[d + 1] += row.newLeads();
    }
    for (Followup row :
        list(
            "SELECT f.county_code, f.county_name, sum(f.leads_raised + f.alerts_raised),"
                + " sum(f.visited), sum(f.on_time), sum(f.overdue) FROM v_alert_followup_by_county"
                + " AS f JOIN dim_region AS r ON r.region_code = f.county_code WHERE year(f.period)"
                + " = ? AND f.period <= ? AND r.city_code = ? GROUP BY ALL",
            r ->
                new Followup(
                    new Region(r.getString(1), r.getString(2)),
                    r.getLong(3),
                    r.getLong(4),
                    r.getLong(5),
                    r.getLong(6)),
            period.getYear(),
            firstDay(period),
            cityCode)) {
      long[] c = byCounty.computeIfAbsent(row.county(), k -> new long[d + 6]);
      c[d + 2] = row.raised();
      c[d + 3] = row.visited();
      c[d + 4] = row.onTime();
      c[d + 5] = row.overdue();
    }
    long[] total = new long[d + 6];
    List<ScreeningCounts> counties = new ArrayList<>();
    byCounty.forEach(
        (county, c) -> {
          Arrays.setAll(total, i -> total[i] + c[i]);
          counties.add(screeningCounts(county, c, d));
        });
    return new Screening(departments, counties, screeningCounts(city, total, d));
  }

  private static ScreeningCounts screeningCounts(Region region, long[] c, int departments) {
    List<Long> byDepartment = new ArrayList<>();
    for (int i = 0; i < departments; i++) {
      byDepartment.add(c[i]);
    }
    return new ScreeningCounts(
        region,
        byDepartment,
        c[departments],
        c[departments + 1],
        c[departments + 2],
        c[departments + 3],
        c[departments + 4],
        c[departments + 5]);
  }

  private static MonitoringCounts monitoringCounts(ResultSet r, long[] alerts) throws SQLException {
    return new MonitoringCounts(
        new Region(r.getString(1), r.getString(2)),
        r.getLong(3),
        r.getLong(4),
        r.getLong(5),
        r.getLong(6),
        r.getLong(7),
        r.getLong(8),
        r.getLong(9),
        r.getLong(10),
        alerts[0],
        alerts[1],
        alerts[2]);
  }

  private List<Region> units() throws SQLException {
    return list(
        "SELECT DISTINCT p.region_code, r.region_name FROM fact_progress AS p JOIN dim_region AS r"
            + " USING (region_code) WHERE r.city_code = ? AND r.region_level = 'county' AND"
            + " year(p.period) = ? ORDER BY 1",
        r -> new Region(r.getString(1), r.getString(2)),
        cityCode,
        period.getYear());
  }

  private List<IndicatorProgress> progress() throws SQLException {
    record Line(String regionCode, String indicatorCode, String name, String unit, Figure figure) {}
    List<Line> lines =
        list(
            "SELECT p.region_code, p.indicator_code, i.indicator_name, i.unit, p.annual_target,"
                + " p.cumulative_completed, p.completion_rate FROM v_progress AS p JOIN"
                + " dim_indicator AS i USING (indicator_code) JOIN dim_region AS r ON r.region_code"
                + " = p.region_code WHERE p.period = ? AND r.city_code = ? AND p.region_level IN"
                + " ('county', 'city') ORDER BY p.indicator_code",
            r ->
                new Line(
                    r.getString(1),
                    r.getString(2),
                    r.getString(3),
                    r.getString(4),
                    new Figure(r.getBigDecimal(5), r.getBigDecimal(6), nullableDouble(r, 7))),
            firstDay(period),
            cityCode);
    Map<String, List<Line>> byIndicator = new LinkedHashMap<>();
    lines.forEach(
        line ->
            byIndicator.computeIfAbsent(line.indicatorCode(), c -> new ArrayList<>()).add(line));
    List<IndicatorProgress> progress = new ArrayList<>();
    for (List<Line> indicator : byIndicator.values()) {
      Map<String, Figure> byUnit = new LinkedHashMap<>();
      Figure total = null;
      for (Line line : indicator) {
        if (line.regionCode().equals(cityCode)) {
          total = line.figure();
        } else {
          byUnit.put(line.regionCode(), line.figure());
        }
      }
      Line first = indicator.get(0);
      progress.add(
          new IndicatorProgress(first.indicatorCode(), first.name(), first.unit(), byUnit, total));
    }
    return progress;
  }

  private List<LeagueEntry> league() throws SQLException {
    return list(
        "SELECT region_code, region_name, indicators_scored, city_indicators, score, bulletin_rank,"
            + " rank_change, is_ranked_in_bulletin FROM v_progress_league WHERE period = ? AND"
            + " city_code = ? ORDER BY bulletin_rank NULLS LAST, score DESC NULLS LAST,"
            + " region_code",
        r ->
            new LeagueEntry(
                new Region(r.getString(1), r.getString(2)),
                r.getInt(3),
                r.getInt(4),
                nullableDouble(r, 5),
                nullableInt(r, 6),
                nullableInt(r, 7),
                r.getBoolean(8)),
        firstDay(period),
        cityCode);
  }

  private List<Completeness> completeness() throws SQLException {
    return list(
        "SELECT region_code, region_name, deadline, received, first_reported_at, on_time,"
            + " indicators_reported FROM v_submission_completeness WHERE period = ? AND city_code ="
            + " ? ORDER BY region_code",
        r ->
            new Completeness(
                new Region(r.getString(1), r.getString(2)),
                localDate(r, 3),
                r.getBoolean(4),
                localDate(r, 5),
                r.getBoolean(6),
                r.getInt(7)),
        firstDay(period),
        cityCode);
  }

  private List<FundFlow> funds() throws SQLException {
    String cityRegions = "SELECT region_code FROM dim_region WHERE city_code = ?";
    return list(
        "WITH allocated AS (SELECT fund_source, sum(amount_yuan) AS yuan FROM fact_allocation"
            + "   WHERE year = ? AND region_code IN ("
            + cityRegions
            + ") GROUP BY fund_source),"
            + " paid AS (SELECT fund_source, sum(amount_yuan) AS yuan FROM fact_disbursement"
            + "   WHERE period BETWEEN ? AND ? AND region_code IN ("
            + cityRegions
            + ") GROUP BY fund_source) SELECT s.fund_source, s.fund_source_name, coalesce(a.yuan,"
            + " 0), coalesce(p.yuan, 0) FROM dim_fund_source AS s LEFT JOIN allocated AS a USING"
            + " (fund_source) LEFT JOIN paid AS p USING (fund_source) WHERE a.yuan IS NOT NULL OR"
            + " p.yuan IS NOT NULL ORDER BY s.fund_source",
        r -> new FundFlow(r.getString(1), r.getString(2), r.getBigDecimal(3), r.getBigDecimal(4)),
        period.getYear(),
        cityCode,
        firstDay(YearMonth.of(period.getYear(), 1)),
        firstDay(period),
        cityCode);
  }

  private List<IdleFunds> idleFunds() throws SQLException {
    return list(
        "SELECT s.fund_source_name, f.age_bucket, count(*), sum(f.idle_yuan) FROM v_idle_funds AS f"
            + " JOIN dim_fund_source AS s USING (fund_source) JOIN dim_region AS r ON r.region_code"
            + " = f.region_code WHERE r.city_code = ? AND f.idle_yuan > 0 GROUP BY"
            + " s.fund_source_name, f.age_bucket ORDER BY s.fund_source_name, CASE f.age_bucket"
            + " WHEN 'under 6 months' THEN 1 WHEN '6-12 months' THEN 2 ELSE 3 END",
        r -> new IdleFunds(r.getString(1), r.getString(2), r.getInt(3), r.getBigDecimal(4)),
        cityCode);
  }

  private List<Incidence> incidence() throws SQLException {
    return list(
        "SELECT year, period, region_code, region_name, poor_households, poor_persons,"
            + " incidence_rate FROM v_poverty_trend WHERE period <= ? AND (region_code = ? OR"
            + " (region_level = 'county' AND region_code IN   (SELECT region_code FROM dim_region"
            + " WHERE city_code = ?))) QUALIFY period = max(period) OVER (PARTITION BY year) ORDER"
            + " BY region_code = ? DESC, region_code, year",
        r ->
            new Incidence(
                r.getInt(1),
                localDate(r, 2),
                new Region(r.getString(3), r.getString(4)),
                r.getLong(5),
                r.getLong(6),
                nullableDouble(r, 7)),
        firstDay(period),
        cityCode,
        cityCode,
        cityCode);
  }

  /** Maps one result row. */
  private interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      List<T> rows = new ArrayList<>();
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          rows.add(mapper.map(r));
        }
      }
      return rows;
    }
  }

  private static Date firstDay(YearMonth month) {
    return Date.valueOf(month.atDay(1));
  }

  private static Double nullableDouble(ResultSet r, int column) throws SQLException {
    double value = r.getDouble(column);
    return r.wasNull() ? null : value;
  }

  private static Integer nullableInt(ResultSet r, int column) throws SQLException {
    int value = r.getInt(column);
    return r.wasNull() ? null : value;
  }

  private static LocalDate localDate(ResultSet r, int column) throws SQLException {
    Date value = r.getDate(column);
    return value == null ? null : value.toLocalDate();
  }
}
