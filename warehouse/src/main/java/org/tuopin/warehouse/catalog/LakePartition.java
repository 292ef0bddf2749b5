package org.tuopin.warehouse.catalog;

import java.time.YearMonth;

/**
 * One partition of a lake table: a month, a year, or the whole table. Its {@link #name()} ({@code
 * period=YYYY-MM}, {@code year=YYYY}, {@code all}) is how the derived tables' store, the logs and a
 * lake of the layout before Delta call it.
 */
public sealed interface LakePartition extends Comparable<LakePartition> {
  /** The whole of a table without partitions. */
  LakePartition WHOLE = new Whole();

  String name();

  Partitioning partitioning();

  /** The SQL predicate that selects exactly the partition's rows (Delta's replaceWhere). */
  String predicate();

  /** Partitions of one kind in time order (a name sorts as its time does). */
  @Override
  default int compareTo(LakePartition other) {
    return name().compareTo(other.name());
  }

  static LakePartition period(YearMonth month) {
    return new Period(month);
  }

  static LakePartition year(int year) {
    return new Year(year);
  }

  /** The partition of a {@link #name()}. */
  static LakePartition parse(String name) {
    if (name.equals(Whole.NAME)) {
      return WHOLE;
    }
    int equals = name.indexOf('=');
    String column = equals < 0 ? "" : name.substring(0, equals);
    String value = name.substring(equals + 1);
    if (column.equals(Period.COLUMN)) {
      return new Period(YearMonth.parse(value));
    }
    if (column.equals(Year.COLUMN)) {
      return new Year(Integer.parseInt(value));
    }
    throw new IllegalArgumentException("Not a lake partition: " + name);
  }

  /** The partition of a Delta partition column and its value as the log holds it. */
  static LakePartition ofDelta(String column, String value) {
    return switch (column) {
      case Period.COLUMN -> new Period(YearMonth.parse(value.substring(0, 7)));
      case Year.COLUMN -> new Year(Integer.parseInt(value));
      default ->
          throw new IllegalStateException("A lake table partitioned by " + column + ": unknown");
    };
  }

  /** A month: the rows whose {@code period} is its first day. */
  record Period(YearMonth month) implements LakePartition {
    static final String COLUMN = "period";

    @Override
    public String name() {
      return COLUMN + "=" + month;
    }

    @Override
    public Partitioning partitioning() {
      return Partitioning.BY_PERIOD;
    }

    @Override
    public String predicate() {
      return COLUMN + " = DATE '" + month.atDay(1) + "'";
    }
  }

  /** A year: the rows whose {@code year} it is. */
  record Year(int year) implements LakePartition {
    static final String COLUMN = "year";

    @Override
    public String name() {
      return COLUMN + "=" + year;
    }

    @Override
    public Partitioning partitioning() {
      return Partitioning.BY_YEAR;
    }

    @Override
    public String predicate() {
      return COLUMN + " = " + year;
    }
  }

  /** A table without partitions. */
  record Whole() implements LakePartition {
    static final String NAME = "all";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public Partitioning partitioning() {
      return Partitioning.NONE;
    }

    @Override
    public String predicate() {
      return "true";
    }
  }
}
