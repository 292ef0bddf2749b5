package org.tuopin.warehouse.catalog;

/** How a publish holds a lake table. */
public enum Publication {
  /** Its rows are copied into each published file: small, whatever the history. */
  COPIED,
  /**
   * Read where it lies, as a view over the exact Parquet files of the publish's version: the tables
   * of one row per household (or member) and period, whose history a copy would repeat each month.
   */
  READ_IN_PLACE
}
