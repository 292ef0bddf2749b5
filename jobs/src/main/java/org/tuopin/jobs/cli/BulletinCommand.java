package org.tuopin.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.tuopin.bulletin.Bulletins;
import org.tuopin.warehouse.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "bulletin",
    mixinStandardHelpOptions = true,
    description =
        "Writes the monthly bulletin (月度战报) of each city from the published warehouse: <city"
            + " code>-<YYYY-MM>.xlsx in the offices' progress-table layout and a self-contained"
            + " .html page (docs/bulletin.md).")
public final class BulletinCommand implements Callable<Integer> {
  private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");

  @Mixin CommonOptions common;

  @Option(
      names = "--period",
      required = true,
      converter = Months.class,
      description = "The bulletin's month, YYYY-MM.")
  YearMonth period;

  @Option(
      names = "--city",
      paramLabel = "CODE",
      description = "One city (its region code); default: every city with figures that month.")
  String city;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Folder of the files (default: <data>/bulletins).")
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
    print(
        Bulletins.write(
            published,
            period,
            city,
            folder(common, out),
            LocalDate.now(OFFICE_ZONE),
            Environment.config(common).bulletin()));
    return 0;
  }

  public static Path folder(CommonOptions common, Path out) {
    return out != null ? out : common.data.resolve("bulletins");
  }

  public static void print(List<Bulletins.Written> written) {
    for (Bulletins.Written bulletin : written) {
      System.out.println(
          bulletin.cityName()
              + " ("
              + bulletin.cityCode()
              + "): "
              + bulletin.workbook().toAbsolutePath()
              + "  "
              + bulletin.page().toAbsolutePath());
    }
  }
}
