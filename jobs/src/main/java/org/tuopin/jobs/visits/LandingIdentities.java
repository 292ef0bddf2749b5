package org.tuopin.jobs.visits;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tuopin.etl.model.PseudonymHash;
import org.tuopin.etl.source.Contracts;

/**
 * Whom the pseudonyms of one county stand for, from the county's own landing files: the registry it
 * sent (the period's, else its latest within the twelve months before) and the departments' files
 * of the period's year up to it, each identifier hashed with the warehouse's key. Held in memory
 * only, for the visit list.
 */
public final class LandingIdentities {
  /** A person or a household head as the landing files name them. */
  public record Identity(String name, String idNumber, String householdId) {}

  private final Map<String, Identity> byKey = new HashMap<>();

  private LandingIdentities() {}

  public static LandingIdentities read(
      Path landing, String county, YearMonth period, PseudonymHash hash) {
    LandingIdentities identities = new LandingIdentities();
    identities.readRegistry(landing, county, period, hash);
    identities.readScreening(landing, county, period, hash);
    return identities;
  }

  public Optional<Identity> of(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  public int size() {
    return byKey.size();
  }

  private void readRegistry(Path landing, String county, YearMonth period, PseudonymHash hash) {
    for (YearMonth month = period;
        month.isAfter(period.minusMonths(12));
        month = month.minusMonths(1)) {
      Path folder = landing.resolve(Contracts.REGISTRY).resolve(month.toString());
      List<Map<String, String>> households =
          LandingCsv.rows(folder, Contracts.HOUSEHOLD).stream()
              .filter(h -> h.getOrDefault("village_code", "").startsWith(county))
              .toList();
      if (!households.isEmpty()) {
        for (Map<String, String> h : households) {
          String id = h.get("household_id");
          put(hash.household(id), new Identity(h.get("head_name"), h.get("head_id_number"), id));
        }
        for (Map<String, String> m : LandingCsv.rows(folder, Contracts.MEMBER)) {
          String id = m.get("id_number");
          if (id != null
              && !id.isEmpty()
              && byKey.containsKey(hash.household(m.get("household_id")))) {
            put(hash.person(id), new Identity(m.get("name"), id, m.get("household_id")));
          }
        }
        return;
      }
    }
  }

  private void readScreening(Path landing, String county, YearMonth period, PseudonymHash hash) {
    for (YearMonth month = period.withMonth(1);
        !month.isAfter(period);
        month = month.plusMonths(1)) {
      Path folder = landing.resolve(Contracts.SCREENING).resolve(month.toString());
      for (Map<String, String> s : LandingCsv.rows(folder, Contracts.SCREENING_SIGNAL)) {
        String id = s.get("id_number");
        if (id != null && !id.isEmpty() && s.getOrDefault("village_code", "").startsWith(county)) {
          byKey.putIfAbsent(hash.person(id), new Identity(s.get("name"), id, null));
        }
      }
    }
  }

  private void put(String key, Identity identity) {
    byKey.put(key, identity);
  }
}
