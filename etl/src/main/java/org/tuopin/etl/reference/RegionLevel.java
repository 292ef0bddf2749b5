package org.tuopin.etl.reference;

import java.util.Locale;

/** The levels of the region hierarchy, top down; {@link #label()} is the published name. */
public enum RegionLevel {
  PROVINCE,
  CITY,
  COUNTY,
  TOWNSHIP,
  VILLAGE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RegionLevel ofLabel(String label) {
    return valueOf(label.trim().toUpperCase(Locale.ROOT));
  }
}
