package org.tuopin.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuopin.bulletin.BulletinSettings;
import org.tuopin.bulletin.Bulletins;
import org.tuopin.etl.TestSpark;
import org.tuopin.jobs.visits.VisitList;
import org.tuopin.sample.SampleDataGenerator;
import org.tuopin.sample.Scale;
import org.tuopin.warehouse.LakeLayout;
import picocli.CommandLine;

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
    options = TestOptions.in(work);
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

  /**
   * The cadres' verifications of July and August answer June's and July's leads: v_alert_followup's
   * leads per flagged period and county (raised, visited, on time, confirmed by a later registry)
   * compared with {@link LandingOracle#leadFollowup}, from the raw files.
   */
  @Test
  void leadFollowupOfCountiesMatchesTheVerificationFiles() throws Exception {
    LandingOracle oracle = new LandingOracle(options.landing, MONTHS, Set.of());
    Map<String, List<Long>> expected = oracle.leadFollowup();
    Map<String, List<Long>> actual =
        rows(
            options.data,
            "SELECT CAST(period AS VARCHAR), county_code, count(*), count(visited_on),"
                + " count(*) FILTER (WHERE on_time), count(*) FILTER (WHERE confirmed_monitored)"
                + " FROM v_alert_followup WHERE kind = 'lead' GROUP BY 1, 2");
    long visited = expected.values().stream().mapToLong(c -> c.get(1)).sum();
    long confirmed = expected.values().stream().mapToLong(c -> c.get(3)).sum();
    assertTrue(visited >= 5 && confirmed >= 2, "visited and confirmed leads: " + expected);
    assertTrue(
        oracle.visits().stream().anyMatch(v -> v.conclusion().equals("排除")), "a lead concluded 排除");
    assertEquals(expected, actual);
  }

  /**
   * The bulletin of 广元市 for July: its 筛查核实 sheet's leads per county and department and those new in
   * July are {@link LandingOracle#leads}'; the flags raised since June are the oracle's leads first
   * flagged then and the households' alert reasons of v_monitoring_alerts (first in the year), of
   * which at least the oracle's visited leads were visited; 总体情况 says the city's total.
   */
  @Test
  void theBulletinCountsTheCitysLeadsAndVisits() throws Exception {
    YearMonth july = MONTHS.get(1);
    Path published = options.data.resolve("serving").resolve("tuopin.duckdb");
    Bulletins.Written written =
        Bulletins.write(
                published,
                july,
                "510800",
                work.resolve("bulletins"),
                LocalDate.of(2023, 8, 9),
                BulletinSettings.DEFAULT)
            .get(0);
    LandingOracle oracle = new LandingOracle(options.landing, MONTHS, Set.of());
    Map<String, long[]> expected = new TreeMap<>();
    ScreeningSheet sheet = ScreeningSheet.read(written.workbook());
    List<String> departments = sheet.departments();
    assertTrue(departments.containsAll(List.of("医保", "民政", "教育", "住建")), departments::toString);
    for (LandingOracle.Lead lead : oracle.leads()) {
      if (!lead.county().startsWith("5108") || lead.period().isAfter(july)) {
        continue;
      }
      long[] c = expected.computeIfAbsent(lead.county(), k -> new long[departments.size() + 3]);
      if (lead.period().equals(july)) {
        c[departments.indexOf(lead.department())]++;
        c[departments.size()]++;
        c[departments.size() + 1] += lead.first().equals(july) ? 1 : 0;
      }
      c[departments.size() + 2] += lead.first().equals(lead.period()) ? 1 : 0;
    }
    Map<String, List<Long>> alerts =
        rows(
            options.data,
            "SELECT county_code, '', count(*) FROM (SELECT household_key, reason,"
                + " any_value(county_code) AS county_code FROM v_monitoring_alerts WHERE period <="
                + " DATE '2023-07-01' AND county_code LIKE '5108%' GROUP BY ALL) GROUP BY ALL");
    long visitedLeads =
        oracle.leadFollowup().entrySet().stream()
            .filter(e -> e.getKey().contains("|5108") && !e.getKey().startsWith("2023-08"))
            .mapToLong(e -> e.getValue().get(1))
            .sum();
    long[] city = new long[departments.size() + 3];
    long raised = 0;
    long visited = 0;
    for (Map.Entry<String, String> county : countyNames().entrySet()) {
      long[] c = expected.getOrDefault(county.getKey(), new long[departments.size() + 3]);
      long alertsRaised = alerts.getOrDefault(county.getKey() + "|", List.of(0L)).get(0);
      List<Long> row = sheet.rows().get(county.getValue());
      if (row == null) {
        assertEquals(0, c[departments.size() + 2] + alertsRaised, county.getValue());
        continue;
      }
      for (int i = 0; i < departments.size() + 2; i++) {
        assertEquals(c[i], row.get(i), county.getValue() + " column " + i);
      }
      assertEquals(c[departments.size() + 2] + alertsRaised, row.get(departments.size() + 2));
      Arrays.setAll(city, i -> city[i] + c[i]);
      raised += row.get(departments.size() + 2);
      visited += row.get(departments.size() + 3);
    }
    List<Long> total = sheet.rows().get("广元市");
    assertEquals(raised, total.get(departments.size() + 2));
    assertEquals(visited, total.get(departments.size() + 3));
    assertTrue(visited >= visitedLeads && visitedLeads >= 2, visited + " of " + visitedLeads);
    assertTrue(city[departments.size()] >= 3, "leads of July: " + city[departments.size()]);
    assertEquals(city[departments.size()], total.get(departments.size()));
    assertTrue(
        Files.readString(written.page()).contains("本月部门筛查预警线索" + city[departments.size()] + "条"),
        "总体情况 says the city's leads");
  }

  /** The 筛查核实 sheet: the departments of its first columns, and its rows' counts by unit. */
  private record ScreeningSheet(List<String> departments, Map<String, List<Long>> rows) {
    static ScreeningSheet read(Path file) throws IOException {
      List<String> departments = new ArrayList<>();
      Map<String, List<Long>> rows = new HashMap<>();
      try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
        Sheet sheet = workbook.getSheet("筛查核实");
        Row header = sheet.getRow(3);
        int columns = header.getLastCellNum() - 1;
        for (int i = 1; i <= columns; i++) {
          String name = header.getCell(i).getStringCellValue();
          if (name.startsWith("线索：")) {
            departments.add(name.substring(3));
          }
        }
        assertEquals(departments.size() + 6, columns, "departments and six counts");
        for (Row row : sheet) {
          if (row.getRowNum() > 3) {
            List<Long> counts = new ArrayList<>();
            for (int i = 1; i <= columns; i++) {
              counts.add((long) row.getCell(i).getNumericCellValue());
            }
            rows.put(row.getCell(0).getStringCellValue(), counts);
          }
        }
      }
      return new ScreeningSheet(departments, rows);
    }
  }

  /** 广元市's counties, code to name, as dim_region has them. */
  private static Map<String, String> countyNames() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("duckdb.read_only", "true");
    Map<String, String> names = new TreeMap<>();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:duckdb:" + options.data.resolve("serving").resolve("tuopin.duckdb"),
                properties);
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT region_code, region_name FROM dim_region WHERE city_code = '510800'"
                    + " AND region_level = 'county'")) {
      while (r.next()) {
        names.put(r.getString(1), r.getString(2));
      }
    }
    assertFalse(names.isEmpty());
    return names;
  }

  /**
   * ./tuopin visits for every county in August: each row's name and identity number tail are the
   * landing files' for the row's pseudonym (hashed here with the JDK, not Tuopin's code), the
   * workbooks are owner-only, the data folder is left as it was and holds no personal value, and
   * neither a wrong key nor an output inside the data folder writes anything.
   */
  @Test
  void visitListsNameWhomTheLandingFilesNameAndNothingPersonalLeavesThem() throws Exception {
    YearMonth august = MONTHS.get(2);
    byte[] key =
        Files.readString(options.data.resolve("restricted").resolve("pseudonym.key"))
            .strip()
            .getBytes(StandardCharsets.UTF_8);
    Map<String, String[]> whom = whomTheLandingFilesName(key);
    Map<Path, String> dataBefore = listing(options.data);
    Path lists = work.resolve("visit-lists");
    StringBuilder printed = new StringBuilder();
    int rows = 0;
    for (String county : SampleDataGenerator.DEMO_COUNTIES) {
      Path out = lists.resolve(county + ".xlsx");
      assertEquals(0, visits(printed, county, august, out), printed::toString);
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
      for (List<String> row : workbookRows(out)) {
        String[] expected = whom.get(row.get(12));
        assertTrue(expected != null, "a pseudonym the landing files do not hold: " + row.get(12));
        assertEquals(expected[0], row.get(3), "name of " + row.get(12));
        assertEquals(
            expected[1].substring(14), row.get(4), "identity number tail of " + row.get(12));
        rows++;
      }
    }
    assertTrue(rows >= 10, "households and persons to visit in August: " + rows);

    Path inside = options.data.resolve("lists").resolve("visits.xlsx");
    assertEquals(1, visits(printed, "510824", august, inside));
    assertFalse(Files.exists(inside));
    Set<String> personal = new LandingOracle(options.landing, MONTHS, Set.of()).personalData();
    for (String value : personal) {
      assertFalse(printed.toString().contains(value), "printed: a personal value");
    }
    assertEquals(dataBefore, listing(options.data), "visits writes nothing into the data folder");
    assertEquals(List.of(), PersonalDataScan.leaks(options.data, personal));
  }

  @Test
  void aWrongKeyResolvesNothingAndSaysSo() throws Exception {
    Path out = work.resolve("wrong-key.xlsx");
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () ->
                VisitList.write(
                    new VisitList.Request(
                        options.data.resolve("serving").resolve("tuopin.duckdb"),
                        options.landing,
                        options.data,
                        "510824",
                        MONTHS.get(2),
                        out,
                        15,
                        5,
                        LocalDate.of(2023, 9, 10)),
                    "not the key this warehouse was built with".getBytes(StandardCharsets.UTF_8)));
    assertTrue(
        refused.getMessage().contains("the pseudonym key is not the one"), refused::getMessage);
    assertFalse(Files.exists(out));
  }

  private static int visits(StringBuilder printed, String county, YearMonth period, Path out) {
    CommandLine command = TuopinCommand.commandLine();
    StringWriter err = new StringWriter();
    command.setErr(new PrintWriter(err));
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      return command.execute(
          "visits",
          "--period",
          period.toString(),
          "--county",
          county,
          "--out",
          out.toString(),
          "--landing",
          options.landing.toString(),
          "--data",
          options.data.toString(),
          "--conf",
          options.conf.toString());
    } finally {
      System.setOut(stdout);
      printed.append(captured.toString(StandardCharsets.UTF_8)).append(err);
    }
  }

  /** Pseudonym to {name, identity number}: household heads by 户编号, then signals' persons. */
  private Map<String, String[]> whomTheLandingFilesName(byte[] key) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    Map<String, String[]> whom = new HashMap<>();
    LandingOracle oracle = new LandingOracle(options.landing, MONTHS, Set.of());
    for (YearMonth month : MONTHS) {
      for (Path file : oracle.files("registry", month.toString())) {
        for (Map<String, String> h : RawLandingFile.rows(file)) {
          if (h.containsKey("head_name")) {
            whom.put(
                hex(mac, "household|" + h.get("household_id")),
                new String[] {h.get("head_name"), h.get("head_id_number")});
          }
        }
      }
    }
    for (YearMonth month : MONTHS) {
      for (Path file : oracle.files("screening", month.toString())) {
        for (Map<String, String> signal : RawLandingFile.rows(file)) {
          whom.putIfAbsent(
              hex(mac, "person|" + signal.get("id_number").toUpperCase()),
              new String[] {signal.get("name"), signal.get("id_number")});
        }
      }
    }
    return whom;
  }

  private static String hex(Mac mac, String text) {
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
  }

  /** The data rows (below the title and the header) of every sheet, as text. */
  private static List<List<String>> workbookRows(Path file) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    DataFormatter format = new DataFormatter();
    try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
      for (Sheet sheet : workbook) {
        for (Row row : sheet) {
          if (row.getRowNum() >= 2) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < 13; i++) {
              cells.add(format.formatCellValue(row.getCell(i)));
            }
            rows.add(cells);
          }
        }
      }
    }
    return rows;
  }

  /** Every file under the folder with its size and modification time. */
  private static Map<Path, String> listing(Path folder) throws IOException {
    Map<Path, String> listing = new TreeMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        listing.put(folder.relativize(f), Files.size(f) + "@" + Files.getLastModifiedTime(f));
      }
    }
    return listing;
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
