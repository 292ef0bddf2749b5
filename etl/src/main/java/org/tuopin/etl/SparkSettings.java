package org.tuopin.etl;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark settings the jobs and the tests share: what the pipeline's results or speed depend on,
 * so a test runs the code as the jobs do. Master, parallelism and scratch space are each caller's
 * own.
 */
public final class SparkSettings {
  private SparkSettings() {}

  public static SparkSession.Builder applyTo(SparkSession.Builder builder) {
    return builder
        .config("spark.ui.enabled", "false")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config(
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        // Delta rebuilds a table's state from its log in 50 tasks by default: for a log of a few
        // thousand actions, task overhead only (12 small tables written 6 times: 258 s -> 52 s).
        .config("spark.databricks.delta.snapshotPartitions", "1")
        // Delta keeps each file's per-column minimum, maximum and null count for data skipping by
        // default: gathered row by row as the file is written (5% of a province month's CPU), read
        // by nothing here (a refresh and a publish read whole partitions, chosen by their values).
        .config("spark.databricks.delta.stats.collect", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        // Validation plans have hundreds of expressions: compiling them whole costs more than it
        // saves.
        .config("spark.sql.codegen.wholeStage", "false")
        // Every query posts its plan as text; for these plans that text costs seconds per month.
        .config("spark.sql.maxPlanStringLength", "2048")
        .config("spark.sql.ui.explainMode", "simple")
        // lower() through ICU builds a word-break iterator per call; codes and headers need only
        // the JVM's mapping.
        .config("spark.sql.icu.caseMappings.enabled", "false")
        // A cached partition the heap cannot hold is written to disk serialized, uncompressed by
        // default: a country's 13 GB of landing records took 31 GB of disk there (the columnar
        // cache leaves their arrays of fields uncompressed). Kept in memory, nothing changes.
        .config("spark.rdd.compress", "true")
        // A refresh reads every earlier period's payment ids: past 32 partitions Spark would list
        // them with a job of its own each month, so a month would cost more as history grows.
        .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "100000")
        .config(
            "spark.sql.sources.commitProtocolClass",
            "org.apache.spark.sql.execution.datasources.SQLHadoopMapReduceCommitProtocol")
        .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "true");
  }
}
