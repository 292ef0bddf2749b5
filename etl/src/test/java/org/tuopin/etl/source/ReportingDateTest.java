package org.tuopin.etl.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The order in which a city table's reported_at is chosen, on hand-written title rows. */
class ReportingDateTest {
  private static final LocalDate INGESTED = LocalDate.of(2018, 11, 20);
  private static final Optional<Instant> SAVED = Optional.of(Instant.parse("2018-11-06T01:00:00Z"));
  private static final Optional<Instant> MODIFIED =
      Optional.of(Instant.parse("2018-11-07T17:00:00Z"));

  @Test
  void aLabelledDateWinsOverAnyOtherDayInTheTitleAndOverTheSavedDate() {
    assertEquals(
        new ReportingDate(LocalDate.of(2018, 11, 5), ReportingDate.Origin.TITLE),
        ReportingDate.of(
            List.of("广元市10月战报 2018年11月9日印发", "填报日期: 2018-11-05"), SAVED, MODIFIED, INGESTED));
  }

  @Test
  void anUnlabelledDayCountsButThePeriodsEndDoesNot() {
    assertEquals(
        LocalDate.of(2018, 11, 2),
        ReportingDate.of(
                List.of("（截至2018年10月31日）", "广元市扶贫开发局 2018年11月2日"), SAVED, MODIFIED, INGESTED)
            .day());
    assertEquals(
        ReportingDate.Origin.SAVED,
        ReportingDate.of(List.of("（截至2018年10月31日）", "2018年13月40日"), SAVED, MODIFIED, INGESTED)
            .origin());
  }

  @Test
  void withoutATitleDateTheSavedDateThenTheFileTimeThenTheIngestionDayInBeijingTime() {
    assertEquals(
        new ReportingDate(LocalDate.of(2018, 11, 6), ReportingDate.Origin.SAVED),
        ReportingDate.of(List.of("进度表"), SAVED, MODIFIED, INGESTED));
    assertEquals(
        new ReportingDate(LocalDate.of(2018, 11, 8), ReportingDate.Origin.FILE_TIME),
        ReportingDate.of(List.of("进度表"), Optional.empty(), MODIFIED, INGESTED),
        "17:00 UTC is the next morning in Beijing");
    assertEquals(
        new ReportingDate(INGESTED, ReportingDate.Origin.INGESTED),
        ReportingDate.of(
            List.of(),
            Optional.of(Instant.parse("2030-01-01T00:00:00Z")),
            Optional.of(Instant.EPOCH),
            INGESTED),
        "a saved date after the ingestion and a file time of 1970 are clocks that lie");
  }
}
