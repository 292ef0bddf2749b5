package org.tuopin.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.tuopin.bulletin.BulletinSettings;
import org.tuopin.bulletin.Bulletins;
import org.tuopin.etl.TestSpark;
import org.tuopin.etl.model.ReferenceFrames;
import org.tuopin.etl.source.Contracts;
import org.tuopin.etl.source.LandingFile;
import org.tuopin.etl.source.LandingReader;
import org.tuopin.etl.staging.Staged;
import org.tuopin.etl.staging.SubmissionStaging;
import org.tuopin.jobs.refresh.MonthSettings;
import org.tuopin.jobs.refresh.RefreshJob;
import org.tuopin.jobs.refresh.RunRecord;
import org.tuopin.sample.SampleDataGenerator;
import org.tuopin.sample.Scale;
import org.tuopin.warehouse.Publisher;

/**
 * Generates three months of sample data (one with two rows that break rules), backfills two,
 * refreshes the third and publishes it while two readers query the file, then checks every view at
 * county and city level against {@link LandingOracle}, which reads the landing files itself.
 * Finally a month is refreshed again and every table must be unchanged.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {
  private static final List<YearMonth> MONTHS =
      List.of(YearMonth.of(2019, 11), YearMonth.of(2019, 12), YearMonth.of(2020, 1));
  private static final String PERIODS_QUERY =
      "SELECT (SELECT count(DISTINCT period) FROM fact_household_snapshot), (SELECT count(DISTINCT"
          + " period) FROM fact_progress), (SELECT count(DISTINCT period) FROM v_poverty_trend)";

  @TempDir static Path work;
  private CommonOptions options;
  private Path landing;
  private Path data;
  private RefreshJob job;
  private LandingOracle oracle;
  private final List<String[]> brokenRows = new ArrayList<>();
  private final ConcurrentLinkedQueue<String> readerSightings = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Throwable> readerErrors = new ConcurrentLinkedQueue<>();
  private String afterReconnect;

  @BeforeAll
  void backfillGeneratedData() throws Exception {
    options = TestOptions.in(work);
    landing = options.landing;
    data = options.data;
    new SampleDataGenerator(
            Environment.reference(options, Environment.config(options)), 20140101L, Scale.SMALL)
        .generate(landing, MONTHS.get(0), MONTHS.get(2));
    Set<Path> brokenFiles =
        Set.of(
            breakRow(
                "registry",
                "member_count",
                "head_id_number",
                EndToEndTest::wrongCheckCharacter,
                "id_number_check_digit"),
            breakRow(
                "submissions", "annual_target", "region_code", code -> "990199", "unknown_region"));
    oracle = new LandingOracle(landing, MONTHS, brokenFiles);

    job = Environment.refreshJob(options, TestSpark.session());
    assertEquals(0, Backfill.run(job, MONTHS.subList(0, 2)));
    RunRecord january = job.build(MONTHS.get(2));
    publishWhileTwoReadersQuery(january);
  }

  /**
   * Copies the first row of a December file of {@code source} into a new file, with one field
   * broken.
   */
  private Path breakRow(
      String source,
      String identifyingColumn,
      String column,
      UnaryOperator<String> breaker,
      String rule)
      throws IOException {
    Path original =
        oracle(source).stream()
            .filter(f -> RawLandingFile.hasColumn(f, identifyingColumn))
            .findFirst()
            .orElseThrow();
    List<List<String>> records = RawLandingFile.records(original);
    List<String> header = records.get(0);
    List<String> row = new ArrayList<>(records.get(1));
    List<String> names = new ArrayList<>(RawLandingFile.rows(original).get(0).keySet());
    int at = names.indexOf(column);
    row.set(at, breaker.apply(row.get(at)));
    int household = names.indexOf("household_id");
    if (household >= 0) {
      row.set(household, "BROKEN" + row.get(household));
    }
    Path broken = original.resolveSibling("broken_" + source + ".csv");
    Files.writeString(broken, csvLine(header) + csvLine(row));
    brokenRows.add(
        new String[] {
          source, PublishedFileName.of(landing, landing.relativize(broken).toString()), rule
        });
    return broken;
  }

  private List<Path> oracle(String source) {
    return new LandingOracle(landing, MONTHS, Set.of()).files(source, MONTHS.get(1).toString());
  }

  private static String csvLine(List<String> fields) {
    return String.join(
            ",", fields.stream().map(f -> f.contains(",") ? "\"" + f + "\"" : f).toList())
        + "\r\n";
  }

  private static String wrongCheckCharacter(String idNumber) {
    char last = idNumber.charAt(17);
    return idNumber.substring(0, 17) + (last == '0' ? '1' : '0');
  }

  private void publishWhileTwoReadersQuery(RunRecord january) throws Exception {
    AtomicBoolean published = new AtomicBoolean();
    CountDownLatch readBefore = new CountDownLatch(2);
    List<Thread> readers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Thread reader =
          new Thread(
              () -> {
                try {
                  int readsAfter = 0;
                  while (readsAfter < 3) {
                    boolean after = published.get();
                    try (Connection c = readOnly();
                        Statement s = c.createStatement();
                        ResultSet r = s.executeQuery(PERIODS_QUERY)) {
                      r.next();
                      readerSightings.add(r.getLong(1) + "/" + r.getLong(2) + "/" + r.getLong(3));
                    }
                    readBefore.countDown();
                    readsAfter += after ? 1 : 0;
                  }
                } catch (Throwable e) {
                  readerErrors.add(e);
                  readBefore.countDown();
                }
              });
      reader.start();
      readers.add(reader);
    }
    readBefore.await();
    job.publish(List.of(january));
    published.set(true);
    for (Thread reader : readers) {
      reader.join(120_000);
    }
    // DuckDB keeps one database instance per path and JVM while any connection to it is open,
    // so a reader sees the new publish once it reconnects after every connection closed.
    try (Connection c = readOnly();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(PERIODS_QUERY)) {
      r.next();
      afterReconnect = r.getLong(1) + "/" + r.getLong(2) + "/" + r.getLong(3);
    }
  }

  private Connection readOnly() throws SQLException {
    return readOnly(data);
  }

  private static Connection readOnly(Path dataFolder) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection(
        "jdbc:duckdb:" + dataFolder.resolve("serving").resolve("tuopin.duckdb"), properties);
  }

  private List<Map<String, Object>> query(String sql) throws SQLException {
    return query(data, sql);
  }

  private static List<Map<String, Object>> query(Path dataFolder, String sql) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection c = readOnly(dataFolder);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 1; i <= columns; i++) {
          row.put(r.getMetaData().getColumnLabel(i), r.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** The query's rows keyed as {@link LandingOracle#key} keys the expectations. */
  private Map<String, Map<String, Object>> keyed(String sql, String... keyColumns)
      throws SQLException {
    Map<String, Map<String, Object>> rows = new TreeMap<>();
    for (Map<String, Object> r : query(sql)) {
      rows.put(LandingOracle.key(Arrays.stream(keyColumns).map(r::get).toArray()), r);
    }
    return rows;
  }

  @Test
  @Order(1)
  void readersSawTheWholeOldOrTheWholeNewPublishAndNoError() {
    assertTrue(readerErrors.isEmpty(), () -> "a reader failed: " + readerErrors.peek());
    assertTrue(
        readerSightings.contains("2/2/2"), () -> "never saw the old publish: " + readerSightings);
    assertEquals("3/3/3", afterReconnect, "the new publish, once every connection closed");
    assertTrue(
        readerSightings.stream().allMatch(s -> s.equals("2/2/2") || s.equals("3/3/3")),
        () -> "mixed state: " + readerSightings);
  }

  @Test
  @Order(2)
  void povertyTrendOfCountiesAndCitiesMatchesTheRegistryFiles() throws SQLException {
    Map<String, LandingOracle.Trend> expected = oracle.povertyTrend();
    Map<String, LandingOracle.Trend> actual = new TreeMap<>();
    for (Map<String, Object> r :
        query(
            "SELECT CAST(period AS VARCHAR) AS period, region_code, poor_households, poor_persons,"
                + " exited_households, returned_households, rural_population, incidence_rate FROM"
                + " v_poverty_trend WHERE region_level IN ('county', 'city')")) {
      actual.put(
          LandingOracle.key(r.get("period"), r.get("region_code")),
          new LandingOracle.Trend(
              ((Number) r.get("poor_households")).longValue(),
              ((Number) r.get("poor_persons")).longValue(),
              ((Number) r.get("exited_households")).longValue(),
              ((Number) r.get("returned_households")).longValue(),
              r.get("rural_population") == null
                  ? null
                  : ((Number) r.get("rural_population")).longValue(),
              (Double) r.get("incidence_rate")));
    }
    assertTrue(expected.size() > 30, "the oracle found county and city rows: " + expected.size());
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach(
        (k, e) -> {
          LandingOracle.Trend a = actual.get(k);
          assertEquals(e.poorHouseholds(), a.poorHouseholds(), k);
          assertEquals(e.poorPersons(), a.poorPersons(), k);
          assertEquals(e.exitedHouseholds(), a.exitedHouseholds(), k);
          assertEquals(e.returnedHouseholds(), a.returnedHouseholds(), k);
          assertEquals(e.population(), a.population(), k);
          assertClose(e.incidence(), a.incidence(), k);
        });
  }

  @Test
  @Order(3)
  void progressOfUnitsAndCitiesMatchesTheSubmissionFiles() throws SQLException {
    Map<String, LandingOracle.Progress> expected = oracle.progress();
    Map<String, Map<String, Object>> actual =
        keyed(
            "SELECT CAST(period AS VARCHAR) AS period, region_code, indicator_code, annual_target,"
                + " cumulative_completed, completion_rate, month_completed, versions FROM"
                + " v_progress WHERE region_level IN ('county', 'city')",
            "period",
            "region_code",
            "indicator_code");
    assertTrue(expected.size() > 300, "the oracle found figures: " + expected.size());
    assertTrue(
        expected.values().stream().anyMatch(p -> p.figure().versions() > 1),
        "some figure was corrected by a resend");
    assertTrue(
        expected.values().stream().anyMatch(p -> p.monthCompleted() != null),
        "some month_completed is known");
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach(
        (k, e) -> {
          Map<String, Object> a = actual.get(k);
          assertAmount(e.figure().target(), a.get("annual_target"), k);
          assertAmount(e.figure().completed(), a.get("cumulative_completed"), k);
          assertClose(e.figure().completionRate(), (Double) a.get("completion_rate"), k);
          assertAmount(e.monthCompleted(), a.get("month_completed"), k);
          assertEquals(e.figure().versions(), ((Number) a.get("versions")).longValue(), k);
        });
    long corrections = 0;
    for (YearMonth month : MONTHS) {
      corrections +=
          oracle.unitFigures(month).values().stream().mapToLong(f -> f.versions() - 1).sum();
    }
    assertTrue(corrections > 0);
    assertEquals(
        corrections,
        ((Number) query("SELECT count(*) AS n FROM v_progress_revisions").get(0).get("n"))
            .longValue());
  }

  @Test
  @Order(4)
  void leagueScoresAndRanksMatchTheSubmissionFiles() throws SQLException {
    Map<String, LandingOracle.LeagueEntry> expected = oracle.league();
    Map<String, Map<String, Object>> actual =
        keyed(
            "SELECT CAST(period AS VARCHAR) AS period, city_code, region_code, indicators_scored,"
                + " score, rank_in_city FROM v_progress_league",
            "period",
            "region_code");
    assertTrue(expected.size() >= 30, "units ranked: " + expected.size());
    assertTrue(expected.values().stream().anyMatch(e -> e.rank() > 1));
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach(
        (k, e) -> {
          Map<String, Object> a = actual.get(k);
          assertEquals(e.city(), a.get("city_code"), k);
          assertEquals(e.indicatorsScored(), ((Number) a.get("indicators_scored")).longValue(), k);
          assertClose(e.score(), ((Number) a.get("score")).doubleValue(), k);
          assertEquals(e.rank(), ((Number) a.get("rank_in_city")).longValue(), k);
        });
  }

  @Test
  @Order(5)
  void fundFlowOfCountiesAndCitiesMatchesTheFundFiles() throws SQLException {
    Map<String, LandingOracle.Flow> expected = oracle.fundFlow();
    Map<String, Map<String, Object>> actual =
        keyed(
            "SELECT year, region_code, fund_source, indicator_code, allocated_yuan, disbursed_yuan,"
                + " disbursement_rate FROM v_fund_flow WHERE region_level IN ('county', 'city')",
            "year",
            "region_code",
            "fund_source",
            "indicator_code");
    assertTrue(
        expected.values().stream().anyMatch(f -> f.allocated() != null && f.disbursed() != null),
        "money allocated and paid");
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach(
        (k, e) -> {
          Map<String, Object> a = actual.get(k);
          BigDecimal allocated = e.allocated() == null ? BigDecimal.ZERO : e.allocated();
          BigDecimal disbursed = e.disbursed() == null ? BigDecimal.ZERO : e.disbursed();
          assertAmount(allocated, a.get("allocated_yuan"), k);
          assertAmount(disbursed, a.get("disbursed_yuan"), k);
          Double rate =
              allocated.signum() == 0
                  ? null
                  : 100.0 * disbursed.doubleValue() / allocated.doubleValue();
          assertClose(rate, (Double) a.get("disbursement_rate"), k);
        });
  }

  @Test
  @Order(6)
  void runsCountEveryRowReadAndDataQualityNamesTheBrokenRows() throws SQLException {
    for (YearMonth month : MONTHS) {
      Map<String, Long> read = oracle.rowsRead(month);
      List<Map<String, Object>> runs =
          query(
              "SELECT source, rows_read, rows_loaded, rows_quarantined FROM v_runs WHERE period ="
                  + " DATE '"
                  + month.atDay(1)
                  + "'");
      assertEquals(read.size(), runs.size(), month + ": one run row per source");
      for (Map<String, Object> r : runs) {
        String source = (String) r.get("source");
        long quarantined =
            month.equals(MONTHS.get(1))
                    && (source.equals("registry") || source.equals("submissions"))
                ? 1
                : 0;
        assertEquals(
            read.get(source), ((Number) r.get("rows_read")).longValue(), month + " " + source);
        assertEquals(
            quarantined, ((Number) r.get("rows_quarantined")).longValue(), month + " " + source);
        assertEquals(
            read.get(source) - quarantined,
            ((Number) r.get("rows_loaded")).longValue(),
            month + " " + source);
      }
    }
    List<Map<String, Object>> quality =
        query(
            "SELECT CAST(period AS VARCHAR) AS period, source, file_name, rule, rows FROM"
                + " v_data_quality ORDER BY source");
    assertEquals(2, quality.size(), quality::toString);
    for (int i = 0; i < 2; i++) {
      String[] broken = brokenRows.stream().sorted(Comparator.comparing(b -> b[0])).toList().get(i);
      Map<String, Object> row = quality.get(i);
      assertEquals("2019-12", row.get("period").toString().substring(0, 7));
      assertEquals(broken[0], row.get("source"));
      assertEquals(broken[1], row.get("file_name"));
      assertEquals(broken[2], row.get("rule"));
      assertEquals(1L, ((Number) row.get("rows")).longValue());
    }
  }

  @Test
  @Order(7)
  void noIdentityNumberOrNameFromTheInputReachesTheLakeOrThePublishedFile()
      throws SQLException, IOException {
    Set<String> personal = oracle.personalData();
    assertTrue(personal.size() > 1000, "personal values in the input: " + personal.size());
    List<String> leaks = PersonalDataScan.leaks(data, personal);
    assertTrue(leaks.isEmpty(), () -> "personal data found: " + leaks);
  }

  @Test
  @Order(8)
  void refreshingAMonthAgainLeavesEveryTableUnchanged() throws SQLException {
    Map<String, String> before = tableFingerprints();
    job.publish(List.of(job.build(MONTHS.get(1))));
    Map<String, String> after = tableFingerprints();
    assertTrue(before.size() >= 10, before::toString);
    assertEquals(before, after);
  }

  /**
   * This run loaded the months in two parts (a backfill of two, a refresh of the third) and
   * refreshed December again, with the small-month settings. The same months backfilled whole into
   * a new data folder with the same pseudonym key, with Spark's own settings (adaptive execution,
   * compiled expressions), and then backfilled whole again, give the same household history: the
   * same keys, versions, events and snapshot rows.
   */
  @Test
  @Order(9)
  void aWholeBackfillRunTwiceWithSparksSettingsGivesTheSameHouseholdHistoryAsOneRunInParts()
      throws Exception {
    Map<String, String> inParts = historyFingerprints(data);
    List<Map<String, Object>> shape =
        query(
            "SELECT (SELECT count(*) FROM fact_household_event) AS events,"
                + " (SELECT count(*) FROM dim_household WHERE version > 1) AS later_versions");
    assertTrue(
        (long) shape.get(0).get("events") > 50 && (long) shape.get(0).get("later_versions") > 50,
        shape::toString);

    Path whole = work.resolve("whole");
    Files.createDirectories(whole.resolve("restricted"));
    Files.copy(
        data.resolve("restricted").resolve("pseudonym.key"),
        whole.resolve("restricted").resolve("pseudonym.key"));
    CommonOptions options = TestOptions.of(landing, whole);
    RefreshJob wholeJob =
        Environment.refreshJob(options, TestSpark.session(), new MonthSettings(0));
    assertEquals(0, Backfill.run(wholeJob, MONTHS));
    assertEquals(inParts, historyFingerprints(whole));
    assertEquals(0, Backfill.run(wholeJob, MONTHS));
    assertEquals(inParts, historyFingerprints(whole));
  }

  /**
   * Clean generated data holds no anomaly, and v_anomalies finds none (HistoryViewsTest shows each
   * kind found where it was planted); the checks it builds on do have rows here.
   */
  @Test
  @Order(10)
  void cleanGeneratedDataRaisesNoAnomaly() throws SQLException {
    assertEquals(
        List.of(), query("SELECT kind, count(*) AS findings FROM v_anomalies GROUP BY kind"));
    Map<String, Object> checked =
        query(
                "SELECT (SELECT count(*) FROM v_household_exit_check) AS households, (SELECT"
                    + " count(*) FROM v_reconciliation) AS reconciled, (SELECT count(*) FROM"
                    + " v_idle_funds) AS allocations")
            .get(0);
    assertTrue(
        (long) checked.get("households") > 1000
            && (long) checked.get("reconciled") > 10
            && (long) checked.get("allocations") > 10,
        checked::toString);
  }

  /**
   * The round trip: each city's bulletin of the last month, landed as a submission of that month,
   * is read by Tuopin's own city-table reader and staged, and gives back exactly the published
   * v_progress figures of the city's units, with no row quarantined.
   */
  @Test
  @Order(11)
  void eachCitysBulletinReadsBackAsTheFiguresItWasMadeFrom() throws Exception {
    YearMonth month = MONTHS.get(2);
    Path bulletinLanding = work.resolve("bulletins");
    Path folder = bulletinLanding.resolve("submissions").resolve(month.toString());
    List<Bulletins.Written> written =
        Bulletins.write(
            data.resolve("serving").resolve(Publisher.FILE_NAME),
            month,
            null,
            folder,
            LocalDate.of(2020, 2, 4),
            BulletinSettings.DEFAULT);
    assertTrue(written.size() >= 2, "a bulletin per city of the sample data: " + written);
    ReferenceFrames reference =
        ReferenceFrames.cachedIn(
            TestSpark.session(),
            Environment.reference(options, Environment.config(options)),
            data.resolve("reference"));
    List<LandingFile> files =
        written.stream().map(w -> LandingFile.of(Contracts.SUBMISSIONS, w.workbook())).toList();
    Dataset<Row> records =
        LandingReader.read(
            TestSpark.session(), files, reference.cityUnitNames(), LocalDate.of(2020, 2, 4), 1);
    Staged staged =
        SubmissionStaging.stage(
            records,
            month.atDay(1),
            LocalDate.of(2020, 2, 4),
            reference.reportingUnits(),
            reference.indicatorKeys());
    assertEquals(
        List.of(),
        staged.quarantined().select("file_name", "line_number", "rule").collectAsList().stream()
            .map(Row::toString)
            .toList());
    Set<String> readBack = new TreeSet<>();
    for (Row r : staged.loaded().collectAsList()) {
      readBack.add(
          r.getAs("region_code")
              + " "
              + r.getAs("indicator_code")
              + " "
              + decimal(r.getAs("annual_target"))
              + "/"
              + decimal(r.getAs("cumulative_completed"))
              + " reported "
              + r.getAs("reported_at"));
    }
    Set<String> published = new TreeSet<>();
    for (Map<String, Object> r :
        query(
            "SELECT region_code, indicator_code, annual_target, cumulative_completed FROM"
                + " v_progress WHERE region_level = 'county' AND period = DATE '"
                + month.atDay(1)
                + "'")) {
      published.add(
          r.get("region_code")
              + " "
              + r.get("indicator_code")
              + " "
              + decimal(r.get("annual_target"))
              + "/"
              + decimal(r.get("cumulative_completed"))
              + " reported 2020-02-04");
    }
    assertTrue(published.size() > 20, "the sample's units reported: " + published.size());
    assertEquals(published, readBack);
  }

  /**
   * A bulletin's words and colours against the views, each worked out here from the published views
   * with SQL of its own: 广元市 in January 2020 (序时进度 1 ÷ 12 = 8.3%), so rates stand on both sides of
   * it.
   */
  @Test
  @Order(12)
  void theBulletinsSummaryAndColoursAreTheViewsFigures() throws Exception {
    YearMonth month = MONTHS.get(2);
    Path folder = Files.createDirectories(work.resolve("bulletin-words"));
    Bulletins.write(
        data.resolve("serving").resolve(Publisher.FILE_NAME),
        month,
        "510800",
        folder,
        LocalDate.of(2020, 2, 4),
        BulletinSettings.DEFAULT);
    String page = Files.readString(folder.resolve("510800-" + month + ".html"));
    double schedule = 100.0 * month.getMonthValue() / 12;
    String period = "DATE '" + month.atDay(1) + "'";

    // every rate of the progress table (a unit without a target shows none): its number and its
    // tint, by the rule of 序时进度
    Map<String, Object> rates = new HashMap<>();
    for (Map<String, Object> r :
        query(
            "SELECT p.indicator_code, i.indicator_name, p.region_code, p.region_name,"
                + " p.completion_rate FROM v_progress AS p JOIN dim_indicator AS i USING"
                + " (indicator_code) JOIN dim_region AS g ON g.region_code = p.region_code WHERE"
                + " p.period = "
                + period
                + " AND (p.region_code = '510800' OR g.city_code = '510800' AND p.region_level ="
                + " 'county')")) {
      if (r.get("completion_rate") != null) {
        rates.put(r.get("indicator_name") + " " + r.get("region_name"), r.get("completion_rate"));
      }
    }
    Map<String, String> cells = BulletinPageCells.rateCells(page);
    assertTrue(cells.size() > 30, "the table's rate cells: " + cells.size());
    assertEquals(rates.keySet(), cells.keySet());
    Set<String> tints = new TreeSet<>();
    for (Map.Entry<String, String> cell : cells.entrySet()) {
      double rate = ((Number) rates.get(cell.getKey())).doubleValue();
      String expected = tint(rate, schedule) + " " + String.format(Locale.ROOT, "%.1f", rate);
      assertEquals(expected, cell.getValue(), cell.getKey());
      tints.add(expected.split(" ")[0]);
    }
    assertTrue(tints.size() >= 2, "rates on more than one side of 序时进度: " + tints);

    // the summary's figures
    String summary = BulletinPageCells.summary(page);
    long units =
        (Long)
            query(
                    "SELECT count(DISTINCT p.region_code) AS n FROM fact_progress AS p JOIN"
                        + " dim_region AS r USING (region_code) WHERE r.city_code = '510800' AND"
                        + " r.region_level = 'county' AND year(p.period) = 2020")
                .get(0)
                .get("n");
    List<Map<String, Object>> city =
        query(
            "SELECT completion_rate FROM v_progress WHERE region_code = '510800' AND period = "
                + period);
    long ahead =
        city.stream()
            .filter(r -> r.get("completion_rate") != null)
            .filter(r -> ((Number) r.get("completion_rate")).doubleValue() >= schedule)
            .count();
    Map<String, Object> leader =
        query(
                "SELECT region_name, score FROM v_progress_league WHERE city_code = '510800' AND"
                    + " bulletin_rank = 1 AND period = "
                    + period)
            .get(0);
    long onTime =
        (Long)
            query(
                    "SELECT count(*) FILTER (WHERE on_time) AS n FROM v_submission_completeness"
                        + " WHERE city_code = '510800' AND period = "
                        + period)
                .get(0)
                .get("n");
    Map<String, Object> money =
        query(
                "SELECT (SELECT sum(amount_yuan) FROM fact_allocation WHERE year = 2020 AND"
                    + " region_code IN (SELECT region_code FROM dim_region WHERE city_code ="
                    + " '510800')) AS allocated, (SELECT sum(amount_yuan) FROM fact_disbursement"
                    + " WHERE period = "
                    + period
                    + " AND region_code IN (SELECT region_code FROM dim_region WHERE city_code ="
                    + " '510800')) AS paid")
            .get(0);
    for (String figure :
        List.of(
            "全市" + units + "个单位报送" + city.size() + "类重点项目进度",
            "序时进度为" + String.format(Locale.ROOT, "%.1f", schedule) + "%",
            ahead + "类项目全市完成率达到或超过序时进度",
            "大比武中，"
                + leader.get("region_name")
                + "以"
                + String.format(Locale.ROOT, "%.1f", ((Number) leader.get("score")).doubleValue())
                + "分位列第一",
            "按时报送" + onTime + "个",
            "下达各类扶贫资金" + tenThousands(money.get("allocated")) + "万元",
            "已支付" + tenThousands(money.get("paid")) + "万元")) {
      assertTrue(summary.contains(figure), figure + " is not in: " + summary);
    }
  }

  /** The tint of a rate against 序时进度 with the default tolerance (5 points). */
  private static String tint(double rate, double schedule) {
    return rate >= schedule ? "#D6EAF8" : rate >= schedule - 5 ? "#FCEBC7" : "#F9D5C3";
  }

  private static String tenThousands(Object yuan) {
    return String.format(
        Locale.ROOT, "%,.2f", yuan == null ? 0.0 : ((Number) yuan).doubleValue() / 10_000);
  }

  private static String decimal(Object value) {
    return value == null ? "null" : ((BigDecimal) value).stripTrailingZeros().toPlainString();
  }

  /** Per history table: its row count and an md5 over all its rows in a fixed order. */
  private static Map<String, String> historyFingerprints(Path dataFolder) throws SQLException {
    Map<String, String> fingerprints = new TreeMap<>();
    for (String table :
        List.of(
            "dim_household",
            "fact_household_event",
            "fact_household_snapshot",
            "fact_member_snapshot")) {
      Map<String, Object> row =
          query(
                  dataFolder,
                  "SELECT count(*) AS n, md5(string_agg(CAST(t AS VARCHAR), '|' ORDER BY CAST(t AS"
                      + " VARCHAR))) AS rows FROM "
                      + table
                      + " AS t")
              .get(0);
      fingerprints.put(table, row.get("n") + " " + row.get("rows"));
    }
    return fingerprints;
  }

  /** Per table: its row count and, per column, a sum or a count of distinct values. */
  private Map<String, String> tableFingerprints() throws SQLException {
    Map<String, String> fingerprints = new TreeMap<>();
    for (Map<String, Object> t :
        query(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND"
                + " table_name NOT LIKE 'run_%'")) {
      String table = (String) t.get("table_name");
      StringBuilder sql = new StringBuilder("SELECT count(*)");
      for (Map<String, Object> col :
          query(
              "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '"
                  + table
                  + "'")) {
        String type = (String) col.get("data_type");
        String name = "\"" + col.get("column_name") + "\"";
        sql.append(
            type.startsWith("DECIMAL") || type.equals("INTEGER") || type.equals("BIGINT")
                ? ", sum(" + name + ")"
                // A sum of doubles depends on the order DuckDB's threads add them in; each value as
                // a decimal sums exactly.
                : type.equals("DOUBLE")
                    ? ", sum(CAST("
                        + name
                        + " AS DECIMAL(38, 9))) AS \"sum("
                        + col.get("column_name")
                        + ")\""
                    : ", count(DISTINCT " + name + ")");
      }
      List<Map<String, Object>> result = query(sql.append(" FROM ").append(table).toString());
      fingerprints.put(table, new TreeMap<>(result.get(0)).toString());
    }
    return fingerprints;
  }

  private static void assertAmount(BigDecimal expected, Object actual, String what) {
    if (expected == null) {
      assertNull(actual, what);
    } else if (actual == null) {
      fail(what + ": expected " + expected + " but was null");
    } else {
      assertEquals(
          0,
          expected.compareTo((BigDecimal) actual),
          what + ": expected " + expected + " but was " + actual);
    }
  }

  private static void assertClose(Double expected, Double actual, String what) {
    if (expected == null) {
      assertNull(actual, what);
    } else {
      assertFalse(actual == null, what + " is null");
      assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }
  }
}
