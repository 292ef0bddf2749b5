package org.tuopin.sample;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Rural registered population per year, for each demo county and each village with registry
 * households, sized so that poverty incidence starts between 10% and 15% in 2014.
 */
final class PopulationFiles {
  private final Path landing;
  private final long seed;

  PopulationFiles(Path landing, long seed) {
    this.landing = landing;
    this.seed = seed;
  }

  /**
   * @param fileSuffix what the yearly file's name ends with (a province's code, or nothing)
   */
  long write(
      YearMonth from,
      YearMonth to,
      Map<String, List<HouseholdLife>> households,
      String fileSuffix) {
    long rows = 0;
    for (int year = from.getYear(); year <= to.getYear(); year++) {
      Path file =
          landing
              .resolve("population")
              .resolve(String.valueOf(year))
              .resolve("农村户籍人口_" + year + fileSuffix + ".csv");
      try (CsvFile csv =
          new CsvFile(
              file, TextEncoding.UTF8, List.of("region_code", "year", "rural_population"))) {
        for (Map.Entry<String, List<HouseholdLife>> county : households.entrySet()) {
          rows += writeCounty(csv, year, county.getKey(), county.getValue());
        }
      }
    }
    return rows;
  }

  private long writeCounty(CsvFile csv, int year, String county, List<HouseholdLife> lives) {
    double decline = Math.pow(0.988, year - 2014);
    Map<String, Integer> personsByVillage = new LinkedHashMap<>();
    int persons = 0;
    for (HouseholdLife life : lives) {
      if (life.identified.getYear() == 2014) {
        personsByVillage.merge(life.villageCode, life.memberCount(), Integer::sum);
        persons += life.memberCount();
      }
    }
    double rate = Seeds.between(Seeds.random(seed, "incidence", county), 0.10, 0.15);
    csv.row(
        List.of(
            county, String.valueOf(year), String.valueOf(Math.round(persons / rate * decline))));
    long rows = 1;
    for (Map.Entry<String, Integer> village : personsByVillage.entrySet()) {
      Random r = Seeds.random(seed, "village-incidence", village.getKey());
      long population = Math.round(village.getValue() / Seeds.between(r, 0.18, 0.35) * decline);
      csv.row(List.of(village.getKey(), String.valueOf(year), String.valueOf(population)));
      rows++;
    }
    return rows;
  }
}
