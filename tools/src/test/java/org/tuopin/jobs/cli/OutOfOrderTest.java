package org.tuopin.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuopin.etl.TestSpark;
import org.tuopin.jobs.refresh.RefreshJob;
import org.tuopin.sample.SampleDataGenerator;
import org.tuopin.sample.Scale;
import org.tuopin.warehouse.LakeLayout;
import org.tuopin.warehouse.Publisher;

/**
 * 苍溪县 (510824) sends its November registry late and its December registry never, so December
 * carries November forward. Backfilled before the late files came (November and December then carry
 * October forward), and November refreshed again once they did, the warehouse equals a backfill of
 * the three months with every file from the start; so does a warehouse whose months were refreshed
 * newest first. Compared relation by relation, every column but the times of ingestion and runs.
 * Without fund files (see below).
 */
@Tag("e2e")
class OutOfOrderTest {
  private static final List<YearMonth> MONTHS =
      List.of(YearMonth.of(2019, 10), YearMonth.of(2019, 11), YearMonth.of(2019, 12));
  private static final String LATE_COUNTY = "510824";

  @Test
  void aLateCountyAndMonthsRefreshedNewestFirstGiveTheWarehouseOfABackfillInOrder(
      @TempDir Path work) throws Exception {
    Path landing = work.resolve("landing");
    CommonOptions generating = TestOptions.of(landing, work.resolve("unused"));
    new SampleDataGenerator(
            Environment.reference(generating, Environment.config(generating)),
            20140101L,
            Scale.SMALL)
        .generate(landing, MONTHS.get(0), MONTHS.get(2));
    for (Path december : countyRegistry(landing, MONTHS.get(2))) {
      Files.delete(december);
    }
    // a payment names an allocation of an earlier month: months refreshed newest first would
    // quarantine it (unknown_allocation), as they should. This test is about the registry.
    for (String funds : List.of("allocations", "disbursements")) {
      LakeLayout.deleteTree(landing.resolve(funds));
    }

    Path inOrder = dataFolder(work, "in-order", null);
    assertEquals(0, Backfill.run(job(landing, inOrder), MONTHS));

    Path aside = Files.createDirectories(work.resolve("aside"));
    List<Path> november = countyRegistry(landing, MONTHS.get(1));
    assertEquals(2, november.size(), "households and members of " + LATE_COUNTY);
    for (Path file : november) {
      Files.move(file, aside.resolve(file.getFileName()));
    }
    Path late = dataFolder(work, "late", inOrder);
    RefreshJob lateJob = job(landing, late);
    assertEquals(0, Backfill.run(lateJob, MONTHS));
    Map<String, List<String>> beforeTheLateFiles = contents(late);
    for (Path file : november) {
      Files.move(aside.resolve(file.getFileName()), file);
    }
    assertEquals(0, Backfill.run(lateJob, List.of(MONTHS.get(1))));

    Path newestFirst = dataFolder(work, "newest-first", inOrder);
    RefreshJob newestFirstJob = job(landing, newestFirst);
    for (YearMonth month : List.of(MONTHS.get(2), MONTHS.get(1), MONTHS.get(0))) {
      assertEquals(0, Backfill.run(newestFirstJob, List.of(month)));
    }

    Map<String, List<String>> expected = contents(inOrder);
    assertTrue(!expected.equals(beforeTheLateFiles), "the late files change the warehouse");
    assertSame(expected, contents(late));
    assertSame(expected, contents(newestFirst));
  }

  private static List<Path> countyRegistry(Path landing, YearMonth month) throws Exception {
    try (Stream<Path> files = Files.list(landing.resolve("registry").resolve(month.toString()))) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(LATE_COUNTY + "_"))
          .sorted()
          .toList();
    }
  }

  /**
   * A data folder, with the pseudonym key of {@code keyFrom} (the same households get the same
   * keys).
   */
  private static Path dataFolder(Path work, String name, Path keyFrom) throws Exception {
    Path data = work.resolve(name);
    if (keyFrom != null) {
      Files.createDirectories(data.resolve("restricted"));
      Files.copy(
          keyFrom.resolve("restricted").resolve("pseudonym.key"),
          data.resolve("restricted").resolve("pseudonym.key"));
    }
    return data;
  }

  private static RefreshJob job(Path landing, Path data) {
    return Environment.refreshJob(TestOptions.of(landing, data), TestSpark.session());
  }

  private static void assertSame(
      Map<String, List<String>> expected, Map<String, List<String>> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    List<String> differences = new ArrayList<>();
    for (String relation : expected.keySet()) {
      if (!expected.get(relation).equals(actual.get(relation))) {
        List<String> missing = new ArrayList<>(expected.get(relation));
        missing.removeAll(actual.get(relation));
        List<String> extra = new ArrayList<>(actual.get(relation));
        extra.removeAll(expected.get(relation));
        differences.add(
            relation
                + ": "
                + missing.size()
                + " rows only expected, e.g. "
                + missing.stream().limit(2).toList()
                + "; "
                + extra.size()
                + " only here, e.g. "
                + extra.stream().limit(2).toList());
      }
    }
    assertTrue(differences.isEmpty(), () -> String.join("\n", differences));
  }

  /**
   * Every published table and view (runs and settings left out): its rows as text, sorted, without
   * timestamp columns.
   */
  private static Map<String, List<String>> contents(Path data) throws SQLException {
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    Map<String, List<String>> contents = new TreeMap<>();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:duckdb:"
                    + data.resolve("serving").resolve(Publisher.FILE_NAME).toAbsolutePath(),
                readOnly);
        Statement s = c.createStatement()) {
      for (String relation :
          strings(
              s,
              "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND"
                  + " table_name NOT IN ('setting', 'run_source', 'run_quality', 'v_runs',"
                  + " 'v_data_quality') ORDER BY 1")) {
        // doubles rounded: their last digit depends on the order DuckDB's threads add them in
        List<String> columns =
            strings(
                s,
                "SELECT CASE WHEN data_type = 'DOUBLE' THEN 'round(\"' || column_name || '\", 9)'"
                    + " ELSE '\"' || column_name || '\"' END FROM information_schema.columns WHERE"
                    + " table_name = '"
                    + relation
                    + "' AND data_type NOT LIKE 'TIMESTAMP%' ORDER BY ordinal_position");
        contents.put(
            relation,
            strings(
                s,
                "SELECT CAST(row("
                    + String.join(", ", columns)
                    + ") AS VARCHAR) AS r FROM "
                    + relation
                    + " ORDER BY r"));
      }
    }
    assertTrue(
        contents.get("fact_household_snapshot").size() > 1000
            && contents.get("fact_household_event").size() > 10,
        () -> String.valueOf(contents.keySet()));
    return contents;
  }

  private static List<String> strings(Statement s, String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet r = s.executeQuery(query)) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    }
    return values;
  }
}
