package org.tuopin.etl.model;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Builds {@code fact_allocation}: one row per allocation (资金下达), keyed by allocation_id. */
public final class FactAllocation {
  public static final String TABLE = "fact_allocation";

  /** The lake schema, for reading a partition that may not exist yet. */
  public static final org.apache.spark.sql.types.StructType SCHEMA =
      org.apache.spark.sql.types.StructType.fromDDL(
          "allocation_id STRING, year INT, region_code STRING, fund_source STRING, indicator_code"
              + " STRING, amount_yuan DECIMAL(18,2), approved_on DATE");

  public static final List<String> COLUMNS =
      List.of(
          "allocation_id",
          "year",
          "region_code",
          "fund_source",
          "indicator_code",
          "amount_yuan",
          "approved_on");

  private FactAllocation() {}

  public static Dataset<Row> build(Dataset<Row> stagedAllocations) {
    return stagedAllocations.select(Columns.of(COLUMNS));
  }
}
