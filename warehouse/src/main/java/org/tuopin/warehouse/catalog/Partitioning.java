package org.tuopin.warehouse.catalog;

import java.util.Optional;

/** How a lake table is divided into the parts a refresh replaces. */
public enum Partitioning {
  /** One partition per month: the column {@code period}, the month's first day. */
  BY_PERIOD("period"),
  /** One partition per year: the column {@code year}. */
  BY_YEAR("year"),
  /** One whole table, replaced at once. */
  NONE(null);

  private final String column;

  Partitioning(String column) {
    this.column = column;
  }

  /** The Delta partition column; empty for a table without partitions. */
  public Optional<String> column() {
    return Optional.ofNullable(column);
  }
}
