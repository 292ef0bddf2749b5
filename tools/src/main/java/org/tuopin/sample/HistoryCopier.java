package org.tuopin.sample;

import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.tuopin.etl.io.Lake;
import org.tuopin.etl.model.FactHouseholdSnapshot;
import org.tuopin.etl.model.FactMemberSnapshot;
import org.tuopin.etl.model.FactProgress;
import org.tuopin.etl.model.FactVillageSurvey;
import org.tuopin.warehouse.catalog.LakePartition;

/**
 * Makes years of history cheaply, for benchmarks only: a month's registry snapshots, progress
 * figures and village surveys, as the lake holds them, written again as a later month's, with the
 * period changed and nothing else. Fund records are not copied (their ids must be unique), so a
 * copied month has no payments. Copying a province month takes seconds where generating and
 * refreshing it takes minutes.
 */
public final class HistoryCopier {
  private static final List<String> TABLES =
      List.of(
          FactHouseholdSnapshot.TABLE,
          FactMemberSnapshot.TABLE,
          FactProgress.TABLE,
          FactVillageSurvey.TABLE);
  private final SparkSession spark;
  private final Lake lake;

  public HistoryCopier(SparkSession spark, Lake lake) {
    this.spark = spark;
    this.lake = lake;
  }

  /** Writes month {@code from}'s partitions again as month {@code to}'s. */
  public void copy(YearMonth from, YearMonth to) {
    LakePartition source = LakePartition.period(from);
    if (!lake.exists(FactHouseholdSnapshot.TABLE, source)) {
      throw new IllegalArgumentException(
          "The lake has no registry snapshot of " + from + " to copy");
    }
    for (String table : TABLES) {
      if (lake.exists(table, source)) {
        lake.write(
            lake.readCurrent(spark, table, source)
                .withColumn("period", lit(Date.valueOf(to.atDay(1)))),
            table,
            LakePartition.period(to),
            lake.fileCount(table, source));
      }
    }
  }
}
