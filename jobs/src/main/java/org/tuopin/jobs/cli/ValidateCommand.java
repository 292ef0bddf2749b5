package org.tuopin.jobs.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.tuopin.etl.source.Contracts;
import org.tuopin.etl.source.LandingFile;
import org.tuopin.jobs.refresh.LandingScan;
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
          "One of: submissions, registry, allocations, disbursements, villages, screening,"
              + " verifications,"
              + " population.")
  String source;

  @Option(
      names = "--show-paths",
      description =
          "Also print each file's real path beside the name Tuopin gives it (<source>/<month>/<12"
              + " hex digits of its SHA-256>): real names can hold personal data, so nothing"
              + " else prints them.")
  boolean showPaths;

  @Override
  public Integer call() {
    if (!SOURCES.contains(source)) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--source must be one of " + String.join(", ", SOURCES));
    }
    if (showPaths) {
      printPaths();
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

  private void printPaths() {
    Path landing = common.landing.toAbsolutePath().normalize();
    List<LandingFile> files =
        LandingScan.filesFor(landing, period).stream()
            .filter(f -> f.source().equals(source))
            .toList();
    System.err.println("» the files of " + period + " " + source + " (name, real path):");
    for (LandingFile file : files) {
      System.err.println(
          "    " + file.name() + "  " + landing.relativize(Path.of(file.location())));
    }
  }
}
