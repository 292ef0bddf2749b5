package org.tuopin.bulletin;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.tuopin.warehouse.ReadOnlyQueries;

/**
 * Writes the monthly bulletin of each city (or of one) from a published warehouse file, over the
 * read-only query path: {@code <city code>-<YYYY-MM>.xlsx} and {@code .html} per city.
 */
public final class Bulletins {
  private Bulletins() {}

  /** The files one city's bulletin was written to. */
  public record Written(String cityCode, String cityName, Path workbook, Path page) {}

  /**
   * @param cityCode one city, or null for every city with a unit's figure in the period
   * @param issuedOn the day written in the title rows (填报日期)
   */
  public static List<Written> write(
      Path publishedFile,
      YearMonth period,
      String cityCode,
      Path folder,
      LocalDate issuedOn,
      BulletinSettings settings)
      throws SQLException, IOException {
    try (Connection connection = ReadOnlyQueries.open(publishedFile)) {
      List<String> cities =
          cityCode != null
              ? List.of(cityCode)
              : BulletinQueries.citiesWithProgress(connection, period);
      if (cities.isEmpty()) {
        throw new IllegalArgumentException(
            "no city has a progress figure for " + period + ": nothing to report");
      }
      List<Written> written = new ArrayList<>();
      for (String city : cities) {
        BulletinContent content =
            new BulletinQueries(connection, city, period, settings.scheduleTolerancePoints())
                .load();
        String stem = city + "-" + period;
        Path workbook = folder.resolve(stem + ".xlsx");
        Path page = folder.resolve(stem + ".html");
        new BulletinWorkbook(content, issuedOn).write(workbook);
        new BulletinPage(content, issuedOn).write(page);
        written.add(new Written(city, content.city().name(), workbook, page));
      }
      return written;
    }
  }
}
