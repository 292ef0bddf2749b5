package org.tuopin.jobs.cli;

import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.tuopin.etl.source.Contracts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Checks one source of a month against the contracts and the quality gate; writes nothing"
            + " (exit 3: the gate would stop it).")
final class ValidateCommand implements Callable<Integer> {
  /** Every source a refresh reads: the monthly ones and the population of the month's year. */
  private static final List<String> SOURCES =
      Stream.concat(Contracts.MONTHLY_SOURCES.stream(), Stream.of(Contracts.POPULATION)).toList();

  @Mixin CommonOptions common;

  @Option(
      names = "--period",
      required = true,
      converter = Months.class,
      description = "The month, YYYY-MM.")
  YearMonth period;

  @Option(
      names = "--source",
      required = true,
      description =
          "One of: submissions, registry, allocations, disbursements, villages, population.")
  String source;

  @Override
  public Integer call() {
    if (!SOURCES.contains(source)) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--source must be one of " + String.join(", ", SOURCES));
    }
    SparkSession spark = Environment.spark(common);
    try {
      List<String> stopped = Environment.refreshJob(common, spark).validate(period, source);
      if (!stopped.isEmpty()) {
        System.err.println(
            "tuopin: "
                + period
                + " "
                + source
                + " would not pass the quality gate: "
                + String.join("; ", stopped));
        return TuopinCommand.GATE_STOPPED;
      }
      return 0;
    } finally {
      spark.stop();
    }
  }
}
