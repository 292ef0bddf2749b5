package org.tuopin.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.tuopin.etl.reference.Indicator;
import org.tuopin.etl.reference.Region;
import org.tuopin.etl.reference.RegionTree;

/**
 * Long-layout progress submissions: per reporting unit and month, the annual target and the
 * cumulative completion of each indicator it works on that year, rising through the year. Now and
 * then a unit sends a figure wrong and resends the corrected file a few days later. A city with
 * several units also publishes its bulletin table of the final figures on the 11th of the next
 * month, after its units' corrections: an .xlsx, or in about one month in three an Excel 97-2003
 * .xls without document properties (its date is only in its title rows).
 */
final class ProgressFiles {
  private static final List<String> HEADER =
      List.of(
          "period",
          "region_code",
          "indicator_code",
          "unit",
          "annual_target",
          "cumulative_completed",
          "reported_at",
          "reporter");
  private static final List<String> HEADER_ZH =
      List.of("报告期", "区划代码", "指标代码", "单位", "年度任务", "累计完成", "填报日期", "填报单位");

  private final Path landing;
  private final long seed;
  private final List<Indicator> indicators;

  ProgressFiles(Path landing, long seed, List<Indicator> indicators) {
    this.landing = landing;
    this.seed = seed;
    this.indicators = indicators;
  }

  private static final int BULLETIN_DAY = 11;

  long write(YearMonth month, List<Region> units, RegionTree regions) {
    long rows = 0;
    Map<String, Map<Indicator, Map<Region, CityBulletinFile.Figure>>> byCity = new TreeMap<>();
    for (Region unit : units) {
      Map<Indicator, Map<Region, CityBulletinFile.Figure>> cityFigures =
          byCity.computeIfAbsent(unit.parentCode(), c -> new LinkedHashMap<>());
      rows += writeUnit(month, unit, cityFigures);
    }
    for (Map.Entry<String, Map<Indicator, Map<Region, CityBulletinFile.Figure>>> city :
        byCity.entrySet()) {
      List<Region> cityUnits =
          units.stream().filter(u -> u.parentCode().equals(city.getKey())).toList();
      if (cityUnits.size() > 1) {
        rows += writeBulletin(month, regions.require(city.getKey()), cityUnits, city.getValue());
      }
    }
    return rows;
  }

  private long writeBulletin(
      YearMonth month,
      Region city,
      List<Region> units,
      Map<Indicator, Map<Region, CityBulletinFile.Figure>> figures) {
    Map<Indicator, Map<Region, CityBulletinFile.Figure>> ordered = new LinkedHashMap<>();
    indicators.stream().filter(figures::containsKey).forEach(i -> ordered.put(i, figures.get(i)));
    String extension =
        Seeds.random(seed, "bulletin-format", city.code() + month).nextInt(3) == 0
            ? ".xls"
            : ".xlsx";
    Path file =
        landing
            .resolve("submissions")
            .resolve(month.toString())
            .resolve(city.name() + "_月度战报_" + month + extension);
    CityBulletinFile.write(
        file, city, units, month, ordered, month.plusMonths(1).atDay(BULLETIN_DAY));
    return ordered.values().stream().mapToLong(Map::size).sum();
  }

