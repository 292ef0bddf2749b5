package org.tuopin.jobs.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** conf/tuopin.yaml, validated once when read. */
public record TuopinConfig(
    String regions,
    List<CustomRegion> customRegions,
    List<IndicatorEntry> indicators,
    List<FundSourceEntry> fundSources,
    List<String> povertyCauses,
    QualityGate qualityGate,
    String pseudonymKeyFile,
    Integer submissionDeadlineDay) {

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
        new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      return mapper.readValue(file.toFile(), TuopinConfig.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read configuration " + file + ": " + e.getMessage(), e);
    }
  }
}
