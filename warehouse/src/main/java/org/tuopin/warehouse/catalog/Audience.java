package org.tuopin.warehouse.catalog;

/** Who the query server serves a relation to. */
public enum Audience {
  /** Reference tables without regions. */
  EVERYONE,
  /** Aggregates and facts without households: analysts and auditors, within their scope. */
  REGIONAL,
  /** Household-level rows: auditors only, within their scope. */
  AUDITOR,
  /** The runs' records (file names of every county): users of scope 000000 only. */
  NATIONAL,
  /** Published for local SQL, not served to remote users. */
  NOBODY
}
