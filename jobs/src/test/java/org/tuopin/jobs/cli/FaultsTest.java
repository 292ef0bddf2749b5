package org.tuopin.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuopin.etl.TestSpark;
import org.tuopin.jobs.generate.FaultInjector;
import org.tuopin.jobs.generate.SampleDataGenerator;
import org.tuopin.jobs.generate.Scale;
import org.tuopin.jobs.refresh.RefreshJob;
import org.tuopin.warehouse.Publisher;

/**
 * Generated small-scale data with {@code --faults}: every injected fault (and the member rows a
 * spoiled household takes with it) is quarantined under the rule the injector named, and no
 * clean row is. Over the default 5% threshold the gate stops the month with exit code 3, leaves
 * the published file byte for byte as it was, and says which source and rule without quoting
 * any identity number or name.
 */
class FaultsTest {
  private static final YearMonth DECEMBER = YearMonth.of(2019, 12);
  private static final YearMonth JANUARY = YearMonth.of(2020, 1);

  @Test
  void everyInjectedFaultIsQuarantinedUnderItsRuleAndNothingElseIs(@TempDir Path work) throws Exception {
    CommonOptions permissive = options(work, permissiveConf(work));
    new SampleDataGenerator(Environment.reference(permissive, Environment.config(permissive)), 20140101L, Scale.SMALL)
        .generate(permissive.landing, DECEMBER, JANUARY);
    List<String> decemberFaults = keys(FaultInjector.inject(permissive.landing, 20140101L, DECEMBER));
    List<String> januaryFaults = keys(FaultInjector.inject(permissive.landing, 20140101L, JANUARY));
    assertTrue(decemberFaults.size() > 30 && januaryFaults.size() > 20, "faults were injected");
    assertTrue(decemberFaults.stream().map(k -> k.split(" ")[2]).distinct().count() >= 20, "more than twenty rules: " + decemberFaults);

    RefreshJob lenient = Environment.refreshJob(permissive, TestSpark.session());
    assertEquals(0, Backfill.run(lenient, List.of(DECEMBER)));
    assertEquals(decemberFaults, quarantined(permissive.data, DECEMBER));

    Path published = permissive.data.resolve("serving").resolve(Publisher.FILE_NAME);
    String before = sha256(published);
    CommonOptions strict = options(work, Path.of("..", "conf", "tuopin.yaml").toAbsolutePath().normalize());
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
    assertTrue(messages.contains("2020-01 was not published: quality gate: submissions quarantined"), messages);
    assertNoPersonalData(messages, permissive.landing);
    try (Stream<Path> records = Files.walk(permissive.data.resolve("runs"))) {
      for (Path record : records.filter(Files::isRegularFile).toList()) {
        assertNoPersonalData(Files.readString(record), permissive.landing);
      }
    }

    assertEquals(0, Backfill.run(Environment.refreshJob(permissive, TestSpark.session()), List.of(JANUARY)));
    assertEquals(januaryFaults, quarantined(permissive.data, JANUARY));
  }

  private static void assertNoPersonalData(String text, Path landing) {
    assertFalse(text.matches("(?s).*\\d{17}[0-9Xx].*"), "nothing shaped like an identity number");
    Set<String> personal = new LandingOracle(landing, List.of(DECEMBER, JANUARY), Set.of()).personalData();
    assertTrue(personal.size() > 1000);
    for (String value : personal) {
      assertFalse(value.length() >= 2 && text.contains(value), "a message quotes personal data");
    }
  }

  /** As a sorted list, not a set: a bulletin block's unit rows share their line number. */
  private static List<String> keys(List<FaultInjector.Fault> faults) {
    List<String> keys = new ArrayList<>();
    faults.forEach(f -> keys.add(f.file() + " " + f.line() + " " + f.rule()));
    Collections.sort(keys);
    return keys;
  }

  private static List<String> quarantined(Path data, YearMonth month) {
    List<String> keys = new ArrayList<>();
    Path partition = data.resolve("restricted").resolve("quarantine").resolve("period=" + month);
    for (Row r : TestSpark.session().read().parquet(partition.toString()).collectAsList()) {
      keys.add(r.getAs("file_name") + " " + r.getAs("line_number") + " " + r.getAs("rule"));
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
    String yaml = Files.readString(conf.resolve("tuopin.yaml"))
        .replace("regions: regions/regions.csv", "regions: " + conf.resolve("regions").resolve("regions.csv"))
        .replace("maxQuarantinedPercent: 5.0", "maxQuarantinedPercent: 100.0");
    Path file = work.resolve("permissive.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
