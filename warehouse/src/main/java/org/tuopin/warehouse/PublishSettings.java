package org.tuopin.warehouse;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What a publish takes from the configuration, published in tables {@code setting} and {@code
 * poverty_line} and {@code exit_threshold}.
 *
 * @param submissionDeadlineDay the day of the next month by which a submission is on time
 * @param povertyLines the national lines (province code null) and any province's own
 * @param exitThresholds the default threshold (province code null) and any province's own
 * @param regionChanges how units were named or placed before a change (dim_region_history)
 * @param publishRetention how many publishes to keep for as-of queries, the current one included
 * @param leagueMinimumShare the share of its city's indicators a unit must be scored on to be
 *     ranked in the bulletin (v_progress_league.is_ranked_in_bulletin)
 * @param monitoring the return-to-poverty monitoring's lines and thresholds
 */
public record PublishSettings(
    int submissionDeadlineDay,
    List<PovertyLine> povertyLines,
    List<ExitThreshold> exitThresholds,
    List<RegionChange> regionChanges,
    int publishRetention,
    double leagueMinimumShare,
    Monitoring monitoring) {
  public static final double DEFAULT_LEAGUE_MINIMUM_SHARE = 0.5;

  public PublishSettings {
    if (!(leagueMinimumShare >= 0 && leagueMinimumShare <= 1)) {
      throw new IllegalArgumentException("leagueMinimumShare: a share from 0 to 1");
    }
    regionChanges = List.copyOf(regionChanges);
    if (publishRetention < 1) {
      throw new IllegalArgumentException("publishRetention: at least 1 (the current publish)");
    }
    povertyLines = List.copyOf(povertyLines);
    exitThresholds = List.copyOf(exitThresholds);
    Objects.requireNonNull(monitoring, "monitoring");
  }

  /**
   * The poverty incidence (percent) a village or county must be below to exit; {@code provinceCode}
   * null for the default.
   */
  public record ExitThreshold(String provinceCode, double incidencePercent) {}

  /**
   * Up to and including {@code untilYear}, unit {@code regionCode} was {@code regionName} under
   * {@code parentCode}.
   */
  public record RegionChange(
      String regionCode, int untilYear, String regionName, String parentCode) {}

  /**
   * Return-to-poverty monitoring (防止返贫动态监测), published in table {@code monitoring_line} and in
   * {@code setting}.
   *
   * @param lines the monitoring lines (监测范围), as poverty lines are given
   * @param monthsWithoutAssistance how long a household may be at risk with no payment before
   *     v_anomalies reports it (monitored_without_assistance)
   * @param incomeFallShare the fall of income since the same month a year earlier beyond which
   *     v_monitoring_alerts reports a household (income_fell)
   * @param screening the departments' screening categories and their thresholds
   *     (screening_category, v_screening_leads)
   * @param visitDays the days within which a lead or alert is to be visited (入户核实)
   */
  public record Monitoring(
      List<PovertyLine> lines,
      int monthsWithoutAssistance,
      double incomeFallShare,
      List<ScreeningThreshold> screening,
      int visitDays) {
    /**
     * The national guidance of 2021 (6,000 yuan), 6 months, 30%, no screening category, 15 days.
     */
    public static final Monitoring DEFAULT =
        new Monitoring(
            List.of(new PovertyLine(null, 2021, new BigDecimal("6000"))), 6, 0.3, List.of(), 15);

    public Monitoring {
      lines = List.copyOf(lines);
      screening = List.copyOf(screening);
      if (monthsWithoutAssistance < 1) {
        throw new IllegalArgumentException("monitoring.monthsWithoutAssistance: at least 1");
      }
      if (!(incomeFallShare > 0 && incomeFallShare < 1)) {
        throw new IllegalArgumentException("monitoring.incomeFallShare: a share between 0 and 1");
      }
      if (visitDays < 1) {
        throw new IllegalArgumentException("monitoring.visitDays: at least 1, not " + visitDays);
      }
    }
  }

  /**
   * A department's category of screening signal and when one is a lead (conf screening): the
   * thresholds in yuan for a member of a registered household and for another rural resident (null:
   * every signal is a lead), and whether an amount is the year so far.
   */
  public record ScreeningThreshold(
      String department,
      String category,
      boolean hasAmount,
      BigDecimal registeredThresholdYuan,
      BigDecimal otherThresholdYuan,
      boolean yearToDate) {}

  /** Yuan per person per year; {@code provinceCode} null for the national line. */
  public record PovertyLine(String provinceCode, int year, BigDecimal lineYuan) {}
}