  private long writeUnit(
      YearMonth month,
      Region unit,
      Map<Indicator, Map<Region, CityBulletinFile.Figure>> cityFigures) {
    Random r = Seeds.random(seed, "submission", unit.code(), month);
    boolean chinese = Seeds.random(seed, "headers", unit.code()).nextInt(10) < 4;
    TextEncoding encoding = TextEncoding.ofOffice(seed, unit.code(), chinese);
    LocalDate reportedAt = month.plusMonths(1).atDay(Seeds.between(r, 2, 7));
    String reporter = unit.name() + "乡村振兴局" + (r.nextInt(5) == 0 ? ",规划股" : "");
    List<List<String>> rows = new ArrayList<>();
    for (Indicator indicator : indicatorsOf(unit, month.getYear())) {
      BigDecimal target = target(unit, indicator, month.getYear());
      BigDecimal completed = completed(unit, indicator, month, target);
      cityFigures
          .computeIfAbsent(indicator, i -> new LinkedHashMap<>())
          .put(unit, new CityBulletinFile.Figure(target, completed));
      rows.add(row(month, unit, indicator, target, completed, reportedAt, reporter, chinese));
    }
    Path folder = landing.resolve("submissions").resolve(month.toString());
    int corrected = r.nextInt(100) < 5 && !rows.isEmpty() ? r.nextInt(rows.size()) : -1;
    try (CsvFile file =
        new CsvFile(
            folder.resolve(unit.code() + "_进度_" + month + ".csv"),
            encoding,
            chinese ? HEADER_ZH : HEADER)) {
      for (int i = 0; i < rows.size(); i++) {
        file.row(i == corrected ? mistyped(rows.get(i)) : rows.get(i));
      }
    }
    if (corrected >= 0) {
      List<String> fixed = new ArrayList<>(rows.get(corrected));
      fixed.set(6, reportedAt.plusDays(3).toString());
      try (CsvFile file =
          new CsvFile(
              folder.resolve(unit.code() + "_进度_" + month + "_更正.csv"),
              encoding,
              chinese ? HEADER_ZH : HEADER)) {
        file.row(fixed);
      }
      return rows.size() + 1;
    }
    return rows.size();
  }

  /** The first send of a figure that is later corrected: completion short by a few units. */
  private static List<String> mistyped(List<String> row) {
    List<String> wrong = new ArrayList<>(row);
    BigDecimal completed = new BigDecimal(row.get(5));
    wrong.set(5, completed.subtract(completed.min(BigDecimal.TEN)).toPlainString());
    return wrong;
  }

  private List<Indicator> indicatorsOf(Region unit, int year) {
    List<Indicator> chosen = new ArrayList<>();
    for (Indicator indicator : indicators) {
      Random r = Seeds.random(seed, "works-on", unit.code(), year, indicator.code());
      boolean works =
          unit.custom()
              ? List.of("industry_support", "employment_transfer", "microcredit")
                  .contains(indicator.code())
              : r.nextInt(10) < 7;
      if (works) {
        chosen.add(indicator);
      }
    }
    return chosen;
  }

  private BigDecimal target(Region unit, Indicator indicator, int year) {
    Random r = Seeds.random(seed, "target", unit.code(), indicator.code(), year);
    if (unit.custom() && r.nextInt(3) == 0) {
      return BigDecimal.ZERO;
    }
    double base =
        switch (indicator.unit()) {
          case "人" -> Seeds.between(r, 200, 2500);
          case "户" -> Seeds.between(r, 80, 900);
          case "个" -> Seeds.between(r, 5, 60);
          case "公里" -> Seeds.between(r, 20, 180);
          default -> Seeds.between(r, 300, 3000);
        };
    return rounded(unit.custom() ? base / 10 : base, indicator);
  }

  private BigDecimal completed(
      Region unit, Indicator indicator, YearMonth month, BigDecimal target) {
    Random r = Seeds.random(seed, "achieve", unit.code(), indicator.code(), month.getYear());
    double achievement = Seeds.between(r, 0.88, 1.12);
    double share = Math.pow(month.getMonthValue() / 12.0, 1.3);
    return rounded(target.doubleValue() * achievement * share, indicator);
  }

  private static BigDecimal rounded(double value, Indicator indicator) {
    int scale = indicator.unit().equals("公里") || indicator.unit().equals("万元") ? 1 : 0;
    return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
  }

  private static List<String> row(
      YearMonth month,
      Region unit,
      Indicator indicator,
      BigDecimal target,
      BigDecimal completed,
      LocalDate reportedAt,
      String reporter,
      boolean chinese) {
    String reported =
        chinese
            ? reportedAt.getYear()
                + "年"
                + reportedAt.getMonthValue()
                + "月"
                + reportedAt.getDayOfMonth()
                + "日"
            : reportedAt.toString();
    return List.of(
        month.toString(),
        unit.code(),
        chinese ? indicator.name() : indicator.code(),
        indicator.unit(),
        target.toPlainString(),
        completed.toPlainString(),
        reported,
        reporter);
  }
}
