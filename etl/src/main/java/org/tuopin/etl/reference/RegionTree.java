package org.tuopin.etl.reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The region hierarchy village → township → county → city → province, with look-ups by code, the
 * ancestor of a region at a given level, and the children of a region. The complete GB/T 2260 list
 * has 665,000 regions, so children are indexed once rather than searched.
 */
public final class RegionTree {
  private final Map<String, Region> byCode;
  private final Map<String, List<Region>> childrenByParent;

  public RegionTree(Collection<Region> regions) {
    Map<String, Region> map = new LinkedHashMap<>(regions.size() * 2);
    for (Region region : regions) {
      if (map.put(region.code(), region) != null) {
        throw new IllegalArgumentException("Region code listed twice: " + region.code());
      }
    }
    Map<String, List<Region>> children = new HashMap<>();
    for (Region region : map.values()) {
      if (region.parentCode() != null && !map.containsKey(region.parentCode())) {
        throw new IllegalArgumentException(
            "Region " + region.code() + " names unknown parent " + region.parentCode());
      }
      if (region.parentCode() != null) {
        children.computeIfAbsent(region.parentCode(), c -> new ArrayList<>()).add(region);
      }
    }
    this.byCode = map;
    this.childrenByParent = children;
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

  /** The regions whose parent is {@code code}, in the order of the list. */
  public List<Region> childrenOf(String code) {
    return List.copyOf(childrenByParent.getOrDefault(code, List.of()));
  }

  /** Villages whose county-level ancestor is {@code countyCode}, township by township. */
  public List<Region> villagesOf(String countyCode) {
    List<Region> villages = new ArrayList<>();
    collectVillages(countyCode, villages);
    return villages;
  }

  private void collectVillages(String code, List<Region> villages) {
    for (Region child : childrenByParent.getOrDefault(code, List.of())) {
      if (child.level() == RegionLevel.VILLAGE) {
        villages.add(child);
      } else if (child.level().ordinal() > RegionLevel.COUNTY.ordinal()) {
        collectVillages(child.code(), villages);
      }
    }
  }
}
