package org.tuopin.sample;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the cadres send back (入户核实), a month after the leads: one file per county in the next
 * month's verifications/ folder, the filled visit list saved as CSV (none in a window's first
 * month: its leads would be of a month before the window). About 85% of the leads are visited,
 * between the 3rd and the 25th of the month (so some after the 15 days); a household the registry
 * takes in the next month is concluded 纳入监测 (visited before its monitoring day), an outside
 * resident 排除, now and then 纳入监测.
 */
final class VerificationFiles {
  private static final List<String> HEADER = List.of("编号", "身份证号", "姓名", "走访日期", "核实结论", "备注");

  private final Path landing;
  private final long seed;
  private final ScreeningFiles screening;

  VerificationFiles(Path landing, long seed, ScreeningFiles screening) {
    this.landing = landing;
    this.seed = seed;
    this.screening = screening;
  }

  long write(YearMonth from, YearMonth to, Map<String, List<HouseholdLife>> households) {
    long written = 0;
    // a window's first month has none: its leads would be of a month before the window
    YearMonth first =
        (from.isAfter(ScreeningFiles.FIRST) ? from : ScreeningFiles.FIRST).plusMonths(1);
    for (YearMonth month = first; !month.isAfter(to); month = month.plusMonths(1)) {
      for (Map.Entry<String, List<HouseholdLife>> county : households.entrySet()) {
        written += writeCounty(month, county.getKey(), county.getValue());
      }
    }
    return written;
  }

  private long writeCounty(YearMonth month, String county, List<HouseholdLife> households) {
    List<ScreeningFiles.Signal> leads = screening.leads(month.minusMonths(1), county, households);
    if (leads.isEmpty()) {
      return 0;
    }
    Path file =
        landing
            .resolve("verifications")
            .resolve(month.toString())
            .resolve(county + "_入户核实_" + month + ".csv");
    long rows = 0;
    try (CsvFile csv = new CsvFile(file, TextEncoding.UTF8, HEADER)) {
      for (ScreeningFiles.Signal lead : leads) {
        Random r = Seeds.random(seed, "verification", lead.person().idNumber(), month);
        if (r.nextInt(100) < 85) {
          csv.row(row(r, lead, month, monitoredOn(lead, month, households)));
          rows++;
        }
      }
    }
    return rows;
  }

  private static List<String> row(
      Random r, ScreeningFiles.Signal lead, YearMonth month, LocalDate monitoredOn) {
    LocalDate visited = month.atDay(Seeds.between(r, 3, 25));
    String conclusion = "排除";
    if (monitoredOn != null) {
      conclusion = "纳入监测";
      visited =
          month.atDay(
              Math.max(1, Math.min(visited.getDayOfMonth(), monitoredOn.getDayOfMonth() - 1)));
    } else if (r.nextInt(10) == 0) {
      conclusion = "纳入监测";
    }
    return List.of(
        "", lead.person().idNumber(), lead.person().name(), visited.toString(), conclusion, "");
  }

  /** The day the registry takes in the lead's household, when it is this month. */
  private static LocalDate monitoredOn(
      ScreeningFiles.Signal lead, YearMonth month, List<HouseholdLife> households) {
    for (HouseholdLife household : households) {
      MonitoringEpisode m = household.monitoring;
      if (m != null
          && YearMonth.from(m.monitoredOn()).equals(month)
          && household.members.contains(lead.person())) {
        return m.monitoredOn();
      }
    }
    return null;
  }
}
