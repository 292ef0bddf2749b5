package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Rows that contradict each other. Only rows that passed every rule so far take part; each
 * conflicting row is marked with the rule (and the column it names), so all of them go to
 * quarantine: no one of them can be trusted over the others.
 */
final class Conflicts {
  private static final String PER_KEY = "conflicts_per_key";

  private Conflicts() {}

  /** Marks the valid rows of every key that has more than one valid row. */
  static Dataset<Row> repeatedKey(
      Dataset<Row> checked, Column[] key, String rule, String ruleColumn) {
    Column valid = col(Staged.RULE).isNull();
    return mark(
        checked.withColumn(PER_KEY, count(when(valid, lit(1))).over(Window.partitionBy(key))),
        rule,
        ruleColumn);
  }

  /**
   * Marks the valid rows of every key whose valid rows differ in {@code content}: the same content
   * sent twice is one figure, two contents are a contradiction.
   */
  static Dataset<Row> differingContent(
      Dataset<Row> checked, Column[] key, Column content, String rule, String ruleColumn) {
    Column valid = col(Staged.RULE).isNull();
    return mark(
        checked.withColumn(
            PER_KEY, size(collect_set(when(valid, content)).over(Window.partitionBy(key)))),
        rule,
        ruleColumn);
  }

  private static Dataset<Row> mark(Dataset<Row> counted, String rule, String ruleColumn) {
    Column conflict = col(Staged.RULE).isNull().and(col(PER_KEY).gt(1));
    return counted
        .withColumn(
            Staged.RULE_COLUMN, when(conflict, lit(ruleColumn)).otherwise(col(Staged.RULE_COLUMN)))
        .withColumn(Staged.RULE, when(conflict, lit(rule)).otherwise(col(Staged.RULE)))
        .drop(PER_KEY);
  }
}
