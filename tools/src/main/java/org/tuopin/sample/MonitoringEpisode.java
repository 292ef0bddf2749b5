package org.tuopin.sample;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Random;

/**
 * A household's return-to-poverty monitoring (防止返贫动态监测, from 2021): its type and risk, the day it
 * was taken in, and the day its risk was eliminated (null while it is still at risk at the end of
 * the generated history, 2026-12).
 */
record MonitoringEpisode(
    String type, String riskType, LocalDate monitoredOn, LocalDate eliminatedOn) {
  static final String UNSTABLE = "脱贫不稳定户";
  static final String EDGE = "边缘易致贫户";
  static final String HARDSHIP = "突发严重困难户";

  /** The county a flood hits in July 2023 (苍溪县, in the demo and the province scale). */
  static final String FLOOD_COUNTY = "510824";

  static final YearMonth FLOOD = YearMonth.of(2023, 7);
  private static final LocalDate HISTORY_END = LocalDate.of(2026, 12, 31);
  private static final String[] RISKS = {
    "因病", "因务工就业不稳", "缺劳动力", "因残", "因学", "因意外事故", "因产业项目失败", "因灾", "其他"
  };
  private static final double[] RISK_WEIGHTS = {30, 20, 10, 10, 8, 8, 6, 5, 3};

  boolean startedBy(YearMonth month) {
    return !YearMonth.from(monitoredOn).isAfter(month);
  }

  boolean eliminatedBy(YearMonth month) {
    return eliminatedOn != null && !YearMonth.from(eliminatedOn).isAfter(month);
  }

  boolean atRiskIn(YearMonth month) {
    return startedBy(month) && !eliminatedBy(month);
  }

  /**
   * An exited household's income falls one to four months before it is taken in (the day of the
   * month it is taken in sets how many): the months in between are those the screening (部门筛查预警,
   * v_monitoring_alerts) is for, so every month has alerts for households taken in later. A sudden
   * hardship strikes on the day; an edge household is in the registry only from its monitoring.
   */
  boolean fellBeforeMonitoring(YearMonth month) {
    YearMonth taken = YearMonth.from(monitoredOn);
    int lead = 1 + monitoredOn.getDayOfMonth() % 4;
    return type.equals(UNSTABLE)
        && month.isBefore(taken)
        && !month.isBefore(taken.minusMonths(lead));
  }

  /** An exited household's: about one in twenty is taken in between 2021 and mid-2026. */
  static MonitoringEpisode ofExited(Random r) {
    return r.nextInt(1000) < 50 ? drawn(r, UNSTABLE, randomRisk(r), day(r, 2021, 1, 66)) : null;
  }

  /** In the flood county, about one household in twelve is taken in within weeks of the flood. */
  static MonitoringEpisode ofFlood(Random r) {
    return r.nextInt(100) < 8 ? drawn(r, HARDSHIP, "因灾", day(r, 2023, 7, 3)) : null;
  }

  /** A household never registered poor, found at risk of falling into poverty. */
  static MonitoringEpisode ofEdge(Random r) {
    return drawn(r, EDGE, randomRisk(r), day(r, 2021, 1, 66));
  }

  /** Three in four risks are eliminated after 6 to 18 months of assistance. */
  private static MonitoringEpisode drawn(Random r, String type, String risk, LocalDate on) {
    LocalDate eliminated =
        r.nextInt(4) < 3 ? on.plusMonths(Seeds.between(r, 6, 18)).plusDays(r.nextInt(20)) : null;
    return new MonitoringEpisode(
        type, risk, on, eliminated == null || eliminated.isAfter(HISTORY_END) ? null : eliminated);
  }

  private static String randomRisk(Random r) {
    return RISKS[Seeds.weighted(r, RISK_WEIGHTS)];
  }

  /** A day within {@code months} months from year-month. */
  private static LocalDate day(Random r, int year, int month, int months) {
    return YearMonth.of(year, month).plusMonths(r.nextInt(months)).atDay(Seeds.between(r, 1, 28));
  }
}
