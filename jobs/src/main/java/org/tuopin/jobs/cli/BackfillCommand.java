package org.tuopin.jobs.cli;

import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = "Refreshes a range of months, in order, and publishes.")
final class BackfillCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Mixin AllowMissing allowMissing;

  @Option(
      names = "--from",
      required = true,
      converter = Months.class,
      description = "First month, YYYY-MM.")
  YearMonth from;

  @Option(
      names = "--to",
      required = true,
      converter = Months.class,
      description = "Last month, YYYY-MM.")
  YearMonth to;

  @Override
  public Integer call() {
    if (to.isBefore(from)) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--to is before --from");
    }
    SparkSession spark = Environment.spark(common);
    try {
      return Backfill.run(
          Environment.refreshJob(common, spark, allowMissing.sources), Backfill.months(from, to));
    } finally {
      spark.stop();
    }
  }
}
