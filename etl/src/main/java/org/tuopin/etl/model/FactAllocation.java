package org.tuopin.etl.model;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** Builds {@code fact_allocation}: one row per allocation (资金下达), keyed by allocation_id. */
public final class FactAllocation {
  public static final String TABLE = "fact_allocation";

  /** The lake schema, for reading a partition that may not exist yet. */
  public static final StructType SCHEMA =
      StructType.fromDDL(
          "allocation_id STRING, year INT, region_code STRING, fund_source STRING, indicator_code"
              + " STRING, amount_yuan DECIMAL(18,2), approved_on DATE");

  /** The columns, in the lake's order. */
  public static final List<String> COLUMNS = List.of(SCHEMA.fieldNames());

  private FactAllocation() {}

  public static Dataset<Row> build(Dataset<Row> stagedAllocations) {
    return stagedAllocations.select(Columns.of(COLUMNS));
  }
}
