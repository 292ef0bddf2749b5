package org.tuopin.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publish built from the lake's files, incrementally, equals the definitions run over the whole
 * tables (TestWarehouse.deriveAndDefineViews), for every table and view; and it builds again only
 * the derived partitions whose inputs changed. The data is HistoryViewsTest's four months of 苍溪县.
 */
class PublisherTest {
  /** Every published relation, in a fixed row order, as text. */
  private static final String ALL_RELATIONS =
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_name"
          + " NOT LIKE 'agg_%' AND table_name NOT IN ('previous_household_state',"
          + " 'next_household_state') ORDER BY table_name";

  @Test
  void aPublishEqualsTheDefinitionsAndAMonthChangedInTheMiddleBuildsOnlyWhatDependsOnIt(
      @TempDir Path work) throws Exception {
    Path lake = work.resolve("lake");
    Path serving = work.resolve("serving");
    List<String> messages = new ArrayList<>();
    try (Connection definitions = TestWarehouse.withSchema();
        Statement s = definitions.createStatement()) {
      HistoryViewsTest.insertFixture(s);
      PublisherTestLake.write(s, lake);
      Publisher publisher = new Publisher(lake, serving, settings(definitions), messages::add);
      List<RuleCount> quality = quality(definitions);
      s.execute(
          "INSERT INTO setting VALUES ('submission_deadline_day', '5'), ('league_minimum_share',"
              + " '0.5'), ('monitoring_months_without_assistance', '6'),"
              + " ('monitoring_income_fall_share', '0.3'), ('monitoring_visit_days', '15')");
      // PublishSettings.Monitoring.DEFAULT's line
      s.execute("INSERT INTO monitoring_line VALUES (NULL, 2021, 6000)");
      TestWarehouse.deriveAndDefineViews(s);
      Map<String, List<String>> expected = contents(definitions);

      int first = publisher.publish(List.of(), quality);
      assertSameContents(expected, contents(publisher.servingFile()));
      assertEquals(
          List.of(
              "2019-10 2019-10-01",
              "2019-11 2019-11-01",
              "2019-12 2019-12-01",
              "2020-01 2020-01-01"),
          periodLabels(publisher.servingFile()),
          "what analysts type, beside each period");
      // 4 periods × 9 per-period tables, and registry_change for 2019 and 2020
      assertEquals("38 derived partitions built, the others kept", lastBuilt(messages));

      // November is sent again with h4 in it (it was missing): a new version of that partition.
      s.execute(
          """
          INSERT INTO fact_household_snapshot (period, household_key, village_code, county_code, identified_year, poverty_cause,
              status, exit_year, member_count, per_capita_income, food_clothing_secure, education_secure, medical_secure,
              housing_secure, drinking_water_secure, relocated, carried_forward)
          VALUES ('2019-11-01', 'h4', '510824100001', '510824', 2015, '因病', '未脱贫', NULL, 2, 2000, true, true, true, true, true, false, false)\
          """);
      PublisherTestLake.write(s, lake, List.of("period=2019-11"));
      for (Derivation d : PublishedSchema.DERIVATIONS) {
        if (!d.table().startsWith("agg_")) {
          s.execute("DELETE FROM " + d.table());
        }
      }
      TestWarehouse.deriveAndDefineViews(s);
      Map<String, List<String>> changed = contents(definitions);
      assertFalse(changed.equals(expected), "the new row changes the warehouse");

      publisher.publish(List.of(), quality);
      assertSameContents(changed, contents(publisher.servingFile()));
      // household_state and household_version_closed from November on (3 each), events of
      // November and December, alerts and the poverty trend (which counts the year's events so
      // far) of November and December, November's four others, and the year 2019
      assertEquals("17 derived partitions built, the others kept", lastBuilt(messages));
      assertSameContents(expected, contents(new PublishHistory(serving).file(first)));

      publisher.publish(List.of(), quality);
      assertEquals("0 derived partitions built, the others kept", lastBuilt(messages));
      assertSameContents(changed, contents(publisher.servingFile()));
    }
  }

  @Test
  void aPublishKeepsOnlyTheFilesThatAKeptPublishReads(@TempDir Path work) throws Exception {
    Path lake = work.resolve("lake");
    Path serving = work.resolve("serving");
    try (Connection definitions = TestWarehouse.withSchema();
        Statement s = definitions.createStatement()) {
      HistoryViewsTest.insertFixture(s);
      PublisherTestLake.write(s, lake);
      PublishSettings settings = settings(definitions);
      Publisher publisher =
          new Publisher(
              lake,
              serving,
              new PublishSettings(
                  5,
                  settings.povertyLines(),
                  settings.exitThresholds(),
                  settings.regionChanges(),
                  2,
                  0.5,
                  PublishSettings.Monitoring.DEFAULT));
      LakeLayout layout = new LakeLayout(lake);
      Path firstNovember =
          layout.currentFolder("fact_household_snapshot", "period=2019-11").orElseThrow();
      publisher.publish(List.of(), List.of());
      PublisherTestLake.write(s, lake, List.of("period=2019-11"));
      publisher.publish(List.of(), List.of());
      assertTrue(Files.isDirectory(firstNovember), "publish 1 is kept and reads it");
      publisher.publish(List.of(), List.of());
      assertFalse(Files.exists(firstNovember), "no kept publish (2 and 3) reads it");
      assertEquals(List.of(2, 3), new PublishHistory(serving).ids());
    }
  }

