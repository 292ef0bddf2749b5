package org.tuopin.sample;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Monthly registry snapshots: one households file and one members file per county. */
final class RegistryFiles {
  private static final List<String> HOUSEHOLD_HEADER =
      List.of(
          "household_id",
          "village_code",
          "head_id_number",
          "head_name",
          "phone",
          "member_count",
          "poverty_cause",
          "identified_year",
          "status",
          "exit_year",
          "per_capita_income",
          "food_clothing_secure",
          "education_secure",
          "medical_secure",
          "housing_secure",
          "drinking_water_secure",
          "relocated",
          "dibao");
  private static final List<String> HOUSEHOLD_HEADER_ZH =
      List.of(
          "户编号", "村代码", "户主身份证号", "户主姓名", "联系电话", "家庭人口数", "主要致贫原因", "识别年度", "贫困户状态", "脱贫年度",
          "人均纯收入", "不愁吃穿", "义务教育有保障", "基本医疗有保障", "住房安全有保障", "饮水安全有保障", "易地搬迁户", "低保户");
  // from 2021 (防止返贫动态监测)
  private static final List<String> MONITORING_HEADER =
      List.of(
          "monitoring_type", "risk_type", "monitored_on", "risk_eliminated", "risk_eliminated_on");
  private static final List<String> MONITORING_HEADER_ZH =
      List.of("监测对象类型", "风险类型", "纳入监测时间", "风险是否消除", "风险消除时间");
  static final YearMonth MONITORING_FROM = YearMonth.of(2021, 1);
  private static final List<String> MEMBER_HEADER =
      List.of(
          "household_id",
          "id_number",
          "name",
          "relation",
          "sex",
          "birth_date",
          "health",
          "labor",
          "in_school");

  private final Path landing;
  private final long seed;

  RegistryFiles(Path landing, long seed) {
    this.landing = landing;
    this.seed = seed;
  }

  /** Writes the month's snapshots; a county now and then sends none (it is carried forward). */
  long write(YearMonth month, Map<String, List<HouseholdLife>> households) {
    long rows = 0;
    for (Map.Entry<String, List<HouseholdLife>> county : households.entrySet()) {
      if (skips(county.getKey(), month)) {
        continue;
      }
      rows += writeCounty(month, county.getKey(), county.getValue());
    }
    return rows;
  }

  boolean skips(String county, YearMonth month) {
    return !month.equals(YearMonth.of(2014, 1))
        && Seeds.random(seed, "skip", county, month).nextInt(100) < 3;
  }

  private long writeCounty(YearMonth month, String county, List<HouseholdLife> lives) {
    Path folder = landing.resolve("registry").resolve(month.toString());
    boolean chinese = Seeds.random(seed, "headers", county).nextInt(10) < 4;
    long rows = 0;
    try (CsvFile households =
            new CsvFile(
                folder.resolve(county + "_建档立卡户_" + month + ".csv"),
                TextEncoding.ofOffice(seed, county, chinese),
                householdHeader(month, chinese));
        CsvFile members =
            new CsvFile(
                folder.resolve(county + "_家庭成员_" + month + ".csv"),
                TextEncoding.UTF8,
                MEMBER_HEADER)) {
      for (HouseholdLife life : lives) {
        if (!life.presentAt(month)) {
          continue;
        }
        households.row(householdRow(life, month, chinese));
        rows++;
        for (Person person : life.members) {
          members.row(
              List.of(
                  life.householdId,
                  person.idNumber(),
                  person.name(),
                  person.relation(),
                  person.sex(),
                  person.birthDate().toString(),
                  person.health(),
                  person.labor(),
                  person.inSchool(month.getYear()) ? "是" : "否"));
          rows++;
        }
      }
    }
    return rows;
  }

  private static List<String> householdHeader(YearMonth month, boolean chinese) {
    List<String> header = new ArrayList<>(chinese ? HOUSEHOLD_HEADER_ZH : HOUSEHOLD_HEADER);
    if (!month.isBefore(MONITORING_FROM)) {
      header.addAll(chinese ? MONITORING_HEADER_ZH : MONITORING_HEADER);
    }
    return header;
  }

  /** The monitoring columns of a month from 2021: all empty for a household not monitored. */
  private static List<String> monitoringFields(
      HouseholdLife life, YearMonth month, boolean chinese) {
    MonitoringEpisode m = life.monitoring;
    if (m == null || !m.startedBy(month)) {
      return List.of("", "", "", "", "");
    }
    boolean eliminated = m.eliminatedBy(month);
    return List.of(
        m.type(),
        m.riskType(),
        m.monitoredOn().toString(),
        yesNo(eliminated, chinese),
        eliminated ? m.eliminatedOn().toString() : "");
  }

  private static List<String> householdRow(HouseholdLife life, YearMonth month, boolean chinese) {
    boolean[] g = life.guaranteesAt(month);
    Integer exitYear = life.exitYearAt(month);
    List<String> row =
        new ArrayList<>(
            List.of(
                life.householdId,
                life.villageCode,
                life.head().idNumber(),
                life.head().name(),
                life.phone == null ? "" : life.phone,
                String.valueOf(life.memberCount()),
                life.cause,
                String.valueOf(life.identified.getYear()),
                life.statusAt(month),
                exitYear == null ? "" : exitYear.toString(),
                life.incomeAt(month)));
    for (boolean b : g) {
      row.add(yesNo(b, chinese));
    }
    row.add(yesNo(life.relocated, chinese));
    row.add(yesNo(life.dibao, chinese));
    if (!month.isBefore(MONITORING_FROM)) {
      row.addAll(monitoringFields(life, month, chinese));
    }
    return row;
  }

  private static String yesNo(boolean value, boolean chinese) {
    return chinese ? (value ? "是" : "否") : (value ? "Y" : "N");
  }
}
