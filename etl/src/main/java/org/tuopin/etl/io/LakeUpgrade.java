package org.tuopin.etl.io;

import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tuopin.warehouse.DeltaTables;
import org.tuopin.warehouse.LakeLayout;
import org.tuopin.warehouse.LakeLayout.PartitionFiles;
import org.tuopin.warehouse.catalog.LakePartition;

/**
 * Converts the tables of a lake written before Delta ({@code <table>/<partition>/CURRENT} naming a
 * version folder) into Delta tables holding exactly their current versions. Each table is written
 * in one commit beside its old folders, which stay where they are: a kept publish that lists their
 * files keeps answering, and the publisher removes them once no publish reads them. A partition
 * whose files lack the partition column (fact_allocation had no period, and quarantine) gets it
 * from the partition's name.
 *
 * <p>Killed before a table's commit, the table is still in the old layout and the next upgrade
 * converts it again (the files the killed one wrote are read by no version and removed later); a
 * table already a Delta table is left alone, so running it twice is running it once.
 */
public final class LakeUpgrade {
  private LakeUpgrade() {}

  /**
   * @return the tables converted
   */
  public static List<String> run(SparkSession spark, Path root, List<String> tables) {
    LakeLayout layout = new LakeLayout(root);
    Lake lake = new Lake(root);
    List<String> converted = new ArrayList<>();
    for (String table : tables) {
      if (DeltaTables.isTable(root.resolve(table))) {
        continue;
      }
      List<PartitionFiles> current = layout.current(table);
      if (current.isEmpty()) {
        continue;
      }
      Optional<String> column = current.get(0).partition().partitioning().column();
      Dataset<Row> rows = null;
      for (PartitionFiles partition : current) {
        Dataset<Row> part = read(spark, partition, column);
        rows = rows == null ? part : rows.unionByName(part, true);
      }
      lake.writeTable(rows, table, column);
      converted.add(table);
    }
    return converted;
  }

  private static Dataset<Row> read(
      SparkSession spark, PartitionFiles partition, Optional<String> column) {
    Dataset<Row> rows =
        spark
            .read()
            .option("mergeSchema", "true")
            .parquet(partition.files().stream().map(Path::toString).toArray(String[]::new));
    if (column.isEmpty() || Arrays.asList(rows.columns()).contains(column.get())) {
      return rows;
    }
    return rows.withColumn(column.get(), value(partition.partition()));
  }

  /** The partition column's value: the period's first day, or the year. */
  private static Column value(LakePartition partition) {
    if (partition instanceof LakePartition.Period period) {
      return lit(Date.valueOf(period.month().atDay(1)));
    }
    return lit(((LakePartition.Year) partition).year());
  }
}
