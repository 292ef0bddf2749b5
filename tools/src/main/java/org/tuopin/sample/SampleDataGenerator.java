package org.tuopin.sample;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tuopin.etl.reference.ReferenceData;
import org.tuopin.etl.reference.Region;
import org.tuopin.etl.reference.RegionLevel;

/**
 * Writes realistic landing files (docs/sources.md) for the counties of a {@link Scale}: registry
 * snapshots with members, long-layout progress submissions (with corrected resends) and the cities'
 * XLSX bulletins, allocations, disbursements (household subsidies, village payments, reversals; CSV
 * or JSON Lines), the December village survey and population, and from 2021 the departments'
 * screening signals and, a month later, the cadres' verifications of the leads. Offices that write
 * Chinese headers save CSV as GB18030 or UTF-8 with a BOM. The same seed gives the same files; any
 * window of months gives the same data for those months.
 */
public final class SampleDataGenerator {
  // ~1 KB a household with its members: a batch of up to 4 million fits the benchmark's heap.
  private static final long HOUSEHOLDS_HELD_AT_ONCE = 4_000_000;

  /** 广元市's seven counties and districts, 渠县, 商州区, 陇县 and 富宁县. */
  public static final List<String> DEMO_COUNTIES =
      List.of(
          "510802", "510811", "510812", "510821", "510822", "510823", "510824", "511725", "611002",
          "610327", "532628");

  private final ReferenceData reference;
  private final long seed;
  private final Scale scale;

  public SampleDataGenerator(ReferenceData reference, long seed, Scale scale) {
    this.reference = reference;
    this.seed = seed;
    this.scale = scale;
  }

  /**
   * Writes every source for the months from..to (inclusive); returns counts per source. A scale
   * over several provinces is written province by province, so that only one province's households
   * are held at a time (30 million would not fit); the files every unit shares (allocations,
   * population) then get the province's code in their names.
   */
  public Map<String, Long> generate(Path landing, YearMonth from, YearMonth to) {
    Map<String, List<String>> batches = countiesByProvince();
    Map<String, Long> written = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> batch : batches.entrySet()) {
      String fileSuffix = batches.size() == 1 ? "" : "_" + batch.getKey();
      generate(landing, from, to, batch.getValue(), fileSuffix)
          .forEach((source, rows) -> written.merge(source, rows, Long::sum));
    }
    return written;
  }

  private Map<String, Long> generate(
      Path landing, YearMonth from, YearMonth to, List<String> counties, String fileSuffix) {
    Map<String, List<HouseholdLife>> households = households(counties);
    List<Region> units = reportingUnits(counties);
    Map<String, Long> written = new LinkedHashMap<>();
    RegistryFiles registry = new RegistryFiles(landing, seed);
    ProgressFiles progress = new ProgressFiles(landing, seed, reference.indicators());
    for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
      written.merge("registry", registry.write(month, households), Long::sum);
      written.merge("submissions", progress.write(month, units, reference.regions()), Long::sum);
    }
    FundFiles funds = new FundFiles(landing, seed, reference);
    written.putAll(funds.write(from, to, units, households, fileSuffix));
    written.put("villages", new VillageSurveyFiles(landing, seed).write(from, to, households));
    written.put(
        "population", new PopulationFiles(landing, seed).write(from, to, households, fileSuffix));
    ScreeningFiles screening = new ScreeningFiles(landing, seed);
    written.put("screening", screening.write(from, to, households));
    written.put(
        "verifications",
        new VerificationFiles(landing, seed, screening).write(from, to, households));
    return written;
  }

  /**
   * The scale's counties grouped by province: one group when the scale is small enough to hold at
   * once.
   */
  private Map<String, List<String>> countiesByProvince() {
    Map<String, List<String>> byProvince = new LinkedHashMap<>();
    if (scale.households() <= HOUSEHOLDS_HELD_AT_ONCE) {
      byProvince.put("all", new ArrayList<>(scale.householdsByCounty().keySet()));
      return byProvince;
    }
    for (String county : scale.householdsByCounty().keySet()) {
      byProvince
          .computeIfAbsent(county.substring(0, 2) + "0000", p -> new ArrayList<>())
          .add(county);
    }
    return byProvince;
  }

  /** The households of each county, in villages drawn from the county's real ones. */
  Map<String, List<HouseholdLife>> households(List<String> counties) {
    Map<String, List<HouseholdLife>> byCounty = new LinkedHashMap<>();
    for (String county : counties) {
      int count = scale.householdsByCounty().get(county);
      List<Region> villages = poorVillages(county, count);
      List<HouseholdLife> lives = new ArrayList<>(count);
      Random r = Seeds.random(seed, "villages-of", county);
      // households cluster in the first villages of the list, as in real poor villages; then
      // one in a hundred more, never registered poor, monitored from 2021 (边缘易致贫户)
      int edge = Math.max(1, count / 100);
      for (int i = 0; i < count + edge; i++) {
        int v = (int) (Math.pow(r.nextDouble(), 1.5) * villages.size());
        lives.add(new HouseholdLife(seed, county, villages.get(v).code(), i, i >= count));
      }
      byCounty.put(county, lives);
    }
    return byCounty;
  }

  private List<Region> poorVillages(String county, int households) {
    List<Region> all = new ArrayList<>(reference.regions().villagesOf(county));
    if (all.isEmpty()) {
      throw new IllegalStateException("conf/regions lists no villages for county " + county);
    }
    Collections.shuffle(all, Seeds.random(seed, "poor-villages", county));
    int count = Math.max(5, Math.min(all.size(), households / 12));
    return all.subList(0, Math.min(count, all.size()));
  }

  /** The counties and the custom units under their cities. */
  private List<Region> reportingUnits(List<String> counties) {
    List<Region> units = new ArrayList<>();
    for (String county : counties) {
      units.add(reference.regions().require(county));
    }
    for (Region region : reference.regions().all()) {
      boolean underDemoCity =
          units.stream().anyMatch(u -> u.parentCode().equals(region.parentCode()));
      if (region.custom() && region.level() == RegionLevel.COUNTY && underDemoCity) {
        units.add(region);
      }
    }
    return units;
  }
}
