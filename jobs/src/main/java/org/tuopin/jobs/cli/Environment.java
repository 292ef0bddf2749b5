package org.tuopin.jobs.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.tuopin.etl.SparkSettings;
import org.tuopin.etl.model.ReferenceFrames;
import org.tuopin.etl.reference.ReferenceData;
import org.tuopin.jobs.config.ReferenceLoader;
import org.tuopin.jobs.config.TuopinConfig;
import org.tuopin.jobs.refresh.DataPaths;
import org.tuopin.jobs.refresh.LandingRules;
import org.tuopin.jobs.refresh.MonthSettings;
import org.tuopin.jobs.refresh.PseudonymKey;
import org.tuopin.jobs.refresh.RefreshJob;
import org.tuopin.jobs.refresh.RefreshSettings;
import org.tuopin.warehouse.RestrictedFolder;

/** Configuration, reference data and a Spark session, built once per command. */
public final class Environment {
  private Environment() {}

  public static TuopinConfig config(CommonOptions options) {
    return TuopinConfig.read(options.conf);
  }

  public static ReferenceData reference(CommonOptions options, TuopinConfig config) {
    Path directory = options.conf.toAbsolutePath().getParent();
    return ReferenceLoader.load(config, directory);
  }

  /**
   * The Spark session of a command: the --master option, else spark-submit's master, else local[*].
   * Run locally, Spark's scratch space (where cached and shuffled rows, personal data among them,
   * spill) is {@code <data>/restricted/spark-local/<pid>}, owner-only like the rest of restricted/;
   * the folders of processes that are gone (a killed run) are removed first.
   */
  public static SparkSession spark(CommonOptions options) {
    String resolved =
        options.master != null ? options.master : System.getProperty("spark.master", "local[*]");
    SparkSession.Builder builder = SparkSession.builder();
    if (resolved.startsWith("local")) {
      builder.config(
          "spark.local.dir",
          SparkScratch.prepare(new DataPaths(options.landing, options.data).restricted())
              .toString());
    }
    return SparkSettings.applyTo(builder)
        .appName("tuopin")
        .master(resolved)
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
  }

  public static RefreshJob refreshJob(
      CommonOptions options, SparkSession spark, Set<String> allowMissing) {
    TuopinConfig config = config(options);
    return refreshJob(
        options,
        spark,
        config,
        new MonthSettings(config.smallMonthMegabytes() * 1_000_000L),
        allowMissing);
  }

  public static RefreshJob refreshJob(CommonOptions options, SparkSession spark) {
    return refreshJob(options, spark, Set.of());
  }

  /** The same with other month settings (tests compare Spark's own with the small-month ones). */
  public static RefreshJob refreshJob(
      CommonOptions options, SparkSession spark, MonthSettings monthSettings) {
    return refreshJob(options, spark, config(options), monthSettings, Set.of());
  }

  /** The configured key file, or null for the default in the restricted folder. */
  public static Path pseudonymKeyFile(CommonOptions options, TuopinConfig config) {
    return config.pseudonymKeyFile() == null
        ? null
        : options.conf.toAbsolutePath().getParent().resolve(config.pseudonymKeyFile());
  }

  private static RefreshJob refreshJob(
      CommonOptions options,
      SparkSession spark,
      TuopinConfig config,
      MonthSettings monthSettings,
      Set<String> allowMissing) {
    ReferenceData reference = reference(options, config);
    DataPaths paths = new DataPaths(options.landing, options.data);
    byte[] key =
        PseudonymKey.resolve(
            System.getenv(PseudonymKey.ENVIRONMENT_VARIABLE),
            pseudonymKeyFile(options, config),
            paths.restricted());
    RestrictedFolder.secure(paths.restricted());
    return new RefreshJob(
        spark,
        ReferenceFrames.cachedIn(spark, reference, paths.reference()),
        paths,
        key,
        Clock.systemUTC(),
        new RefreshSettings(
            config.povertyCauses(),
            config.qualityGate(),
            config.publishSettings(),
            monthSettings,
            new LandingRules(config.requiredSources(), allowMissing),
            "1".equals(System.getenv("TUOPIN_PROFILE"))));
  }
}
