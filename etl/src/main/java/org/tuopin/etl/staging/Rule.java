package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;

/**
 * A row rule: a stable name (published in v_data_quality), the column it checks, and the
 * condition under which a row breaks it. Conditions may assume the earlier rules held.
 */
public record Rule(String name, String column, Column broken) {
  public Rule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(broken, "broken");
  }

  /** The name of the first rule a row breaks, or null. */
  public static Column firstBroken(List<Rule> rules) {
    return chain(rules, true);
  }

  /** The column of the first rule a row breaks, or null. */
  public static Column firstBrokenColumn(List<Rule> rules) {
    return chain(rules, false);
  }

  private static Column chain(List<Rule> rules, boolean names) {
    Column result = null;
    for (Rule rule : rules) {
      Column value = lit(names ? rule.name() : rule.column());
      result = result == null ? when(rule.broken(), value) : result.when(rule.broken(), value);
    }
    return result == null ? lit(null).cast("string") : result;
  }
}
