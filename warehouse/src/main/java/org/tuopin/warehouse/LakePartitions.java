package org.tuopin.warehouse;

import java.time.YearMonth;
import java.util.Optional;

/**
 * The names of the lake's partitions, as the writer, the publisher and the derived tables use them:
 * {@code period=YYYY-MM} (a Delta partition {@code period}, the month's first day), {@code
 * year=YYYY} (a Delta partition {@code year}) and {@code all} (a table without partitions).
 */
public final class LakePartitions {
  public static final String WHOLE_TABLE = "all";
  private static final String PERIOD = "period";
  private static final String YEAR = "year";

  private LakePartitions() {}

  public static String period(YearMonth period) {
    return PERIOD + "=" + period;
  }

  public static String year(int year) {
    return YEAR + "=" + year;
  }

  /** The partition's name from the Delta partition column and its value as the log holds it. */
  static String name(String column, String value) {
    return switch (column) {
      case PERIOD -> period(YearMonth.parse(value.substring(0, 7)));
      case YEAR -> year(Integer.parseInt(value));
      default ->
          throw new IllegalStateException("A lake table partitioned by " + column + ": unknown");
    };
  }

  /** The Delta partition column of a partition; empty for the whole table. */
  public static Optional<String> column(String partition) {
    if (partition.equals(WHOLE_TABLE)) {
      return Optional.empty();
    }
    String column = partition.substring(0, partition.indexOf('='));
    if (!column.equals(PERIOD) && !column.equals(YEAR)) {
      throw new IllegalArgumentException("Not a lake partition: " + partition);
    }
    return Optional.of(column);
  }

  /** The SQL predicate that selects exactly the partition's rows (Delta's replaceWhere). */
  public static String predicate(String partition) {
    String value = partition.substring(partition.indexOf('=') + 1);
    return switch (column(partition).orElse("")) {
      case PERIOD -> PERIOD + " = DATE '" + YearMonth.parse(value).atDay(1) + "'";
      case YEAR -> YEAR + " = " + Integer.parseInt(value);
      default -> "true";
    };
  }
}
