package org.tuopin.warehouse;

import java.util.List;
import java.util.Objects;

/**
 * How one derived table is built: one Parquet file per period (or per year), by the query in {@code
 * sql/derived/<sqlFile>}, from exactly the partitions named by its inputs. A partition is built
 * again only when one of those inputs changed, so a month's publish costs that month.
 *
 * @param table the derived table (its types in sql/tables/derived.sql, or a view's for agg_ tables)
 * @param sqlFile the query, under sql/derived/; it reads the period as {@code
 *     getvariable('period')} (or the year as {@code getvariable('year')})
 * @param grain whether there is one file per snapshot period or per year of them
 * @param inputs the relations the query reads, each bound to the partitions it may depend on
 * @param views the published views (sql/views) the query selects from, defined over the inputs
 */
public record Derivation(
    String table, String sqlFile, Grain grain, List<Input> inputs, List<String> views) {
  public Derivation {
    Objects.requireNonNull(table, "table");
    inputs = List.copyOf(inputs);
    views = List.copyOf(views);
  }

  /** One file per snapshot period ({@code period=YYYY-MM}) or per year ({@code year=YYYY}). */
  public enum Grain {
    PERIOD,
    YEAR
  }

  /** Which partitions of an input a partition of the derived table reads. */
  public enum Scope {
    /** the same period */
    SAME_PERIOD,
    /** the previous snapshot period (none at the first) */
    PREVIOUS_PERIOD,
    /** the same period and the previous snapshot period */
    SAME_AND_PREVIOUS_PERIOD,
    /** the same period, the previous snapshot period and the period twelve months earlier */
    SAME_PREVIOUS_AND_YEAR_EARLIER_PERIOD,
    /** the snapshot periods of the period's year up to the period */
    PERIODS_OF_YEAR_UP_TO_PERIOD,
    /** the {@code year=} partition of the period's year */
    YEAR_OF_PERIOD,
    /** for a year: its snapshot periods and the last snapshot period before it */
    PERIODS_OF_YEAR_AND_LAST_BEFORE,
    /** every partition; its identity is its content, so rewriting the same rows changes nothing */
    WHOLE
  }

  /**
   * @param relation the name the query reads it by
   * @param source the lake table or derived table it comes from
   * @param scope which of its partitions
   * @param isDerived whether {@code source} is a derived table (built before this one) or a lake
   *     table
   */
  public record Input(String relation, String source, Scope scope, boolean isDerived) {
    public static Input lake(String table, Scope scope) {
      return new Input(table, table, scope, false);
    }

    public static Input derived(String relation, String table, Scope scope) {
      return new Input(relation, table, scope, true);
    }
  }
}
