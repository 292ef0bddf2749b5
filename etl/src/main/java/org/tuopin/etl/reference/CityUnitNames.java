package org.tuopin.etl.reference;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names a city's bulletin uses for its reporting units: a city's table names its columns by
 * region name (苍溪县, 广元经开区), and a county name is unique only within its city. Small and
 * serializable, so each worker that reads a city table carries its own copy.
 */
public final class CityUnitNames implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A city and its county-level units, by every name offices write for them. */
  public record City(String code, String name, Map<String, String> unitCodeByName)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    public Optional<String> unitCode(String name) {
      return Optional.ofNullable(unitCodeByName.get(normalized(name)));
    }
  }

  private final Map<String, City> cityByName;

  private CityUnitNames(Map<String, City> cityByName) {
    this.cityByName = cityByName;
  }

  public static CityUnitNames of(RegionTree regions) {
    Map<String, Map<String, String>> unitsByCity = new HashMap<>();
    for (Region region : regions.all()) {
      if (region.level() == RegionLevel.COUNTY) {
        Map<String, String> units =
            unitsByCity.computeIfAbsent(region.parentCode(), c -> new HashMap<>());
        units.put(normalized(region.name()), region.code());
        if (region.shortName() != null) {
          units.put(normalized(region.shortName()), region.code());
        }
      }
    }
    Map<String, City> cities = new HashMap<>();
    for (Region region : regions.all()) {
      if (region.level() == RegionLevel.CITY) {
        City city =
            new City(
                region.code(),
                region.name(),
                Map.copyOf(unitsByCity.getOrDefault(region.code(), Map.of())));
        cities.put(normalized(region.name()), city);
        if (region.shortName() != null) {
          cities.put(normalized(region.shortName()), city);
        }
      }
    }
    return new CityUnitNames(cities);
  }

  public Optional<City> city(String name) {
    return Optional.ofNullable(cityByName.get(normalized(name)));
  }

  /** Names are compared without blanks: Excel headers often hold line breaks and spaces. */
  public static String normalized(String name) {
    return name == null ? "" : name.replaceAll("[\\s\\u3000]", "");
  }
}
