package org.tuopin.jobs.generate;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tuopin.etl.reference.ReferenceData;
import org.tuopin.etl.reference.Region;
import org.tuopin.etl.reference.RegionLevel;

/**
 * Writes realistic landing files (docs/sources.md) for the demo counties: registry snapshots
 * with members, long-layout progress submissions (with corrected resends) and the cities'
 * XLSX bulletins, allocations, disbursements (household subsidies, village payments,
 * reversals; CSV or JSON Lines), the December village survey and population. Offices that
 * write Chinese headers save CSV as GB18030 or UTF-8 with a BOM. The same
 * seed gives the same files; any window of months gives the same data for those months.
 */
public final class SampleDataGenerator {
  /** 广元市's seven counties and districts, 渠县, 商州区, 陇县 and 富宁县. */
  public static final List<String> DEMO_COUNTIES =
      List.of("510802", "510811", "510812", "510821", "510822", "510823", "510824", "511725", "611002", "610327", "532628");

  private final ReferenceData reference;
  private final long seed;
  private final Scale scale;

  public SampleDataGenerator(ReferenceData reference, long seed, Scale scale) {
    this.reference = reference;
    this.seed = seed;
    this.scale = scale;
  }

  /** Writes every source for the months from..to (inclusive); returns counts per source. */
  public Map<String, Long> generate(Path landing, YearMonth from, YearMonth to) {
    Map<String, List<HouseholdLife>> households = households();
    List<Region> units = reportingUnits();
    Map<String, Long> written = new LinkedHashMap<>();
    RegistryFiles registry = new RegistryFiles(landing, seed);
    ProgressFiles progress = new ProgressFiles(landing, seed, reference.indicators());
    for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
      written.merge("registry", registry.write(month, households), Long::sum);
      written.merge("submissions", progress.write(month, units, reference.regions()), Long::sum);
    }
    FundFiles funds = new FundFiles(landing, seed, reference);
    written.putAll(funds.write(from, to, units, households));
    written.put("villages", new VillageSurveyFiles(landing, seed).write(from, to, households));
    written.put("population", new PopulationFiles(landing, seed).write(from, to, households));
    return written;
  }

  /** The households of every demo county, in villages drawn from the county's real ones. */
  Map<String, List<HouseholdLife>> households() {
    Map<String, List<HouseholdLife>> byCounty = new LinkedHashMap<>();
    for (String county : DEMO_COUNTIES) {
      List<Region> villages = poorVillages(county);
      List<HouseholdLife> lives = new ArrayList<>(scale.householdsPerCounty());
      Random r = Seeds.random(seed, "villages-of", county);
      for (int i = 0; i < scale.householdsPerCounty(); i++) {
        // households cluster in the first villages of the list, as in real poor villages
        int v = (int) (Math.pow(r.nextDouble(), 1.5) * villages.size());
        lives.add(new HouseholdLife(seed, county, villages.get(v).code(), i));
      }
      byCounty.put(county, lives);
    }
    return byCounty;
  }

  private List<Region> poorVillages(String county) {
    List<Region> all = new ArrayList<>(reference.regions().villagesOf(county));
    if (all.isEmpty()) {
      throw new IllegalStateException("conf/regions lists no villages for county " + county);
    }
    java.util.Collections.shuffle(all, Seeds.random(seed, "poor-villages", county));
    int count = Math.max(5, Math.min(all.size(), scale.householdsPerCounty() / 12));
    return all.subList(0, count);
  }

  /** Demo counties and the custom units under their cities. */
  private List<Region> reportingUnits() {
    List<Region> units = new ArrayList<>();
    for (String county : DEMO_COUNTIES) {
      units.add(reference.regions().require(county));
    }
    for (Region region : reference.regions().all()) {
      boolean underDemoCity = units.stream().anyMatch(u -> u.parentCode().equals(region.parentCode()));
      if (region.custom() && region.level() == RegionLevel.COUNTY && underDemoCity) {
        units.add(region);
      }
    }
    return units;
  }
}
