package org.tuopin.jobs.config;

import java.util.Map;
import org.tuopin.etl.source.Contracts;

/** The share of a source's rows that may be quarantined before a run stops (exit code 3). */
public record QualityGate(double maxQuarantinedPercent, Map<String, Double> perSource) {
  public static final QualityGate DEFAULT = new QualityGate(5.0, Map.of());

  public QualityGate {
    perSource = perSource == null ? Map.of() : Map.copyOf(perSource);
    check(maxQuarantinedPercent, "qualityGate.maxQuarantinedPercent");
    perSource.forEach(
        (source, percent) -> {
          if (!Contracts.MONTHLY_SOURCES.contains(source) && !source.equals(Contracts.POPULATION)) {
            throw new IllegalArgumentException(
                "qualityGate.perSource: unknown source '"
                    + source
                    + "'; the sources are "
                    + Contracts.MONTHLY_SOURCES
                    + " and "
                    + Contracts.POPULATION);
          }
          check(percent, "qualityGate.perSource." + source);
        });
  }

  public double thresholdFor(String source) {
    return perSource.getOrDefault(source, maxQuarantinedPercent);
  }

  /** True when more than the threshold of the rows read were quarantined. */
  public boolean stops(String source, long read, long quarantined) {
    return read > 0 && 100.0 * quarantined / read > thresholdFor(source);
  }

  private static void check(double percent, String key) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException(key + " must be between 0 and 100, not " + percent);
    }
  }
}
