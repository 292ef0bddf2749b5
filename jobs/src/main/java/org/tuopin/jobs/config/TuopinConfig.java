package org.tuopin.jobs.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.tuopin.bulletin.BulletinSettings;
import org.tuopin.etl.reference.ScreeningCategory;
import org.tuopin.etl.source.Contracts;
import org.tuopin.warehouse.PublishSettings;
import org.tuopin.warehouse.QueryLimits;

/**
 * conf/tuopin.yaml, validated once when read. Its {@code serve} section belongs to the Flight SQL
 * server (org.tuopin.server.ServerSettings), which reads and checks it.
 */
@JsonIgnoreProperties({"serve"})
public record TuopinConfig(
    String regions,
    List<CustomRegion> customRegions,
    List<IndicatorEntry> indicators,
    List<FundSourceEntry> fundSources,
    List<String> povertyCauses,
    QualityGate qualityGate,
    String pseudonymKeyFile,
    Integer submissionDeadlineDay,
    PovertyLines povertyLines,
    ExitThresholds exitThresholds,
    Integer publishRetention,
    List<PublishSettings.RegionChange> regionChanges,
    Integer smallMonthMegabytes,
    List<String> requiredSources,
    Double leagueMinimumShare,
    Monitoring monitoring,
    QueryLimits query,
    BulletinSettings bulletin,
    Screening screening) {

  public TuopinConfig {
    Objects.requireNonNull(regions, "regions: the path of the region list is required");
    customRegions = customRegions == null ? List.of() : List.copyOf(customRegions);
    if (indicators == null || indicators.isEmpty()) {
      throw new IllegalArgumentException("indicators: at least one is required");
    }
    if (fundSources == null || fundSources.isEmpty()) {
      throw new IllegalArgumentException("fundSources: at least one is required");
    }
    if (povertyCauses == null || povertyCauses.isEmpty()) {
      throw new IllegalArgumentException("povertyCauses: at least one is required");
    }
    indicators = List.copyOf(indicators);
    fundSources = List.copyOf(fundSources);
    povertyCauses = List.copyOf(povertyCauses);
    qualityGate = qualityGate == null ? QualityGate.DEFAULT : qualityGate;
    submissionDeadlineDay = submissionDeadlineDay == null ? 5 : submissionDeadlineDay;
    if (submissionDeadlineDay < 1 || submissionDeadlineDay > 28) {
      throw new IllegalArgumentException("submissionDeadlineDay: a day of the month from 1 to 28");
    }
    povertyLines = povertyLines == null ? new PovertyLines(Map.of(), Map.of()) : povertyLines;
    exitThresholds = exitThresholds == null ? new ExitThresholds(null, Map.of()) : exitThresholds;
    publishRetention = publishRetention == null ? 36 : publishRetention;
    regionChanges = regionChanges == null ? List.of() : List.copyOf(regionChanges);
    smallMonthMegabytes = smallMonthMegabytes == null ? 64 : smallMonthMegabytes;
    if (smallMonthMegabytes < 0) {
      throw new IllegalArgumentException("smallMonthMegabytes: 0 or more");
    }
    leagueMinimumShare =
        leagueMinimumShare == null
            ? PublishSettings.DEFAULT_LEAGUE_MINIMUM_SHARE
            : leagueMinimumShare;
    if (!(leagueMinimumShare >= 0 && leagueMinimumShare <= 1)) {
      throw new IllegalArgumentException(
          "leagueMinimumShare: a share from 0 to 1, not " + leagueMinimumShare);
    }
    monitoring = monitoring == null ? new Monitoring(null, null, null, null) : monitoring;
    monitoring.settings(List.of()); // refuses values out of range now, not at the first publish
    query = query == null ? QueryLimits.DEFAULT : query;
    bulletin = bulletin == null ? BulletinSettings.DEFAULT : bulletin;
    screening = screening == null ? Screening.DEFAULT : screening;
    requiredSources =
        requiredSources == null
            ? List.of(Contracts.SUBMISSIONS, Contracts.REGISTRY)
            : List.copyOf(requiredSources);
    for (String source : requiredSources) {
      if (!Contracts.MONTHLY_SOURCES.contains(source) && !source.equals(Contracts.POPULATION)) {
        throw new IllegalArgumentException(
            "requiredSources: unknown source '"
                + source
                + "'; the sources are "
                + Contracts.MONTHLY_SOURCES
                + " and "
                + Contracts.POPULATION);
      }
    }
  }

  /**
   * The departments' screening (部门筛查预警, docs/sources.md "screening"): the categories of signal each
   * department sends, and when a signal is a lead. Without the section, the categories of the usual
   * county document ({@link #DEFAULT}); with it, exactly those it lists.
   */
  public record Screening(List<ScreeningCategory> categories) {
    public static final Screening DEFAULT =
        new Screening(
            List.of(
                amounts("医保", "住院自付", 5_000, 20_000, true),
                amounts("医保", "门诊自付", 5_000, 20_000, true),
                every("民政", "新增低保"),
                every("民政", "新增特困"),
                every("教育", "辍学"),
                amounts("教育", "教育自付", 3_000, 10_000, true),
                amounts("应急", "灾害损失", 5_000, 20_000, false),
                every("住建", "C级危房"),
                every("住建", "D级危房"),
                every("残联", "新办残疾证"),
                every("公安", "意外死亡")));

    public Screening {
      categories =
          categories == null || categories.isEmpty() ? DEFAULT.categories : List.copyOf(categories);
      Set<String> seen = new HashSet<>();
      for (ScreeningCategory c : categories) {
        if (!seen.add(c.department() + "/" + c.category())) {
          throw new IllegalArgumentException(
              "screening.categories: " + c.department() + " " + c.category() + " twice");
        }
      }
    }

    private static ScreeningCategory amounts(
        String department, String category, int registered, int others, boolean yearToDate) {
      return new ScreeningCategory(
          department,
          category,
          true,
          BigDecimal.valueOf(registered),
          BigDecimal.valueOf(others),
          yearToDate);
    }

    private static ScreeningCategory every(String department, String category) {
      return new ScreeningCategory(department, category, false, null, null, false);
    }
  }

  /**
   * Poverty incidence (percent) below which a village or county may exit: a default and provinces'
   * own.
   */
  public record ExitThresholds(Double incidencePercent, Map<String, Double> provinces) {
    public ExitThresholds {
      incidencePercent = incidencePercent == null ? 2.0 : incidencePercent;
      // sorted: Map.copyOf iterates in an order that differs from one JVM to the next
      provinces =
          provinces == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(provinces));
    }

    List<PublishSettings.ExitThreshold> rows() {
      List<PublishSettings.ExitThreshold> rows = new ArrayList<>();
      rows.add(new PublishSettings.ExitThreshold(null, incidencePercent));
      provinces.forEach(
          (province, percent) -> rows.add(new PublishSettings.ExitThreshold(province, percent)));
      return rows;
    }
  }

  /**
   * Return-to-poverty monitoring: the monitoring lines (as poverty lines are given) and the
   * thresholds of its alerts and anomalies; each missing one takes {@link
   * PublishSettings.Monitoring#DEFAULT}'s.
   */
  public record Monitoring(
      PovertyLines lines,
      Integer monthsWithoutAssistance,
      Double incomeFallShare,
      Integer visitDays) {
    PublishSettings.Monitoring settings(List<PublishSettings.ScreeningThreshold> screening) {
      PublishSettings.Monitoring defaults = PublishSettings.Monitoring.DEFAULT;
      return new PublishSettings.Monitoring(
          lines == null ? defaults.lines() : lines.rows(),
          monthsWithoutAssistance == null
              ? defaults.monthsWithoutAssistance()
              : monthsWithoutAssistance,
          incomeFallShare == null ? defaults.incomeFallShare() : incomeFallShare,
          screening,
          visitDays == null ? defaults.visitDays() : visitDays);
    }
  }

  /** Yuan per person per year by year: the national line, and provinces' own by province code. */
  public record PovertyLines(
      Map<Integer, BigDecimal> national, Map<String, Map<Integer, BigDecimal>> provinces) {
    public PovertyLines {
      national = national == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(national));
      provinces =
          provinces == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(provinces));
    }

    /** As the rows of the published table poverty_line. */
    public List<PublishSettings.PovertyLine> rows() {
      List<PublishSettings.PovertyLine> rows = new ArrayList<>();
      national.forEach((year, line) -> rows.add(new PublishSettings.PovertyLine(null, year, line)));
      provinces.forEach(
          (province, lines) ->
              lines.forEach(
                  (year, line) -> rows.add(new PublishSettings.PovertyLine(province, year, line))));
      return rows;
    }
  }

  /** The screening's categories as the published screening_category holds them. */
  private List<PublishSettings.ScreeningThreshold> screeningThresholds() {
    return screening.categories().stream()
        .map(
            c ->
                new PublishSettings.ScreeningThreshold(
                    c.department(),
                    c.category(),
                    c.hasAmount(),
                    c.registeredThresholdYuan(),
                    c.otherThresholdYuan(),
                    c.yearToDate()))
        .toList();
  }

  public PublishSettings publishSettings() {
    return new PublishSettings(
        submissionDeadlineDay,
        povertyLines.rows(),
        exitThresholds.rows(),
        regionChanges,
        publishRetention,
        leagueMinimumShare,
        monitoring.settings(screeningThresholds()));
  }

  public record CustomRegion(String code, String name, String shortName, String parentCode) {
    public CustomRegion {
      Objects.requireNonNull(code, "customRegions.code");
      Objects.requireNonNull(name, "customRegions.name");
      Objects.requireNonNull(parentCode, "customRegions.parentCode");
    }
  }

  public record IndicatorEntry(String code, String name, String unit) {
    public IndicatorEntry {
      Objects.requireNonNull(code, "indicators.code");
      Objects.requireNonNull(name, "indicators.name");
      Objects.requireNonNull(unit, "indicators.unit");
    }
  }

  public record FundSourceEntry(String code, String name) {
    public FundSourceEntry {
      Objects.requireNonNull(code, "fundSources.code");
      Objects.requireNonNull(name, "fundSources.name");
    }
  }

  public static TuopinConfig read(Path file) {
    ObjectMapper mapper =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      return mapper.readValue(file.toFile(), TuopinConfig.class);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read configuration " + file + ": " + e.getMessage(), e);
    }
  }
}
