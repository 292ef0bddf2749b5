package org.tuopin.etl.model;

import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.tuopin.warehouse.catalog.LakeTables;

/** Builds {@code fact_allocation}: one row per allocation (资金下达), keyed by allocation_id. */
public final class FactAllocation {
  public static final String TABLE = LakeTables.FACT_ALLOCATION.name();

  /** The lake schema, for reading a partition that may not exist yet. */
  public static final StructType SCHEMA = LakeSchemas.of(LakeTables.FACT_ALLOCATION);

  /** The columns, in the lake's order. */
  public static final List<String> COLUMNS = LakeTables.FACT_ALLOCATION.columnNames();

  private FactAllocation() {}

  /**
   * @param period the month of the landing files the allocations came in: a re-run of the month
   *     replaces them
   */
  public static Dataset<Row> build(Dataset<Row> stagedAllocations, LocalDate period) {
    return stagedAllocations
        .withColumn("period", lit(Date.valueOf(period)))
        .select(Columns.of(COLUMNS));
  }
}
