package org.tuopin.etl.source;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day a city table's figures were reported (their reported_at): the wide layout has no column
 * for it. In order: a date written in the title rows (填报日期/报送日期, else any day such as 2018年11月5日),
 * the workbook's saved date (document properties, which WPS, export libraries and many government
 * systems do not write), the file's modification time on landing, and last the day it was ingested.
 * Missing metadata never costs a correct figure.
 */
record ReportingDate(LocalDate day, Origin origin) {
  static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");
  // A landing file dated before the programme or after its ingestion has a clock that lies.
  private static final LocalDate EARLIEST = LocalDate.of(2013, 1, 1);
  private static final String DAY = "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})";
  private static final Pattern LABELLED =
      Pattern.compile("(?:填报|报送|上报)(?:日期|时间)\\s*[:：]?\\s*" + DAY);
  private static final Pattern ANY_DAY =
      Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");

  /** Where the day came from, as the quality report says it. */
  enum Origin {
    TITLE("a date in its title rows"),
    SAVED("the workbook's saved date"),
    FILE_TIME("the file's modification time (the workbook records no date)"),
    INGESTED("the day it was ingested (the workbook and the file record no usable date)");

    private final String description;

    Origin(String description) {
      this.description = description;
    }

    String description() {
      return description;
    }
  }

  /**
   * @param titleRows the text of each row above the header
   * @param saved the workbook's saved (else created) time, when it records one
   * @param modified the file's modification time on landing
   * @param ingestedOn the day of the run, in the offices' time zone
   */
  static ReportingDate of(
      List<String> titleRows,
      Optional<Instant> saved,
      Optional<Instant> modified,
      LocalDate ingestedOn) {
    Optional<LocalDate> written =
        inTitle(titleRows, LABELLED).or(() -> inTitle(titleRows, ANY_DAY));
    if (written.isPresent()) {
      return new ReportingDate(written.get(), Origin.TITLE);
    }
    Optional<LocalDate> savedDay =
        saved.map(ReportingDate::officeDay).filter(d -> plausible(d, ingestedOn));
    if (savedDay.isPresent()) {
      return new ReportingDate(savedDay.get(), Origin.SAVED);
    }
    return modified
        .map(ReportingDate::officeDay)
        .filter(d -> plausible(d, ingestedOn))
        .map(d -> new ReportingDate(d, Origin.FILE_TIME))
        .orElse(new ReportingDate(ingestedOn, Origin.INGESTED));
  }

  /** What the quality report says about the file. */
  String note() {
    return "reported_at " + day + " from " + origin.description();
  }

  private static Optional<LocalDate> inTitle(List<String> titleRows, Pattern pattern) {
    for (String row : titleRows) {
      Matcher matcher = pattern.matcher(row);
      while (matcher.find()) {
        if (row.substring(0, matcher.start()).matches("(?s).*(截至|截止|到)\\s*")) {
          continue; // 截至2018年10月31日 is the period's end, not the day of the report
        }
        try {
          return Optional.of(
              LocalDate.of(
                  Integer.parseInt(matcher.group(1)),
                  Integer.parseInt(matcher.group(2)),
                  Integer.parseInt(matcher.group(3))));
        } catch (DateTimeException notADay) {
          // 2018年13月40日 is no date: look further along the row
        }
      }
    }
    return Optional.empty();
  }

  private static LocalDate officeDay(Instant instant) {
    return LocalDate.ofInstant(instant, OFFICE_ZONE);
  }

  private static boolean plausible(LocalDate day, LocalDate ingestedOn) {
    return !day.isBefore(EARLIEST) && !day.isAfter(ingestedOn);
  }
}
