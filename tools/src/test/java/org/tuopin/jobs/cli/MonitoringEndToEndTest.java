package org.tuopin.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuopin.etl.TestSpark;
import org.tuopin.sample.SampleDataGenerator;
import org.tuopin.sample.Scale;
import org.tuopin.warehouse.LakeLayout;

/**
 * Return-to-poverty monitoring from generated files to v_monitoring: the three months around the
 * generator's flood (苍溪县, July 2023) refreshed and published, and v_monitoring's county and city
 * rows compared with {@link LandingOracle#monitoring}, counted from the registry files themselves,
 * and the departments' screening leads with {@link LandingOracle#screeningLeads}.
 */
@Tag("e2e")
class MonitoringEndToEndTest {
  private static final List<YearMonth> MONTHS =
      List.of(YearMonth.of(2023, 6), YearMonth.of(2023, 7), YearMonth.of(2023, 8));
  private static final String COLUMNS =
      "monitored_households, monitored_persons, unstable_households, edge_households,"
          + " hardship_households, newly_monitored_households, eliminated_households,"
          + " at_risk_households, at_risk_persons, exited_households, exited_monitored_households";

  @TempDir static Path work;
  private static CommonOptions options;

  @BeforeAll
  static void refreshTheThreeMonths() throws Exception {
    options = new CommonOptions();
    options.landing = work.resolve("landing");
    options.data = work.resolve("data");
    options.conf = Path.of("..", "conf", "tuopin.yaml").toAbsolutePath().normalize();
    new SampleDataGenerator(
            Environment.reference(options, Environment.config(options)), 20140101L, Scale.SMALL)
        .generate(options.landing, MONTHS.get(0), MONTHS.get(2));
    // payments name allocations of months before the window; this test is about the registry
    for (String funds : List.of("allocations", "disbursements")) {
      LakeLayout.deleteTree(options.landing.resolve(funds));
    }
    assertEquals(0, Backfill.run(Environment.refreshJob(options, TestSpark.session()), MONTHS));
  }

  @Test
  void monitoringOfCountiesAndCitiesMatchesTheRegistryFiles() throws Exception {
    Map<String, List<Long>> expected =
        new LandingOracle(options.landing, MONTHS, Set.of()).monitoring();
    Map<String, List<Long>> actual =
        rows(
            options.data,
            "SELECT CAST(period AS VARCHAR), region_code, "
                + COLUMNS
                + " FROM v_monitoring WHERE region_level IN ('county', 'city')");
    assertTrue(expected.size() >= 3 * 11, "a monitored household in every county: " + expected);
    assertEquals(expected, actual);
    // the flood: 苍溪县's sudden hardships taken in in July and August, and none elsewhere
    long flooded =
        expected.entrySet().stream()
            .filter(e -> e.getKey().startsWith("2023-08-01|510824"))
            .mapToLong(e -> e.getValue().get(4))
            .sum();
    assertTrue(flooded > 5, "苍溪县's hardship households in August: " + flooded);
    expected.forEach(
        (key, counts) ->
            assertTrue(
                counts.get(4) == 0 || key.endsWith("|510824") || key.endsWith("|510800"),
                "突发严重困难户 only in the flood county and its city: " + key));
  }

  /**
   * The departments' screening of the same months: v_screening_leads_by_county per period, county
   * and department compared with {@link LandingOracle#screeningLeads}, worked out from the registry
   * and screening files themselves.
   */
  @Test
  void screeningLeadsOfCountiesMatchTheDepartmentsFiles() throws Exception {
    Map<String, List<Long>> expected =
        new LandingOracle(options.landing, MONTHS, Set.of()).screeningLeads();
    Map<String, List<Long>> actual =
        rows(
            options.data,
            "SELECT CAST(period AS VARCHAR), county_code || '|' || department, leads,"
                + " registered_leads, outside_leads FROM v_screening_leads_by_county");
    long registered = expected.values().stream().mapToLong(c -> c.get(1)).sum();
    long outside = expected.values().stream().mapToLong(c -> c.get(2)).sum();
    assertTrue(registered >= 5 && outside >= 5, "leads in and outside the registry: " + expected);
    assertEquals(expected, actual);
  }

  private static Map<String, List<Long>> rows(Path data, String sql) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("duckdb.read_only", "true");
    Map<String, List<Long>> rows = new TreeMap<>();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:duckdb:" + data.resolve("serving").resolve("tuopin.duckdb"), properties);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<Long> values = new ArrayList<>();
        for (int i = 3; i <= columns; i++) {
          values.add(r.getLong(i));
        }
        rows.put(LandingOracle.key(r.getString(1), r.getString(2)), values);
      }
    }
    return rows;
  }
}
