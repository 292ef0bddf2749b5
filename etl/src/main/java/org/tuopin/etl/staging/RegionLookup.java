package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Joins a month's rows to a region look-up (villages, payees) by code. The look-ups come from the
 * complete GB/T 2260 list (620,000 villages), so each is first cut down to the codes the rows name,
 * a cheap semi-join against the rows' few distinct codes; only that remainder is broadcast.
 * Broadcasting the whole list for every staging doubled a small month's time.
 */
final class RegionLookup {
  private static final String NAMED_CODE = "named_region_code";

  private RegionLookup() {}

  /**
   * {@code rows} left-joined to the {@code lookup} rows whose {@code lookupCode} equals {@code
   * rowCode}.
   */
  static Dataset<Row> join(
      Dataset<Row> rows, Column rowCode, Dataset<Row> lookup, String lookupCode) {
    Dataset<Row> named = rows.select(rowCode.as(NAMED_CODE)).distinct();
    Dataset<Row> needed =
        lookup.join(broadcast(named), col(lookupCode).equalTo(col(NAMED_CODE)), "left_semi");
    return rows.join(broadcast(needed), rowCode.equalTo(col(lookupCode)), "left");
  }
}
