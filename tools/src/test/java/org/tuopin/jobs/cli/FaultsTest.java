package org.tuopin.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuopin.etl.TestSpark;
import org.tuopin.etl.io.Lake;
import org.tuopin.jobs.refresh.RefreshJob;
import org.tuopin.sample.AnomalyPlanter;
import org.tuopin.sample.FaultInjector;
import org.tuopin.sample.SampleDataGenerator;
import org.tuopin.sample.Scale;
import org.tuopin.warehouse.DuckDb;
import org.tuopin.warehouse.Publisher;
import org.tuopin.warehouse.catalog.LakePartition;

/**
 * Generated small-scale data with {@code --faults}: every injected fault (and the member rows a
 * spoiled household takes with it) is quarantined under the rule the injector named, and no clean
 * row is. Over the default 5% threshold the gate stops the month with exit code 3, leaves the
 * published file byte for byte as it was, and says which source and rule without quoting any
 * identity number or name.
 */
@Tag("e2e")
class FaultsTest {
  private static final YearMonth DECEMBER = YearMonth.of(2019, 12);
  private static final YearMonth JANUARY = YearMonth.of(2020, 1);

  /** A month of return-to-poverty monitoring, with its own rules and anomalies. */
  private static final YearMonth MONITORED = YearMonth.of(2021, 12);

  @Test
  void everyInjectedFaultIsQuarantinedUnderItsRuleAndNothingElseIs(@TempDir Path work)
      throws Exception {
    CommonOptions permissive = options(work, permissiveConf(work));
    new SampleDataGenerator(
            Environment.reference(permissive, Environment.config(permissive)),
            20140101L,
            Scale.SMALL)
        .generate(permissive.landing, DECEMBER, JANUARY);
    List<FaultInjector.Fault> injectedInDecember =
        FaultInjector.inject(permissive.landing, 20140101L, DECEMBER);
    List<FaultInjector.Fault> injectedInJanuary =
        FaultInjector.inject(permissive.landing, 20140101L, JANUARY);
    List<AnomalyPlanter.Planted> planted =
        new ArrayList<>(AnomalyPlanter.plant(permissive.landing, DECEMBER, injectedInDecember));
    planted.addAll(AnomalyPlanter.plant(permissive.landing, JANUARY, injectedInJanuary));
    List<String> decemberFaults = keys(permissive.landing, injectedInDecember);
    List<String> januaryFaults = keys(permissive.landing, injectedInJanuary);
    assertTrue(decemberFaults.size() > 30 && januaryFaults.size() > 20, "faults were injected");
    assertTrue(
        decemberFaults.stream().map(k -> k.split(" ")[2]).distinct().count() >= 20,
        "more than twenty rules: " + decemberFaults);

    RefreshJob lenient = Environment.refreshJob(permissive, TestSpark.session());
    assertEquals(0, Backfill.run(lenient, List.of(DECEMBER)));
    assertEquals(decemberFaults, quarantined(permissive.data, DECEMBER));
    assertEveryFileBalances(permissive, DECEMBER, decemberFaults);

    Path published = permissive.data.resolve("serving").resolve(Publisher.FILE_NAME);
    String before = sha256(published);
    CommonOptions strict =
        options(work, Path.of("..", "conf", "tuopin.yaml").toAbsolutePath().normalize());
    PrintStream terminal = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int exit;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      exit = Backfill.run(Environment.refreshJob(strict, TestSpark.session()), List.of(JANUARY));
    } finally {
      System.setErr(terminal);
    }
    String messages = captured.toString(StandardCharsets.UTF_8);
    assertEquals(TuopinCommand.GATE_STOPPED, exit, messages);
    assertEquals(before, sha256(published), "the published file is untouched");
    assertTrue(
        messages.contains("2020-01 was not published: quality gate: submissions quarantined"),
        messages);
    assertNoPersonalData(messages, permissive.landing);
    try (Stream<Path> records = Files.walk(permissive.data.resolve("restricted").resolve("runs"))) {
      for (Path record : records.filter(Files::isRegularFile).toList()) {
        assertNoPersonalData(Files.readString(record), permissive.landing);
      }
    }

