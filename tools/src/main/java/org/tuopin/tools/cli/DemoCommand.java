package org.tuopin.tools.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.sql.SparkSession;
import org.tuopin.bulletin.Bulletins;
import org.tuopin.etl.Progress;
import org.tuopin.jobs.cli.Backfill;
import org.tuopin.jobs.cli.BulletinCommand;
import org.tuopin.jobs.cli.CommonOptions;
import org.tuopin.jobs.cli.Environment;
import org.tuopin.jobs.cli.Months;
import org.tuopin.jobs.config.TuopinConfig;
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
            + " summary. By default the months 2019-12, 2020-12, 2021-11 and 2021-12: two"
            + " year-ends of 脱贫攻坚 and the end of the first year of monitoring, with the month"
            + " before it for the bulletin's ranking change.")
final class DemoCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  /**
   * Four months, generated as three windows (any window of the generator gives the same data for
   * its months): 2019 and 2020's year-ends to compare, and 2021's, when monitoring (防止返贫动态监测) has
   * begun, with its month before. Within two minutes on 2 cores: each month costs 5-9 s once the
   * JVM is warm, and the thirteen months 2019-12..2020-12 took three.
   */
  static final List<List<YearMonth>> DEFAULT_WINDOWS =
      List.of(
          List.of(YearMonth.of(2019, 12)),
          List.of(YearMonth.of(2020, 12)),
          List.of(YearMonth.of(2021, 11), YearMonth.of(2021, 12)));

  @Option(
      names = "--from",
      converter = Months.class,
      description =
          "First month of a range of months instead of the default ones (without --to: to"
              + " 2021-12; 2014-01 for the whole history, much slower).")
  YearMonth from;

  @Option(
      names = "--to",
      converter = Months.class,
      description = "Last month of the range (without --from: from 2019-12).")
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
    List<List<YearMonth>> windows = windows();
    List<YearMonth> months = windows.stream().flatMap(List::stream).toList();
    YearMonth last = months.get(months.size() - 1);
    int exitCode;
    try {
      Progress.step(
          "generating sample data (%s) into %s",
          describe(windows), common.landing.toAbsolutePath());
      SampleDataGenerator generator =
          new SampleDataGenerator(Environment.reference(common, config), seed, Scale.SMALL);
      for (List<YearMonth> window : windows) {
        generator.generate(common.landing, window.get(0), window.get(window.size() - 1));
      }
      exitCode = Backfill.run(Environment.refreshJob(common, spark.join()), months);
    } finally {
      spark.join().stop();
    }
    if (exitCode == 0) {
      Path published = common.data.resolve("serving").resolve(Publisher.FILE_NAME);
      printSummary(published);
      Progress.step("writing the bulletin (月度战报) of %s for each city", last);
      System.out.println(
          "\nBulletins of " + last + " (xlsx for Excel, html for a browser or a phone):");
      BulletinCommand.print(
          Bulletins.write(
              published,
              last,
              null,
              BulletinCommand.folder(common, null),
              LocalDate.now(ZoneId.of("Asia/Shanghai")),
              Environment.config(common).bulletin()));
      Progress.step(
          "demo done in %d s; try: ./tuopin sql \"SELECT * FROM v_poverty_trend WHERE"
              + " region_level='county' ORDER BY period\"",
          Duration.between(started, Instant.now()).toSeconds());
    }
    return exitCode;
  }

  private List<List<YearMonth>> windows() {
    if (from == null && to == null) {
      return DEFAULT_WINDOWS;
    }
    YearMonth first = from != null ? from : DEFAULT_WINDOWS.get(0).get(0);
    List<YearMonth> lastWindow = DEFAULT_WINDOWS.get(DEFAULT_WINDOWS.size() - 1);
    YearMonth end = to != null ? to : lastWindow.get(lastWindow.size() - 1);
    if (end.isBefore(first)) {
      throw new IllegalArgumentException("--to " + end + " is before --from " + first);
    }
    return List.of(Backfill.months(first, end));
  }

  private static String describe(List<List<YearMonth>> windows) {
    return String.join(
        ", ",
        windows.stream()
            .map(w -> w.size() == 1 ? w.get(0).toString() : w.get(0) + " to " + w.get(w.size() - 1))
            .toList());
  }

  /** A table of the demo's summary: its title and its query over the published warehouse. */
  private record SummaryTable(String title, String query) {}

  private static final List<SummaryTable> SUMMARY =
      List.of(
          new SummaryTable(
              "\nPoverty incidence (%) per county, at the last month of each year:",
              "PIVOT (SELECT region_name AS county, year, round(incidence_rate, 2) AS incidence"
                  + " FROM v_poverty_trend WHERE region_level = 'county' QUALIFY period ="
                  + " max(period) OVER (PARTITION BY year)) ON year USING first(incidence) ORDER BY"
                  + " county"),
          new SummaryTable(
              "\nPer county at each year's last month: poor households until 2020, households at"
                  + " risk of returning to poverty (monitored, risk not eliminated) after:",
              "PIVOT (SELECT t.region_name AS county, t.year, CASE WHEN t.year <= 2020 THEN"
                  + " t.poor_households ELSE coalesce(m.at_risk_households, 0) END AS households"
                  + " FROM v_poverty_trend AS t LEFT JOIN v_monitoring AS m USING (period,"
                  + " region_code) WHERE t.region_level = 'county' QUALIFY t.period ="
                  + " max(t.period) OVER (PARTITION BY t.year)) ON year USING first(households)"
                  + " ORDER BY county"),
          new SummaryTable(
              "\nReturn-to-poverty monitoring (防止返贫动态监测) per county, latest month:",
              "SELECT period_label, region_name AS county, monitored_households AS monitored,"
                  + " unstable_households AS 脱贫不稳定户, edge_households AS 边缘易致贫户,"
                  + " hardship_households AS 突发严重困难户, newly_monitored_households AS new,"
                  + " eliminated_households AS eliminated, at_risk_households AS at_risk,"
                  + " round(exited_monitored_rate, 1) AS exited_monitored_pct FROM v_monitoring"
                  + " WHERE region_level = 'county' AND period = (SELECT max(period) FROM"
                  + " v_monitoring) ORDER BY region_code"),
          new SummaryTable(
              "\nLatest progress league (大比武, as the bulletin ranks it: a unit scored on fewer than"
                  + " leagueMinimumShare of its city's indicators is not ranked):",
              "SELECT period_label, city_name, coalesce(CAST(bulletin_rank AS VARCHAR), '未参与排名')"
                  + " AS rank, region_name, indicators_scored || '/' || city_indicators AS"
                  + " indicators, round(score, 1) AS score FROM v_progress_league WHERE period ="
                  + " (SELECT max(period) FROM v_progress_league) ORDER BY city_name, bulletin_rank"
                  + " NULLS LAST, score DESC"));

  private static void printSummary(Path database) throws Exception {
    try (Connection connection = ReadOnlyQueries.open(database);
        Statement statement = connection.createStatement()) {
      for (SummaryTable table : SUMMARY) {
        System.out.println(table.title());
        try (ResultSet result = statement.executeQuery(table.query())) {
          QueryFormatter.print(result, QueryFormatter.Format.TABLE, System.out);
        }
      }
    }
  }
}
