package org.tuopin.etl.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Builds {@code fact_disbursement}: one row per payment (txn_id); a resend with the same content
 * is the same payment. Payments booked on a village carry the village's county in county_code.
 * The beneficiary's identity number is dropped; a payment to a household carries its key.
 */
public final class FactDisbursement {
  public static final String TABLE = "fact_disbursement";
  public static final List<String> COLUMNS =
      List.of(
          "txn_id", "paid_on", "period", "region_code", "county_code", "fund_source", "indicator_code",
          "allocation_id", "household_key", "amount_yuan", "reverses_txn_id");

  private FactDisbursement() {}

  public static Dataset<Row> build(Dataset<Row> stagedDisbursements, LocalDate period, Pseudonyms pseudonyms) {
    return stagedDisbursements
        .dropDuplicates("txn_id")
        .withColumn("period", lit(Date.valueOf(period)))
        .withColumn("household_key", pseudonyms.household(col("household_id")))
        .select(Columns.of(COLUMNS));
  }
}
