package org.tuopin.sample;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The departments' monthly screening files (部门筛查预警, from 2021), one per county and department: most
 * signals over a threshold come the month before the registry takes their household in (the risk
 * says which department sees it first: 因病 医保, 因学 教育, 因灾 应急, 因残 残联, 因意外事故 公安, the others 民政), the
 * rest are rural residents outside the registry (edge households before their monitoring, and
 * others) and signals under their thresholds. 教育 sends in March and September, 住建 each quarter, the
 * others monthly; 医保's amounts are the year's self-paid costs so far.
 */
final class ScreeningFiles {
  static final YearMonth FIRST = YearMonth.of(2021, 1);
  private static final List<String> HEADER =
      List.of(
          "department",
          "id_number",
          "name",
          "village_code",
          "category",
          "occurred_on",
          "amount_yuan",
          "figures_as_of");
  private static final List<String> HEADER_ZH =
      List.of("部门", "身份证号", "姓名", "村代码", "类别", "发生日期", "金额", "统计截止日期");

  /** One row of a department's file. */
  record Signal(
      String department,
      Person person,
      String villageCode,
      String category,
      LocalDate occurredOn,
      Long amountYuan,
      LocalDate figuresAsOf) {}

  private final Path landing;
  private final long seed;

  ScreeningFiles(Path landing, long seed) {
    this.landing = landing;
    this.seed = seed;
  }

  long write(YearMonth from, YearMonth to, Map<String, List<HouseholdLife>> households) {
    long written = 0;
    for (YearMonth month = later(from, FIRST); !month.isAfter(to); month = month.plusMonths(1)) {
      for (Map.Entry<String, List<HouseholdLife>> county : households.entrySet()) {
        written += writeCounty(month, county.getKey(), county.getValue());
      }
    }
    return written;
  }

  private long writeCounty(YearMonth month, String county, List<HouseholdLife> households) {
    Map<String, List<Signal>> byDepartment = new TreeMap<>();
    signals(month, county, households)
        .forEach(s -> byDepartment.computeIfAbsent(s.department(), d -> new ArrayList<>()).add(s));
    boolean chinese = Seeds.random(seed, "headers", county).nextInt(10) < 4;
    long rows = 0;
    for (Map.Entry<String, List<Signal>> department : byDepartment.entrySet()) {
      Path file =
          landing
              .resolve("screening")
              .resolve(month.toString())
              .resolve(county + "_" + department.getKey() + "_筛查_" + month + ".csv");
      try (CsvFile csv =
          new CsvFile(
              file, TextEncoding.ofOffice(seed, county, chinese), chinese ? HEADER_ZH : HEADER)) {
        for (Signal s : department.getValue()) {
          csv.row(row(s));
          rows++;
        }
      }
    }
    return rows;
  }

  private static List<String> row(Signal s) {
    return List.of(
        s.department(),
        s.person().idNumber(),
        s.person().name(),
        s.villageCode(),
        s.category(),
        s.occurredOn().toString(),
        s.amountYuan() == null ? "" : String.valueOf(s.amountYuan()),
        s.figuresAsOf().toString());
  }

  /** The month's signals of the county, on each department's cadence. */
  private List<Signal> signals(YearMonth month, String county, List<HouseholdLife> households) {
    List<Signal> signals = new ArrayList<>();
    for (HouseholdLife household : households) {
      Signal lead = beforeMonitoring(household, month);
      if (lead != null) {
        signals.add(lead);
      }
      Random r = Seeds.random(seed, "screening-noise", household.householdId, month);
      if (household.presentAt(month) && r.nextInt(1000) < 4) {
        signals.add(underThreshold(r, household, month));
      }
    }
    signals.addAll(outsideResidents(month, county, households));
    return signals.stream().filter(s -> sends(s.department(), month)).toList();
  }

  /**
   * The month's signals that the generator means as leads: those before a monitoring, and the
   * outside residents' over 20,000 yuan or without an amount (a new 低保).
   */
  List<Signal> leads(YearMonth month, String county, List<HouseholdLife> households) {
    List<Signal> leads = new ArrayList<>();
    for (HouseholdLife household : households) {
      Signal lead = beforeMonitoring(household, month);
      if (lead != null) {
        leads.add(lead);
      }
    }
    outsideResidents(month, county, households).stream()
        .filter(s -> s.amountYuan() == null || s.amountYuan() >= 20_000)
        .forEach(leads::add);
    return leads.stream().filter(s -> sends(s.department(), month)).toList();
  }

