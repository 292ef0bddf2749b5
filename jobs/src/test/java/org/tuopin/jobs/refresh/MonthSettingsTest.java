package org.tuopin.jobs.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tuopin.etl.TestSpark;

class MonthSettingsTest {
  private final SparkSession spark = TestSpark.session();
  private final MonthSettings settings = new MonthSettings(64_000_000L);

  @AfterEach
  void backToTheSessionsOwnSettings() {
    new MonthSettings(0).apply(spark, 0, 1);
    spark.conf().unset(MonthSettings.CACHE_COMPRESSED);
  }

  @Test
  void aMonthUnderTheThresholdIsReadIntoOnePartitionWithoutAdaptiveExecutionInterpreted() {
    // The demo's month: 48 files, 1.4 MB.
    assertEquals(1, settings.apply(spark, 1_400_000L, 48));
    assertEquals(List.of("false", "1", "NO_CODEGEN", "false"), current());
    assertEquals(1, settings.apply(spark, 63_999_999L, 48));
  }

  @Test
  void aMonthAtTheThresholdKeepsTheSettingsTheSessionStartedWith() {
    settings.apply(spark, 1_000_000L, 48);
    // TestSpark runs two threads: two partitions per core, at most one per file.
    assertEquals(4, settings.apply(spark, 64_000_000L, 48));
    // TestSpark starts with two shuffle partitions; the other two are Spark's defaults.
    assertEquals(List.of("true", "2", "FALLBACK", "false"), current());
    assertEquals(2, settings.apply(spark, 900_000_000L, 2));
    // a province's 437 MB: two partitions per core (4) hold 110 MB each; a country's 13.4 GB
    // would be 3.3 GB each, so it takes one partition per 128 MiB: 100 of its 2,851 files' worth
    assertEquals(4, settings.apply(spark, 437_000_000L, 1624));
    assertEquals(100, settings.apply(spark, 13_400_000_000L, 2851));
  }

  @Test
  void aLargeMonthShufflesIntoOnePartitionPer128MibOfLandingFilesAtLeast() {
    // 13.4e9 bytes / 134,217,728 = 99.8: 100 partitions, not the session's two
    settings.apply(spark, 13_400_000_000L, 2851);
    assertEquals(List.of("true", "100", "FALLBACK", "true"), current());
    // a province's 437 MB: 3.3 → 4, more than the session's two; its cache is uncompressed
    settings.apply(spark, 437_000_000L, 1624);
    assertEquals("4", spark.conf().get(MonthSettings.SHUFFLE_PARTITIONS));
    assertEquals("false", spark.conf().get(MonthSettings.CACHE_COMPRESSED));
  }

  private List<String> current() {
    return List.of(
        spark.conf().get(MonthSettings.ADAPTIVE),
        spark.conf().get(MonthSettings.SHUFFLE_PARTITIONS),
        spark.conf().get(MonthSettings.EXPRESSION_EVALUATION),
        spark.conf().get(MonthSettings.CACHE_COMPRESSED));
  }
}
