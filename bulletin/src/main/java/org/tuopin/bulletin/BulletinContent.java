package org.tuopin.bulletin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything one city's bulletin shows for one month, read from the published warehouse: no
 * household-level row and no pseudonym, and nothing below the county (so the small-cell rule, no
 * figure of fewer than 5 households at village level, has nothing to suppress).
 *
 * @param city the city (a region of level city)
 * @param period the bulletin's month (截至 its end)
 * @param issueNumber 第N期: the months of the period's year, up to the period, with the city's
 *     progress figures (in a complete year, the month's number)
 * @param schedule 序时进度 and the tolerance the rates are coloured by
 * @param units the city's reporting units (county level) that sent figures in the period's year
 * @param progress one entry per indicator with a figure in the city that month
 * @param league the units' league (大比武) that month, ranked units first
 * @param completeness whether each expected unit reported that month, and on time
 * @param funds by fund source: allocated in the year, paid from January to the period's end
 * @param idleFunds money approved and not spent, by fund source and age
 * @param incidence per unit and the city, per year up to the period (its last month ≤ period)
 * @param monitoring return-to-poverty monitoring (防止返贫动态监测), for a period with a monitoring line;
 *     null before
 */
public record BulletinContent(
    Region city,
    YearMonth period,
    int issueNumber,
    Schedule schedule,
    List<Region> units,
    List<IndicatorProgress> progress,
    List<LeagueEntry> league,
    List<Completeness> completeness,
    List<FundFlow> funds,
    List<IdleFunds> idleFunds,
    List<Incidence> incidence,
    Monitoring monitoring) {

  public record Region(String code, String name) {}

  /** A unit's (or the city's) figures for one indicator; rate null where the target is 0. */
  public record Figure(BigDecimal target, BigDecimal completed, Double rate) {}

  /** One indicator's block of the progress table. */
  public record IndicatorProgress(
      String code, String name, String unit, Map<String, Figure> byUnitCode, Figure cityTotal) {}

  /** A unit's line of the league; rank null when it is not ranked in the bulletin. */
  public record LeagueEntry(
      Region unit,
      int indicatorsScored,
      int cityIndicators,
      Double score,
      Integer rank,
      Integer rankChange,
      boolean ranked) {

    /** Why an unranked unit is not ranked. */
    public String reason() {
      if (score == null) {
        return "未分配任务（无年度任务大于0的指标）";
      }
      return "仅" + indicatorsScored + "项指标有任务（全市" + cityIndicators + "项），不足参评比例";
    }
  }

  public record Completeness(
      Region unit,
      LocalDate deadline,
      boolean received,
      LocalDate firstReportedAt,
      boolean onTime,
      int indicatorsReported) {}

  public record FundFlow(
      String fundSource, String fundSourceName, BigDecimal allocatedYuan, BigDecimal paidYuan) {
    /** 100 × paid / allocated; null when nothing was allocated. */
    public Double rate() {
      return allocatedYuan.signum() == 0
          ? null
          : 100.0 * paidYuan.doubleValue() / allocatedYuan.doubleValue();
    }
  }

  public record IdleFunds(
      String fundSourceName, String ageBucket, int allocations, BigDecimal idleYuan) {}

  public record Incidence(
      int year,
      LocalDate period,
      Region region,
      long poorHouseholds,
      long poorPersons,
      Double incidenceRate) {}

  /**
   * One county's (or the city's) monitoring in the period: v_monitoring's counts, and the screening
   * alerts (v_monitoring_alerts) by reason, each household counted once per reason.
   */
  public record MonitoringCounts(
      Region region,
      long monitoredHouseholds,
      long monitoredPersons,
      long unstableHouseholds,
      long edgeHouseholds,
      long hardshipHouseholds,
      long newlyMonitored,
      long eliminated,
      long atRisk,
      long alertsIncomeBelowLine,
      long alertsIncomeFell,
      long alertsGuaranteeLost) {
    public long alertedHouseholds() {
      return alertsIncomeBelowLine + alertsIncomeFell + alertsGuaranteeLost;
    }

    /** The counts in the order of the monitoring table's columns (after the region). */
    long[] columns() {
      return new long[] {
        monitoredHouseholds,
        monitoredPersons,
        unstableHouseholds,
        edgeHouseholds,
        hardshipHouseholds,
        newlyMonitored,
        eliminated,
        atRisk,
        alertsIncomeBelowLine,
        alertsIncomeFell,
        alertsGuaranteeLost
      };
    }
  }

  /** The city's households at risk at the end of a month of the period's year. */
  public record MonthlyAtRisk(YearMonth month, long atRisk) {}

  /**
   * @param counties the city's counties with monitored households or alerts, by code
   * @param city the city's own figures
   * @param atRiskByMonth the city's households at risk per month of the year, up to the period
   * @param screening the departments' leads and the visits (部门筛查预警, 入户核实)
   */
  public record Monitoring(
      List<MonitoringCounts> counties,
      MonitoringCounts city,
      List<MonthlyAtRisk> atRiskByMonth,
      Screening screening) {}

  /**
   * One county's (or the city's) screening: the period's leads (v_screening_leads) per department
   * and those new in it, and the year's leads and alerts so far (v_alert_followup_by_county):
   * raised, visited, visited on time, overdue.
   */
  public record ScreeningCounts(
      Region region,
      List<Long> leadsByDepartment,
      long leads,
      long newLeads,
      long raisedThisYear,
      long visited,
      long onTime,
      long overdue) {
    public ScreeningCounts {
      leadsByDepartment = List.copyOf(leadsByDepartment);
    }

    /** The counts in the order of the screening table's columns (after the region). */
    List<Long> columns() {
      List<Long> columns = new ArrayList<>(leadsByDepartment);
      columns.addAll(List.of(leads, newLeads, raisedThisYear, visited, onTime, overdue));
      return columns;
    }
  }

  /**
   * @param departments the departments of conf screening, in its order: the first columns
   */
  public record Screening(
      List<String> departments, List<ScreeningCounts> counties, ScreeningCounts city) {
    public Screening {
      departments = List.copyOf(departments);
      counties = List.copyOf(counties);
    }

    /** The table's column names after the region. */
    public List<String> columnNames() {
      List<String> names = new ArrayList<>();
      departments.forEach(d -> names.add("线索：" + d));
      names.addAll(List.of("本月线索合计", "其中本月新增", "今年以来预警", "已入户核实", "按时核实", "逾期"));
      return names;
    }
  }

  /** The years of {@link #incidence}, in order. */
  public SortedSet<Integer> incidenceYears() {
    SortedSet<Integer> years = new TreeSet<>();
    incidence.forEach(i -> years.add(i.year()));
    return years;
  }

  /** {@link #incidence} by region name (the city first, as queried), then by year. */
  public Map<String, Map<Integer, Incidence>> incidenceByRegion() {
    Map<String, Map<Integer, Incidence>> byRegion = new LinkedHashMap<>();
    incidence.forEach(
        i -> byRegion.computeIfAbsent(i.region().name(), n -> new TreeMap<>()).put(i.year(), i));
    return byRegion;
  }

  /** The bulletin's title: 广元市2021年12月脱贫攻坚战报. */
  public String title() {
    return city.name()
        + period.getYear()
        + "年"
        + period.getMonthValue()
        + "月"
        + (monitoring == null ? "脱贫攻坚" : "巩固拓展脱贫攻坚成果")
        + "战报";
  }

  /** 第12期. */
  public String issueText() {
    return "第" + issueNumber + "期";
  }

  /** The period as offices write it: 截至2020年12月底. */
  public String asOfText() {
    return "截至" + period.getYear() + "年" + period.getMonthValue() + "月底";
  }
}
