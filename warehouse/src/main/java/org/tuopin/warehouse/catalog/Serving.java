package org.tuopin.warehouse.catalog;

/**
 * Who a relation is served to, and how it is cut down to a user's scope.
 *
 * @param regionColumn the column cut to the scope, null for a relation without regions
 * @param analystRows a condition on the rows an analyst sees, null for all of them
 */
public record Serving(Audience audience, String regionColumn, String analystRows) {
  public static final Serving EVERYONE = new Serving(Audience.EVERYONE, null, null);
  public static final Serving NOBODY = new Serving(Audience.NOBODY, null, null);

  public static Serving regional(String regionColumn) {
    return new Serving(Audience.REGIONAL, regionColumn, null);
  }

  /** Household-level rows, cut to the scope by county. */
  public static Serving auditors() {
    return new Serving(Audience.AUDITOR, "county_code", null);
  }
}
