package org.tuopin.etl.reference;

import java.util.Objects;

/**
 * One administrative unit of the GB/T 2260 hierarchy (province, city, county, township, village),
 * or a project-defined county-level reporting unit ({@code custom}).
 *
 * <p>{@code shortName} is the name offices also write for it (广元经开区), or null.
 *
 * <p>Codes: provinces and cities are written as six digits (510000, 510800), counties as six,
 * townships as nine and villages as twelve. {@code parentCode} is null only for provinces.
 */
public record Region(
    String code,
    String name,
    String shortName,
    RegionLevel level,
    String parentCode,
    boolean custom) {

  public Region {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(level, "level");
    if (level != RegionLevel.PROVINCE && parentCode == null) {
      throw new IllegalArgumentException("Region " + code + " (" + level + ") has no parent");
    }
  }
}
