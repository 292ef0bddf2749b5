package org.tuopin.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuopin.warehouse.PublishSettings;
import org.tuopin.warehouse.QueryLimits;

/** conf/tuopin.yaml: the defaults of what is left out, explicit values, and what is refused. */
class TuopinConfigTest {
  private static final String REQUIRED =
      """
      regions: regions/regions.csv.gz
      indicators: [{code: relocation, name: 易地扶贫搬迁, unit: 人}]
      fundSources: [{code: central, name: 中央财政专项扶贫资金}]
      povertyCauses: [因病]
      """;

  @TempDir Path folder;

  private TuopinConfig read(String yaml) throws Exception {
    Path file = folder.resolve("tuopin.yaml");
    Files.writeString(file, yaml);
    return TuopinConfig.read(file);
  }

  @Test
  void whatIsLeftOutTakesItsDefault() throws Exception {
    TuopinConfig config = read(REQUIRED);
    assertEquals(5, config.submissionDeadlineDay());
    assertEquals(36, config.publishRetention());
    assertEquals(64, config.smallMonthMegabytes());
    assertEquals(0.5, config.leagueMinimumShare());
    assertEquals(List.of("submissions", "registry"), config.requiredSources());
    assertEquals(5.0, config.qualityGate().thresholdFor("registry"));
    assertEquals(2.0, config.exitThresholds().incidencePercent());
    assertEquals(List.of(), config.customRegions());
    assertEquals(List.of(), config.povertyLines().rows());
    PublishSettings.Monitoring monitoring = config.publishSettings().monitoring();
    assertEquals(PublishSettings.Monitoring.DEFAULT.lines(), monitoring.lines());
    assertEquals(6, monitoring.monthsWithoutAssistance());
    // the categories of the usual county document, 医保's year-to-date costs first
    assertEquals(11, monitoring.screening().size());
    assertEquals(
        new PublishSettings.ScreeningThreshold(
            "医保", "住院自付", true, new BigDecimal("5000"), new BigDecimal("20000"), true),
        monitoring.screening().get(0));
  }

  @Test
  void theShippedConfListsTheDefaultScreeningCategories() throws Exception {
    TuopinConfig shipped = TuopinConfig.read(Path.of("..", "conf", "tuopin.yaml"));
    assertEquals(TuopinConfig.Screening.DEFAULT, shipped.screening());
  }

  @Test
  void screeningCategoriesListedReplaceTheDefaultsAndNonsenseIsRefused() throws Exception {
    List<PublishSettings.ScreeningThreshold> screening =
        read(REQUIRED
                + """
                screening:
                  categories:
                    - {department: 医保, category: 住院自付, hasAmount: true,
                       registeredThresholdYuan: 8000, otherThresholdYuan: 30000, yearToDate: true}
                    - {department: 农业, category: 因灾减产}
                """)
            .publishSettings()
            .monitoring()
            .screening();
    assertEquals(
        List.of(
            new PublishSettings.ScreeningThreshold(
                "医保", "住院自付", true, new BigDecimal("8000"), new BigDecimal("30000"), true),
            new PublishSettings.ScreeningThreshold("农业", "因灾减产", false, null, null, false)),
        screening);
    assertTrue(
        assertThrows(
                Exception.class,
                () ->
                    read(
                        REQUIRED
                            + "screening: {categories: [{department: 民政, category: 新增低保},"
                            + " {department: 民政, category: 新增低保}]}\n"))
            .getMessage()
            .contains("民政 新增低保 twice"));
    assertTrue(
        assertThrows(
                Exception.class,
                () ->
                    read(
                        REQUIRED
                            + "screening: {categories: [{department: 应急, category: 灾害损失,"
                            + " registeredThresholdYuan: 5000}]}\n"))
            .getMessage()
            .contains("a threshold needs signals with an amount"));
  }

  @Test
  void monitoringLinesAndThresholdsAreKeptAndPublished() throws Exception {
    PublishSettings.Monitoring monitoring =
        read(REQUIRED
                + """
                monitoring:
                  lines: {national: {2021: 6000}, provinces: {'510000': {2024: 8800}}}
                  monthsWithoutAssistance: 3
                """)
            .publishSettings()
            .monitoring();
    assertEquals(
        List.of(
            new PublishSettings.PovertyLine(null, 2021, new BigDecimal("6000")),
            new PublishSettings.PovertyLine("510000", 2024, new BigDecimal("8800"))),
        monitoring.lines());
    assertEquals(3, monitoring.monthsWithoutAssistance());
    assertEquals(0.3, monitoring.incomeFallShare(), "left out: the default");
    assertTrue(
        assertThrows(Exception.class, () -> read(REQUIRED + "monitoring: {incomeFallShare: 1.5}\n"))
            .getMessage()
            .contains("incomeFallShare"));
  }

