package org.tuopin.etl.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A registry snapshot is per county: a county whose households are absent from a month keeps its
 * latest earlier snapshot, flagged {@code carried_forward}.
 */
public final class CarryForward {
  private CarryForward() {}

  /**
   * @param sent this period's rows (county_code, carried_forward = false)
   * @param previous the same table's rows of the latest earlier period, same columns
   */
  public static Dataset<Row> apply(Dataset<Row> sent, Dataset<Row> previous, LocalDate period) {
    Dataset<Row> countiesSent = sent.select(col("county_code").as("sent_county_code")).distinct();
    Dataset<Row> carried =
        previous
            .join(countiesSent, col("county_code").equalTo(col("sent_county_code")), "left_anti")
            .withColumn("period", lit(Date.valueOf(period)))
            .withColumn("carried_forward", lit(true));
    return sent.unionByName(carried);
  }

  /**
   * The counties of {@code previous} that {@code sent} has no rows of: those the period carries
   * forward.
   */
  public static List<String> carriedCounties(Dataset<Row> sent, Dataset<Row> previous) {
    Dataset<Row> countiesSent = sent.select(col("county_code").as("sent_county_code")).distinct();
    return previous
        .select(col("county_code"))
        .distinct()
        .join(countiesSent, col("county_code").equalTo(col("sent_county_code")), "left_anti")
        .collectAsList()
        .stream()
        .map(r -> r.getString(0))
        .toList();
  }
}