  /**
   * Seven households in ten taken into monitoring show up the month before in a department's file,
   * over the threshold of their subject (an edge household is not yet in the registry).
   */
  private Signal beforeMonitoring(HouseholdLife household, YearMonth month) {
    MonitoringEpisode m = household.monitoring;
    if (m == null || !YearMonth.from(m.monitoredOn()).minusMonths(1).equals(month)) {
      return null;
    }
    Random r = Seeds.random(seed, "screening-lead", household.householdId);
    if (r.nextInt(10) >= 7) {
      return null;
    }
    Person person = household.members.get(r.nextInt(household.members.size()));
    double over = household.edge ? 4.0 : 1.0;
    LocalDate day = month.atDay(Seeds.between(r, 1, 20));
    return switch (m.riskType()) {
      case "因病" ->
          medical(
              person,
              household.villageCode,
              month,
              Math.round(5_000 * over * (1.2 + r.nextDouble() * 3)));
      case "因学" ->
          new Signal(
              "教育",
              person,
              household.villageCode,
              "教育自付",
              day,
              Math.round(3_000 * over * (1.1 + r.nextDouble())),
              month.atEndOfMonth());
      case "因灾" ->
          new Signal(
              "应急",
              person,
              household.villageCode,
              "灾害损失",
              day,
              Math.round(5_000 * over * (1.2 + r.nextDouble() * 4)),
              month.atEndOfMonth());
      case "因残" ->
          new Signal("残联", person, household.villageCode, "新办残疾证", day, null, month.atEndOfMonth());
      case "因意外事故" ->
          new Signal("公安", person, household.villageCode, "意外死亡", day, null, month.atEndOfMonth());
      default ->
          new Signal(
              "民政",
              person,
              household.villageCode,
              r.nextInt(5) == 0 ? "新增特困" : "新增低保",
              day,
              null,
              month.atEndOfMonth());
    };
  }

  /** 医保's year-to-date self-paid costs, up to the end of the month before the file's. */
  private static Signal medical(Person person, String village, YearMonth month, long yuan) {
    YearMonth figures = month.minusMonths(1);
    return new Signal(
        "医保", person, village, "住院自付", figures.atDay(10), yuan, figures.atEndOfMonth());
  }

  /** A registered member's costs or losses under the threshold. */
  private static Signal underThreshold(Random r, HouseholdLife household, YearMonth month) {
    Person person = household.members.get(r.nextInt(household.members.size()));
    if (r.nextInt(3) == 0) {
      return new Signal(
          "应急",
          person,
          household.villageCode,
          "灾害损失",
          month.atDay(Seeds.between(r, 1, 20)),
          (long) Seeds.between(r, 300, 4_500),
          month.atEndOfMonth());
    }
    return medical(person, household.villageCode, month, Seeds.between(r, 500, 4_800));
  }

  /**
   * Rural residents outside the registry: about one for 300 registered households a month, a 医保
   * cost most of which stay under 20,000 yuan, and now and then a new 低保.
   */
  private List<Signal> outsideResidents(
      YearMonth month, String county, List<HouseholdLife> households) {
    List<String> villages = new ArrayList<>(villagesOf(households));
    Random r = Seeds.random(seed, "screening-outside", county, month);
    int count = 1 + households.size() / 300;
    List<Signal> signals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String sex = r.nextBoolean() ? "男" : "女";
      LocalDate born =
          LocalDate.of(
              Seeds.between(r, 1940, 2000), Seeds.between(r, 1, 12), Seeds.between(r, 1, 28));
      Person person = Person.of(r, county, Person.surname(r), "户主", sex, born);
      String village = villages.get(r.nextInt(villages.size()));
      if (r.nextInt(8) == 0) {
        signals.add(
            new Signal(
                "民政",
                person,
                village,
                "新增低保",
                month.atDay(Seeds.between(r, 1, 20)),
                null,
                month.atEndOfMonth()));
      } else {
        signals.add(medical(person, village, month, Seeds.between(r, 2_000, 26_000)));
      }
    }
    return signals;
  }

  private static TreeSet<String> villagesOf(List<HouseholdLife> households) {
    TreeSet<String> villages = new TreeSet<>();
    households.forEach(h -> villages.add(h.villageCode));
    return villages;
  }

  /** 教育 sends in March and September, 住建 each quarter, the others every month. */
  private static boolean sends(String department, YearMonth month) {
    int m = month.getMonthValue();
    return switch (department) {
      case "教育" -> m == 3 || m == 9;
      case "住建" -> m % 3 == 0;
      default -> true;
    };
  }

  private static YearMonth later(YearMonth a, YearMonth b) {
    return a.isAfter(b) ? a : b;
  }
}
