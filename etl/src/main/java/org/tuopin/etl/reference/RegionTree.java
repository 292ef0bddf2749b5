package org.tuopin.etl.reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The region hierarchy village → township → county → city → province, with look-ups by code
 * and the ancestor of a region at a given level.
 */
public final class RegionTree {
  private final Map<String, Region> byCode;

  public RegionTree(Collection<Region> regions) {
    Map<String, Region> map = new LinkedHashMap<>();
    for (Region region : regions) {
      if (map.put(region.code(), region) != null) {
        throw new IllegalArgumentException("Region code listed twice: " + region.code());
      }
    }
    for (Region region : map.values()) {
      if (region.parentCode() != null && !map.containsKey(region.parentCode())) {
        throw new IllegalArgumentException(
            "Region " + region.code() + " names unknown parent " + region.parentCode());
      }
    }
    this.byCode = map;
  }

  public Optional<Region> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  public Region require(String code) {
    Region region = byCode.get(code);
    if (region == null) {
      throw new IllegalArgumentException("Unknown region code: " + code);
    }
    return region;
  }

  public Collection<Region> all() {
    return byCode.values();
  }

  /** The region itself or its ancestor at {@code level}; empty when it sits above that level. */
  public Optional<Region> ancestorAt(Region region, RegionLevel level) {
    Region current = region;
    while (current != null && current.level().ordinal() > level.ordinal()) {
      current = byCode.get(current.parentCode());
    }
    return current != null && current.level() == level ? Optional.of(current) : Optional.empty();
  }

  public List<Region> childrenOf(String code) {
    List<Region> children = new ArrayList<>();
    for (Region region : byCode.values()) {
      if (code.equals(region.parentCode())) {
        children.add(region);
      }
    }
    return children;
  }

  /** Villages whose county-level ancestor is {@code countyCode}. */
  public List<Region> villagesOf(String countyCode) {
    List<Region> villages = new ArrayList<>();
    for (Region region : byCode.values()) {
      if (region.level() == RegionLevel.VILLAGE
          && ancestorAt(region, RegionLevel.COUNTY).map(c -> c.code().equals(countyCode)).orElse(false)) {
        villages.add(region);
      }
    }
    return villages;
  }
}
