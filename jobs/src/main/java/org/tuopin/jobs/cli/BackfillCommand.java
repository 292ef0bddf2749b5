package org.tuopin.jobs.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = "Refreshes a range of months, in order, and publishes.")
final class BackfillCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Mixin AllowMissing allowMissing;

  @Mixin MonthRange months;

  @Override
  public Integer call() {
    months.requireOrdered(this);
    SparkSession spark = Environment.spark(common);
    try {
      return Backfill.run(
          Environment.refreshJob(common, spark, allowMissing.sources),
          Backfill.months(months.from, months.to));
    } finally {
      spark.stop();
    }
  }
}
