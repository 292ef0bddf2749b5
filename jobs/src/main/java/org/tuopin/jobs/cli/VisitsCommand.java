package org.tuopin.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.tuopin.jobs.config.TuopinConfig;
import org.tuopin.jobs.refresh.DataPaths;
import org.tuopin.jobs.refresh.PseudonymKey;
import org.tuopin.jobs.visits.VisitList;
import org.tuopin.warehouse.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "visits",
    mixinStandardHelpOptions = true,
    description =
        "Writes the township cadres' visit list (入户核实) of one county and month: the published"
            + " leads (v_screening_leads) and alerts (v_monitoring_alerts), each resolved to the"
            + " household or person in the county's own landing files, one sheet per township."
            + " The workbook holds names and identity numbers: it is created owner-only (0600),"
            + " and refused inside the data folder except under data/restricted/ (docs/cli.md).")
final class VisitsCommand implements Callable<Integer> {
  private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");

  @Mixin CommonOptions common;

  @Option(
      names = "--period",
      required = true,
      converter = Months.class,
      description = "The month, YYYY-MM.")
  YearMonth period;

  @Option(
      names = "--county",
      required = true,
      paramLabel = "CODE",
      description = "The county's region code.")
  String county;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE.xlsx",
      description = "The workbook to write (outside the data folder, or under data/restricted/).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path published = common.data.resolve("serving").resolve(Publisher.FILE_NAME);
    if (!Files.exists(published)) {
      throw new IllegalStateException(
          "Nothing is published at "
              + published.toAbsolutePath()
              + " yet: run ./tuopin refresh or ./tuopin demo first");
    }
    TuopinConfig config = Environment.config(common);
    byte[] key =
        PseudonymKey.existing(
            System.getenv(PseudonymKey.ENVIRONMENT_VARIABLE),
            Environment.pseudonymKeyFile(common, config),
            new DataPaths(common.landing, common.data).restricted());
    VisitList.Outcome outcome =
        VisitList.write(
            new VisitList.Request(
                published,
                common.landing,
                common.data,
                county,
                period,
                out,
                config.publishSettings().monitoring().visitDays(),
                config.submissionDeadlineDay(),
                LocalDate.now(OFFICE_ZONE)),
            key);
    System.out.printf(
        "%s %s: %d households and persons to visit, %d found in the landing files; written to %s"
            + " (owner-only)%n",
        county, period, outcome.subjects(), outcome.resolved(), outcome.file());
    return 0;
  }
}