  @Test
  void theQueryLimitsTakeTheirDefaultsAndExplicitValuesAndRefuseNonsense() throws Exception {
    assertEquals(new QueryLimits(2048, 4096, 300, 1_000_000), read(REQUIRED).query());
    assertEquals(
        new QueryLimits(512, 4096, 30, 1_000_000),
        read(REQUIRED + "query: {memoryMegabytes: 512, timeoutSeconds: 30}\n").query());
    assertTrue(
        assertThrows(Exception.class, () -> read(REQUIRED + "query: {timeoutSeconds: 0}\n"))
            .getMessage()
            .contains("query.timeoutSeconds: 1 or more, not 0"));
    assertTrue(
        assertThrows(Exception.class, () -> read(REQUIRED + "query: {spill: 5}\n"))
            .getMessage()
            .contains("spill"));
  }

  @Test
  void explicitValuesAreKeptAndPublished() throws Exception {
    TuopinConfig config =
        read(
            REQUIRED
                + """
                submissionDeadlineDay: 10
                publishRetention: 3
                leagueMinimumShare: 0.75
                qualityGate: {maxQuarantinedPercent: 1.5, perSource: {registry: 0.5}}
                povertyLines: {national: {2020: 4000}, provinces: {'510000': {2020: 4200}}}
                exitThresholds: {incidencePercent: 3.0, provinces: {'540000': 5.0}}
                requiredSources: [registry]
                """);
    assertEquals(0.5, config.qualityGate().thresholdFor("registry"));
    assertEquals(1.5, config.qualityGate().thresholdFor("submissions"));
    assertEquals(List.of("registry"), config.requiredSources());
    PublishSettings published = config.publishSettings();
    assertEquals(10, published.submissionDeadlineDay());
    assertEquals(3, published.publishRetention());
    assertEquals(0.75, published.leagueMinimumShare());
    assertEquals(
        List.of(
            new PublishSettings.PovertyLine(null, 2020, new BigDecimal("4000")),
            new PublishSettings.PovertyLine("510000", 2020, new BigDecimal("4200"))),
        published.povertyLines());
    assertEquals(
        List.of(
            new PublishSettings.ExitThreshold(null, 3.0),
            new PublishSettings.ExitThreshold("540000", 5.0)),
        published.exitThresholds());
  }

  @Test
  void anUnknownKeyIsRefusedNamingIt() {
    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class, () -> read(REQUIRED + "submisionDeadlineDay: 5\n"));
    assertTrue(e.getMessage().contains("submisionDeadlineDay"), e.getMessage());
  }

  @Test
  void aQualityGateForAnUnknownSourceIsRefused() {
    Exception e =
        assertThrows(
            Exception.class, () -> read(REQUIRED + "qualityGate: {perSource: {registy: 1.0}}\n"));
    assertTrue(e.getMessage().contains("unknown source 'registy'"), e.getMessage());
  }

  @Test
  void valuesOutOfRangeAreRefused() {
    assertTrue(
        assertThrows(Exception.class, () -> read(REQUIRED + "leagueMinimumShare: 1.5\n"))
            .getMessage()
            .contains("leagueMinimumShare"));
    assertTrue(
        assertThrows(Exception.class, () -> read(REQUIRED + "submissionDeadlineDay: 31\n"))
            .getMessage()
            .contains("submissionDeadlineDay"));
    assertTrue(
        assertThrows(
                Exception.class,
                () -> read(REQUIRED + "qualityGate: {maxQuarantinedPercent: 120}\n"))
            .getMessage()
            .contains("maxQuarantinedPercent"));
    assertTrue(
        assertThrows(Exception.class, () -> read("indicators: []\n"))
            .getMessage()
            .contains("regions"));
  }

  @Test
  void theQualityGateStopsOnlyAboveItsThreshold() {
    QualityGate gate = new QualityGate(5.0, Map.of("registry", 1.0));
    assertEquals(false, gate.stops("submissions", 100, 5));
    assertEquals(true, gate.stops("submissions", 100, 6));
    assertEquals(true, gate.stops("registry", 1000, 11));
    assertEquals(false, gate.stops("registry", 0, 0));
  }
}
