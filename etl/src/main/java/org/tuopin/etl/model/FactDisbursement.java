package org.tuopin.etl.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.tuopin.warehouse.catalog.LakeTables;

/**
 * Builds {@code fact_disbursement}: one row per payment (txn_id); a resend with the same content is
 * the same payment. Payments booked on a village carry the village's county in county_code. The
 * beneficiary's identity number is dropped; a payment to a household carries its key.
 */
public final class FactDisbursement {
  public static final String TABLE = LakeTables.FACT_DISBURSEMENT.name();

  /** The lake schema, for reading a partition that may not exist yet. */
  public static final StructType SCHEMA = LakeSchemas.of(LakeTables.FACT_DISBURSEMENT);

  /** The columns, in the lake's order. */
  public static final List<String> COLUMNS = LakeTables.FACT_DISBURSEMENT.columnNames();

  private FactDisbursement() {}

  public static Dataset<Row> build(
      Dataset<Row> stagedDisbursements, LocalDate period, Pseudonyms pseudonyms) {
    return stagedDisbursements
        .dropDuplicates("txn_id")
        .withColumn("period", lit(Date.valueOf(period)))
        .withColumn("household_key", pseudonyms.household(col("household_id")))
        .select(Columns.of(COLUMNS));
  }
}
