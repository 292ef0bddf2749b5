package org.tuopin.etl.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.tuopin.etl.model.FactAllocation;
import org.tuopin.etl.model.FactDisbursement;
import org.tuopin.etl.staging.MonthStaging.EarlierFacts;
import org.tuopin.warehouse.catalog.LakePartition;

/** What a month's refresh reads of the lake's other months. */
public record LakeLookups(SparkSession spark, Lake lake) {

  /** The allocations and payments of months other than {@code period}, for its rules. */
  public EarlierFacts earlierFacts(YearMonth period) {
    Dataset<Row> samePeriod =
        lake.read(spark, FactAllocation.TABLE, LakePartition.period(period), FactAllocation.SCHEMA)
            .select(col("allocation_id").as("same_period_id"));
    Dataset<Row> allocations =
        lake.readAll(spark, FactAllocation.TABLE, FactAllocation.SCHEMA)
            .filter(col("approved_on").isNotNull())
            .join(samePeriod, col("allocation_id").equalTo(col("same_period_id")), "left_anti")
            .select(col("allocation_id").as("earlier_allocation_id"));
    Dataset<Row> payments =
        lake.readAll(spark, FactDisbursement.TABLE, FactDisbursement.SCHEMA)
            .filter(col("period").notEqual(lit(Date.valueOf(period.atDay(1)))))
            .select(col("txn_id").as("earlier_txn_id"));
    return new EarlierFacts(allocations, payments);
  }

  /** The table's latest partition before {@code period}; empty (of {@code schema}) if none. */
  public Dataset<Row> previousPartition(String table, YearMonth period, StructType schema) {
    return lake.latestPeriodBefore(table, period)
        .map(p -> lake.read(spark, table, LakePartition.period(p), schema))
        .orElseGet(() -> spark.createDataFrame(List.of(), schema));
  }
}
