package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A row rule: a stable name (published in v_data_quality), the column it checks, and the condition
 * under which a row breaks it. Conditions may assume the earlier rules held.
 */
public record Rule(String name, String column, Column broken) {
  private static final String BROKEN_INDEX = "broken_rule_index";

  public Rule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(broken, "broken");
  }

  /**
   * Adds {@code rule} and {@code rule_column}: the name and column of the first rule each row
   * breaks, or nulls. The chain of conditions is evaluated once per row, for both columns.
   */
  public static Dataset<Row> check(Dataset<Row> rows, List<Rule> rules) {
    Column index = lit(null).cast("int");
    for (int i = rules.size() - 1; i >= 0; i--) {
      index = when(rules.get(i).broken(), lit(i + 1)).otherwise(index);
    }
    Column names = array(rules.stream().map(r -> lit(r.name())).toArray(Column[]::new));
    Column columns =
        array(rules.stream().map(r -> lit(r.column()).cast("string")).toArray(Column[]::new));
    return rows.withColumn(BROKEN_INDEX, index)
        .withColumn(
            Staged.RULE, when(col(BROKEN_INDEX).isNotNull(), element_at(names, col(BROKEN_INDEX))))
        .withColumn(
            Staged.RULE_COLUMN,
            when(col(BROKEN_INDEX).isNotNull(), element_at(columns, col(BROKEN_INDEX))))
        .drop(BROKEN_INDEX);
  }
}