    assertEquals(
        0, Backfill.run(Environment.refreshJob(permissive, TestSpark.session()), List.of(JANUARY)));
    assertEquals(januaryFaults, quarantined(permissive.data, JANUARY));
    assertEveryFileBalances(permissive, JANUARY, januaryFaults);

    planted.addAll(monitoredMonthIsQuarantinedExactly(permissive));
    Map<String, Set<String>> plantedKinds = plantedKinds(planted);
    assertTrue(
        plantedKinds
            .get(MONITORED + "-01")
            .containsAll(Set.of("eliminated_below_line", "monitored_without_assistance")),
        plantedKinds::toString);
    assertEquals(plantedKinds, foundKinds(published));
  }

  /**
   * A month from 2021: its faults include every monitoring rule, and the quarantine is exactly the
   * faults. Returns what was planted in it.
   */
  private static List<AnomalyPlanter.Planted> monitoredMonthIsQuarantinedExactly(
      CommonOptions permissive) throws Exception {
    new SampleDataGenerator(
            Environment.reference(permissive, Environment.config(permissive)),
            20140101L,
            Scale.SMALL)
        .generate(permissive.landing, MONITORED, MONITORED);
    List<FaultInjector.Fault> injected =
        FaultInjector.inject(permissive.landing, 20140101L, MONITORED);
    List<AnomalyPlanter.Planted> planted =
        AnomalyPlanter.plant(permissive.landing, MONITORED, injected);
    List<String> faults = keys(permissive.landing, injected);
    assertTrue(
        faults.stream()
            .map(k -> k.split(" ")[2])
            .collect(Collectors.toSet())
            .containsAll(
                Set.of(
                    "unknown_monitoring_type",
                    "unknown_risk_type",
                    "monitoring_rule",
                    "risk_elimination_rule",
                    "monitoring_status_rule")),
        faults::toString);
    assertEquals(
        0,
        Backfill.run(Environment.refreshJob(permissive, TestSpark.session()), List.of(MONITORED)));
    assertEquals(faults, quarantined(permissive.data, MONITORED));
    assertEveryFileBalances(permissive, MONITORED, faults);
    return planted;
  }

  /** Per period, the anomaly kinds planted (which the quarantine above shows break no rule). */
  private static Map<String, Set<String>> plantedKinds(List<AnomalyPlanter.Planted> planted) {
    Map<String, Set<String>> kinds = new TreeMap<>();
    planted.forEach(
        p -> kinds.computeIfAbsent(p.period() + "-01", k -> new TreeSet<>()).add(p.kind()));
    assertTrue(kinds.values().stream().mapToInt(Set::size).sum() >= 10, kinds::toString);
    return kinds;
  }

  /** Per period, the kinds v_anomalies finds in the published warehouse. */
  private static Map<String, Set<String>> foundKinds(Path published) throws Exception {
    Map<String, Set<String>> kinds = new TreeMap<>();
    try (Connection c = DuckDb.openReadOnly(published);
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT DISTINCT CAST(period AS VARCHAR), kind FROM v_anomalies")) {
      while (r.next()) {
        kinds.computeIfAbsent(r.getString(1), k -> new TreeSet<>()).add(r.getString(2));
      }
    }
    return kinds;
  }

  /**
   * The month's quality report (the JSON beside its run record) has every landing file, and each
   * balances: rows read = loaded + quarantined, quarantined = the faults listed in the file, and
   * rows read = the data rows the test counts itself in a CSV or JSON Lines file; a file that
   * cannot be read is one row, quarantined.
   */
  private static void assertEveryFileBalances(
      CommonOptions options, YearMonth month, List<String> faults) throws Exception {
    JsonNode report = latestQualityReport(options.data, month);
    Map<String, JsonNode> byFile = new HashMap<>();
    report.get("files").forEach(f -> byFile.put(f.get("fileName").asText(), f));
    List<Path> landed = landedFiles(options.landing, month);
    assertEquals(landed.size(), byFile.size(), "one entry per landing file");
    for (Path file : landed) {
      String name =
          PublishedFileName.of(
              options.landing, options.landing.relativize(file).toString().replace('\\', '/'));
      JsonNode counts = byFile.get(name);
      long read = counts.get("read").asLong();
      long quarantined = counts.get("quarantined").asLong();
      assertEquals(read, counts.get("loaded").asLong() + quarantined, name);
      assertEquals(
          faults.stream().filter(k -> k.startsWith(name + " ")).count(), quarantined, name);
      boolean unreadable = faults.stream().anyMatch(k -> k.startsWith(name + " 0 "));
      if (unreadable) {
        assertEquals(1, read, name);
      } else if (name.endsWith(".csv")) {
        assertEquals(RawLandingFile.records(file).size() - 1, read, name);
      } else if (name.endsWith(".jsonl")) {
        assertEquals(
            Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .count(),
            read,
            name);
      }
    }
  }

  private static JsonNode latestQualityReport(Path data, YearMonth month) throws Exception {
    try (Stream<Path> files = Files.list(data.resolve("restricted").resolve("runs"))) {
      Path latest =
          files
              .filter(p -> p.getFileName().toString().endsWith("-" + month + ".quality.json"))
              .sorted()
              .reduce((a, b) -> b)
              .orElseThrow();
      return new ObjectMapper().readTree(latest.toFile());
    }
  }

  /**
   * The month's folder of every source, and the population folder of its year (spec: landing
   * layout).
   */
  private static List<Path> landedFiles(Path landing, YearMonth month) throws Exception {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> sources = Files.list(landing)) {
      List<Path> folders = new ArrayList<>(sources.map(s -> s.resolve(month.toString())).toList());
      folders.add(landing.resolve("population").resolve(String.valueOf(month.getYear())));
      for (Path folder : folders.stream().filter(Files::isDirectory).toList()) {
        try (Stream<Path> inFolder = Files.list(folder)) {
          files.addAll(inFolder.toList());
        }
      }
    }
    return files;
  }

  private static void assertNoPersonalData(String text, Path landing) {
    assertFalse(text.matches("(?s).*\\d{17}[0-9Xx].*"), "nothing shaped like an identity number");
    Set<String> personal =
        new LandingOracle(landing, List.of(DECEMBER, JANUARY), Set.of()).personalData();
    assertTrue(personal.size() > 1000);
    for (String value : personal) {
      assertFalse(value.length() >= 2 && text.contains(value), "a message quotes personal data");
    }
  }

  /** As a sorted list, not a set: a bulletin block's unit rows share their line number. */
  /** The faults as the quarantine names them: the file by its published name. */
  private static List<String> keys(Path landing, List<FaultInjector.Fault> faults) {
    List<String> keys = new ArrayList<>();
    faults.forEach(
        f -> keys.add(PublishedFileName.of(landing, f.file()) + " " + f.line() + " " + f.rule()));
    Collections.sort(keys);
    return keys;
  }

  private static List<String> quarantined(Path data, YearMonth month) {
    List<String> keys = new ArrayList<>();
    Lake quarantine = new Lake(data.resolve("restricted"));
    for (Row r :
        quarantine
            .readCurrent(TestSpark.session(), "quarantine", LakePartition.period(month))
            .collectAsList()) {
      String key = r.getAs("file_name") + " " + r.getAs("line_number") + " " + r.getAs("rule");
      // staged without it, a CSV or JSON Lines row gets its raw text back from its file
      assertNotNull(r.getAs("raw_text"), key);
      keys.add(key);
    }
    Collections.sort(keys);
    return keys;
  }

  private static CommonOptions options(Path work, Path conf) {
    CommonOptions options = new CommonOptions();
    options.landing = work.resolve("landing");
    options.data = work.resolve("data");
    options.conf = conf;
    return options;
  }

  /** The project's configuration with a gate that never stops, so a faulty month still loads. */
  private static Path permissiveConf(Path work) throws Exception {
    Path conf = Path.of("..", "conf").toAbsolutePath().normalize();
    String yaml =
        Files.readString(conf.resolve("tuopin.yaml"))
            .replace(
                "regions: regions/regions.csv.gz",
                "regions: " + conf.resolve("regions").resolve("regions.csv.gz"))
            .replace("maxQuarantinedPercent: 5.0", "maxQuarantinedPercent: 100.0");
    Path file = work.resolve("permissive.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
