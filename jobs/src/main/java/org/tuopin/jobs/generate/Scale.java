package org.tuopin.jobs.generate;

import java.util.Locale;

/** How many registry households the generator writes per county. */
public enum Scale {
  SMALL(250),
  PROVINCE(91_000),
  NATIONAL(400_000);

  private final int householdsPerCounty;

  Scale(int householdsPerCounty) {
    this.householdsPerCounty = householdsPerCounty;
  }

  public int householdsPerCounty() {
    return householdsPerCounty;
  }

  public static Scale of(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }
}
