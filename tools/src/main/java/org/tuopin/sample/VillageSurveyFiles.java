package org.tuopin.sample;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * The annual village exit survey (贫困村退出认定), sent with December's files: per county, every village
 * with registered households, its collective income and the 一低五有 facilities, which improve year by
 * year.
 */
final class VillageSurveyFiles {
  private static final List<String> HEADER =
      List.of(
          "village_code",
          "is_poor_village",
          "collective_income_yuan",
          "hardened_road",
          "clinic",
          "culture_room",
          "network",
          "power");
  private static final List<String> HEADER_ZH =
      List.of("村代码", "贫困村", "集体经济收入", "通硬化路", "标准化卫生室", "文化室", "通信网络", "生活用电");
  private static final int FIRST_SURVEY_YEAR = 2014;

  private final Path landing;
  private final long seed;

  VillageSurveyFiles(Path landing, long seed) {
    this.landing = landing;
    this.seed = seed;
  }

  long write(YearMonth from, YearMonth to, Map<String, List<HouseholdLife>> households) {
    long written = 0;
    for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
      if (month.getMonthValue() == 12) {
        for (Map.Entry<String, List<HouseholdLife>> county : households.entrySet()) {
          written += writeCounty(month, county.getKey(), county.getValue());
        }
      }
    }
    return written;
  }

  private long writeCounty(YearMonth december, String county, List<HouseholdLife> households) {
    boolean chinese = Seeds.random(seed, "headers", county).nextInt(10) < 4;
    TreeSet<String> villages = new TreeSet<>();
    households.forEach(h -> villages.add(h.villageCode));
    Path file =
        landing
            .resolve("villages")
            .resolve(december.toString())
            .resolve(county + "_贫困村退出_" + december.getYear() + ".csv");
    try (CsvFile csv =
        new CsvFile(
            file, TextEncoding.ofOffice(seed, county, chinese), chinese ? HEADER_ZH : HEADER)) {
      for (String village : villages) {
        csv.row(surveyRow(village, december.getYear(), chinese));
      }
    }
    return villages.size();
  }

  private List<String> surveyRow(String village, int year, boolean chinese) {
    Random r = Seeds.random(seed, "village-survey", village, year);
    double progress = Math.min(1.0, (year - FIRST_SURVEY_YEAR + 1) / 6.0);
    long income =
        r.nextDouble() < progress ? Math.round(Seeds.between(r, 5_000, 80_000) * progress) : 0;
    return List.of(
        village,
        yesNo(true, chinese),
        String.valueOf(income),
        yesNo(r.nextDouble() < 0.3 + 0.7 * progress, chinese),
        yesNo(r.nextDouble() < 0.4 + 0.6 * progress, chinese),
        yesNo(r.nextDouble() < 0.3 + 0.7 * progress, chinese),
        yesNo(r.nextDouble() < 0.5 + 0.5 * progress, chinese),
        yesNo(r.nextDouble() < 0.9 + 0.1 * progress, chinese));
  }

  private static String yesNo(boolean value, boolean chinese) {
    return chinese ? (value ? "是" : "否") : (value ? "1" : "0");
  }
}
