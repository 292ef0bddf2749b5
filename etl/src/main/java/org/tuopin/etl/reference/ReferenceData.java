package org.tuopin.etl.reference;

import java.util.List;
import java.util.Objects;

/**
 * The reference data that ships in conf/: regions, indicators, fund sources, causes, and the
 * departments' screening categories.
 */
public record ReferenceData(
    RegionTree regions,
    List<Indicator> indicators,
    List<FundSource> fundSources,
    List<String> povertyCauses,
    List<ScreeningCategory> screeningCategories) {

  public ReferenceData {
    Objects.requireNonNull(regions, "regions");
    indicators = List.copyOf(indicators);
    fundSources = List.copyOf(fundSources);
    povertyCauses = List.copyOf(povertyCauses);
    screeningCategories = List.copyOf(screeningCategories);
  }
}
