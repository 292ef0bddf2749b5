package org.tuopin.tools.cli;

import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.tuopin.etl.Progress;
import org.tuopin.etl.io.Lake;
import org.tuopin.jobs.cli.CommonOptions;
import org.tuopin.jobs.cli.Environment;
import org.tuopin.jobs.cli.Months;
import org.tuopin.jobs.refresh.RefreshJob;
import org.tuopin.jobs.refresh.WriterLock;
import org.tuopin.sample.HistoryCopier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * For benchmarks: years of history at scale without generating and refreshing every month. The
 * lake's month --period is copied into each of the --months months after it, each copy published as
 * a monthly refresh would be (so the publish history and its retention are real).
 */
@Command(
    name = "extend-history",
    hidden = true,
    mixinStandardHelpOptions = true,
    description =
        "For benchmarks: copies the lake's registry, progress and surveys of one month into the"
            + " months after it, publishing after each.")
final class ExtendHistoryCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--period",
      required = true,
      converter = Months.class,
      description = "The month to copy, YYYY-MM (in the lake).")
  YearMonth period;

  @Option(names = "--months", required = true, description = "How many months after it to write.")
  int months;

  @Override
  public Integer call() {
    SparkSession spark = Environment.spark(common);
    try {
      RefreshJob job = Environment.refreshJob(common, spark);
      HistoryCopier copier = new HistoryCopier(spark, new Lake(common.data.resolve("lake")));
      return WriterLock.holding(
          common.data,
          "extend-history --period " + period,
          () -> {
            for (int i = 1; i <= months; i++) {
              YearMonth month = period.plusMonths(i);
              Progress.step("%s: copied from %s", month, period);
              copier.copy(period, month);
              job.publish(List.of());
            }
            return 0;
          });
    } finally {
      spark.stop();
    }
  }
}
