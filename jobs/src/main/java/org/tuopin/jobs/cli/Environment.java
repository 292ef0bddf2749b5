package org.tuopin.jobs.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.tuopin.etl.model.ReferenceFrames;
import org.tuopin.etl.reference.ReferenceData;
import org.tuopin.jobs.config.ReferenceLoader;
import org.tuopin.jobs.config.TuopinConfig;
import org.tuopin.jobs.refresh.DataPaths;
import org.tuopin.jobs.refresh.LandingRules;
import org.tuopin.jobs.refresh.MonthSettings;
import org.tuopin.jobs.refresh.PseudonymKey;
import org.tuopin.jobs.refresh.RefreshJob;
import org.tuopin.jobs.refresh.RestrictedFolder;

/** Configuration, reference data and a Spark session, built once per command. */
final class Environment {
  private Environment() {}

  static TuopinConfig config(CommonOptions options) {
    return TuopinConfig.read(options.conf);
  }

  static ReferenceData reference(CommonOptions options, TuopinConfig config) {
    Path directory = options.conf.toAbsolutePath().getParent();
    return ReferenceLoader.load(config, directory);
  }

  /**
   * The Spark session of a command: the --master option, else spark-submit's master, else local[*].
   * Run locally, Spark's scratch space (where cached and shuffled rows, personal data among them,
   * spill) is {@code <data>/restricted/spark-local/<pid>}, owner-only like the rest of restricted/;
   * the folders of processes that are gone (a killed run) are removed first.
   */
  static SparkSession spark(CommonOptions options) {
    String resolved =
        options.master != null ? options.master : System.getProperty("spark.master", "local[*]");
    SparkSession.Builder builder = SparkSession.builder();
    if (resolved.startsWith("local")) {
      builder.config(
          "spark.local.dir",
          SparkScratch.prepare(new DataPaths(options.landing, options.data).restricted())
              .toString());
    }
    return builder
        .appName("tuopin")
        .master(resolved)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        // Validation plans have hundreds of expressions: compiling them whole costs more than it
        // saves.
        .config("spark.sql.codegen.wholeStage", "false")
        // Every query posts its plan as text; for these plans that text costs seconds per month.
        .config("spark.sql.maxPlanStringLength", "2048")
        .config("spark.sql.ui.explainMode", "simple")
        // lower() through ICU builds a word-break iterator per call; codes and headers need only
        // the JVM's mapping.
        .config("spark.sql.icu.caseMappings.enabled", "false")
        // A refresh reads every earlier period's payment ids: past 32 partitions Spark would list
        // them with a job of its own each month, so a month would cost more as history grows.
        .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "100000")
        .config(
            "spark.sql.sources.commitProtocolClass",
            "org.apache.spark.sql.execution.datasources.SQLHadoopMapReduceCommitProtocol")
        .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "true")
        .getOrCreate();
  }

  static RefreshJob refreshJob(
      CommonOptions options, SparkSession spark, Set<String> allowMissing) {
    TuopinConfig config = config(options);
    return refreshJob(
        options,
        spark,
        config,
        new MonthSettings(config.smallMonthMegabytes() * 1_000_000L),
        allowMissing);
  }

  static RefreshJob refreshJob(CommonOptions options, SparkSession spark) {
    TuopinConfig config = config(options);
    return refreshJob(
        options,
        spark,
        config,
        new MonthSettings(config.smallMonthMegabytes() * 1_000_000L),
        Set.of());
  }

  /** The same with other month settings (tests compare Spark's own with the small-month ones). */
  static RefreshJob refreshJob(
      CommonOptions options, SparkSession spark, MonthSettings monthSettings) {
    return refreshJob(options, spark, config(options), monthSettings, Set.of());
  }

  private static RefreshJob refreshJob(
      CommonOptions options,
      SparkSession spark,
      TuopinConfig config,
      MonthSettings monthSettings,
      Set<String> allowMissing) {
    ReferenceData reference = reference(options, config);
    DataPaths paths = new DataPaths(options.landing, options.data);
    Path keyFile =
        config.pseudonymKeyFile() == null
            ? null
            : options.conf.toAbsolutePath().getParent().resolve(config.pseudonymKeyFile());
    byte[] key =
        PseudonymKey.resolve(
            System.getenv(PseudonymKey.ENVIRONMENT_VARIABLE), keyFile, paths.restricted());
    RestrictedFolder.secure(paths.restricted());
    return new RefreshJob(
        spark,
        ReferenceFrames.cachedIn(spark, reference, paths.reference()),
        config.povertyCauses(),
        config.qualityGate(),
        paths,
        key,
        Clock.systemUTC(),
        config.publishSettings(),
        monthSettings,
        new LandingRules(config.requiredSources(), allowMissing));
  }
}
