package org.tuopin.jobs.cli;

import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "refresh",
    mixinStandardHelpOptions = true,
    description =
        "Ingests, validates, builds and publishes one month; re-running gives the same warehouse.")
final class RefreshCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Mixin AllowMissing allowMissing;

  @Option(
      names = "--period",
      required = true,
      converter = Months.class,
      description = "The month, YYYY-MM.")
  YearMonth period;

  @Override
  public Integer call() {
    SparkSession spark = Environment.spark(common);
    try {
      return Backfill.run(
          Environment.refreshJob(common, spark, allowMissing.sources), List.of(period));
    } finally {
      spark.stop();
    }
  }
}
