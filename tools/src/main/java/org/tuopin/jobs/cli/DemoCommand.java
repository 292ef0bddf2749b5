package org.tuopin.jobs.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.sql.SparkSession;
import org.tuopin.bulletin.Bulletins;
import org.tuopin.jobs.config.TuopinConfig;
import org.tuopin.jobs.refresh.Progress;
import org.tuopin.sample.SampleDataGenerator;
import org.tuopin.sample.Scale;
import org.tuopin.warehouse.Publisher;
import org.tuopin.warehouse.QueryFormatter;
import org.tuopin.warehouse.ReadOnlyQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Generates sample data, refreshes every month of it, publishes, and prints a short trend"
            + " summary.")
final class DemoCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  // Thirteen months: two year-ends to compare, in about two minutes (5-9 s a month on 2 cores once
  // warm).
  @Option(
      names = "--from",
      defaultValue = "2019-12",
      converter = Months.class,
      description =
          "First month (default: ${DEFAULT-VALUE}; 2014-01 for the whole history, much slower).")
  YearMonth from;

  @Option(
      names = "--to",
      defaultValue = "2020-12",
      converter = Months.class,
      description = "Last month (default: ${DEFAULT-VALUE}).")
  YearMonth to;

  @Option(
      names = "--seed",
      defaultValue = "20140101",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    TuopinConfig config = Environment.config(common);
    // Spark takes seconds to start (loading its classes): it starts while the sample data is
    // written.
    CompletableFuture<SparkSession> spark =
        CompletableFuture.supplyAsync(() -> Environment.spark(common));
    int exitCode;
    try {
      Progress.step(
          "generating sample data (%s to %s) into %s", from, to, common.landing.toAbsolutePath());
      new SampleDataGenerator(Environment.reference(common, config), seed, Scale.SMALL)
          .generate(common.landing, from, to);
      exitCode =
          Backfill.run(Environment.refreshJob(common, spark.join()), Backfill.months(from, to));
    } finally {
      spark.join().stop();
    }
    if (exitCode == 0) {
      Path published = common.data.resolve("serving").resolve(Publisher.FILE_NAME);
      printSummary(published);
      Progress.step("writing the bulletin (月度战报) of %s for each city", to);
      System.out.println(
          "\nBulletins of " + to + " (xlsx for Excel, html for a browser or a phone):");
      BulletinCommand.print(
          Bulletins.write(
              published,
              to,
              null,
              BulletinCommand.folder(common, null),
              LocalDate.now(ZoneId.of("Asia/Shanghai"))));
      Progress.step(
          "demo done in %d s; try: ./tuopin sql \"SELECT * FROM v_poverty_trend WHERE"
              + " region_level='county' ORDER BY period\"",
          Duration.between(started, Instant.now()).toSeconds());
    }
    return exitCode;
  }

  private static void printSummary(Path database) throws Exception {
    try (Connection connection = ReadOnlyQueries.open(database);
        Statement statement = connection.createStatement()) {
      System.out.println("\nPoverty incidence (%) per county, at the last month of each year:");
      try (ResultSet result =
          statement.executeQuery(
              "PIVOT (SELECT region_name AS county, year, round(incidence_rate, 2) AS incidence"
                  + " FROM v_poverty_trend WHERE region_level = 'county' QUALIFY period ="
                  + " max(period) OVER (PARTITION BY year)) ON year USING first(incidence) ORDER BY"
                  + " county")) {
        QueryFormatter.print(result, QueryFormatter.Format.TABLE, System.out);
      }
      System.out.println("\nLatest progress league (大比武):");
      try (ResultSet result =
          statement.executeQuery(
              "SELECT period, city_name, rank_in_city, region_name, indicators_scored, round(score,"
                  + " 1) AS score FROM v_progress_league WHERE period = (SELECT max(period) FROM"
                  + " v_progress_league) ORDER BY city_name, rank_in_city NULLS LAST")) {
        QueryFormatter.print(result, QueryFormatter.Format.TABLE, System.out);
      }
    }
  }
}
