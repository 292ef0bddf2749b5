package org.tuopin.warehouse;

import java.math.BigDecimal;
import java.util.List;

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
 */
public record PublishSettings(
    int submissionDeadlineDay,
    List<PovertyLine> povertyLines,
    List<ExitThreshold> exitThresholds,
    List<RegionChange> regionChanges,
    int publishRetention,
    double leagueMinimumShare) {
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

  /** Yuan per person per year; {@code provinceCode} null for the national line. */
  public record PovertyLine(String provinceCode, int year, BigDecimal lineYuan) {}
}