  private static PublishSettings settings(Connection c) throws SQLException {
    List<PublishSettings.PovertyLine> lines = new ArrayList<>();
    for (String row :
        TestWarehouse.rows(c, "SELECT province_code, year, line_yuan FROM poverty_line")) {
      String[] f = row.split("\\|");
      lines.add(
          new PublishSettings.PovertyLine(
              f[0].equals("null") ? null : f[0], Integer.parseInt(f[1]), new BigDecimal(f[2])));
    }
    List<PublishSettings.ExitThreshold> thresholds = new ArrayList<>();
    for (String row :
        TestWarehouse.rows(c, "SELECT province_code, incidence_percent FROM exit_threshold")) {
      String[] f = row.split("\\|");
      thresholds.add(
          new PublishSettings.ExitThreshold(
              f[0].equals("null") ? null : f[0], Double.parseDouble(f[1])));
    }
    List<PublishSettings.RegionChange> changes = new ArrayList<>();
    for (String row :
        TestWarehouse.rows(
            c, "SELECT region_code, until_year, region_name, parent_code FROM region_change")) {
      String[] f = row.split("\\|");
      changes.add(new PublishSettings.RegionChange(f[0], Integer.parseInt(f[1]), f[2], f[3]));
    }
    return new PublishSettings(
        5, lines, thresholds, changes, 36, 0.5, PublishSettings.Monitoring.DEFAULT);
  }

  private static List<RuleCount> quality(Connection c) throws SQLException {
    List<RuleCount> counts = new ArrayList<>();
    for (String row :
        TestWarehouse.rows(
            c, "SELECT run_id, period, source, file_name, rule, \"rows\" FROM run_quality")) {
      String[] f = row.split("\\|");
      counts.add(
          new RuleCount(f[0], LocalDate.parse(f[1]), f[2], f[3], f[4], Long.parseLong(f[5])));
    }
    return counts;
  }

  private static String lastBuilt(List<String> messages) {
    return messages.stream()
        .filter(m -> m.contains("derived partitions built"))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  /** Names each relation that differs, with the rows only one side has. */
  private static List<String> periodLabels(Path file) throws Exception {
    List<String> labels = new ArrayList<>();
    try (Connection c = DuckDb.openReadOnly(file);
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT DISTINCT period_label, CAST(period AS VARCHAR) FROM v_poverty_trend WHERE"
                    + " period_label LIKE '20__-__' ORDER BY 1")) {
      while (r.next()) {
        labels.add(r.getString(1) + " " + r.getString(2));
      }
    }
    return labels;
  }

  private static void assertSameContents(
      Map<String, List<String>> expected, Map<String, List<String>> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    List<String> differences = new ArrayList<>();
    for (String relation : expected.keySet()) {
      List<String> missing = new ArrayList<>(expected.get(relation));
      missing.removeAll(actual.get(relation));
      List<String> extra = new ArrayList<>(actual.get(relation));
      extra.removeAll(expected.get(relation));
      if (!missing.isEmpty() || !extra.isEmpty()) {
        differences.add(relation + ": expected only " + missing + "; published only " + extra);
      }
    }
    assertTrue(differences.isEmpty(), () -> String.join("\n", differences));
  }

  private static Map<String, List<String>> contents(Path file) throws SQLException {
    try (Connection c = DuckDb.openReadOnly(file)) {
      return contents(c);
    }
  }

  /** Relation → its rows, each as text, sorted; settings' publish_id left out. */
  private static Map<String, List<String>> contents(Connection c) throws SQLException {
    Map<String, List<String>> contents = new TreeMap<>();
    for (String relation : TestWarehouse.rows(c, ALL_RELATIONS)) {
      String filter =
          relation.equals("setting")
              ? " WHERE name NOT IN ('publish_id', 'lake_directory', 'derived_directory')"
              : "";
      contents.put(
          relation,
          TestWarehouse.rows(
              c,
              "SELECT CAST(t AS VARCHAR) AS row FROM "
                  + relation
                  + " AS t"
                  + filter
                  + " ORDER BY row"));
    }
    assertTrue(
        contents.get("dim_household").size() > 10 && contents.get("v_anomalies").size() > 3,
        contents::toString);
    return contents;
  }
}
