package org.tuopin.jobs.refresh;

import java.io.File;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.tuopin.etl.Progress;
import org.tuopin.etl.source.LandingFile;

/**
 * How Spark runs one month's refresh, chosen by the size of the month's landing files.
 *
 * <p>Spark's settings suit large inputs: the records spread over two partitions per core, adaptive
 * execution plans each query again at every shuffle, shuffles spread over several partitions, and
 * expressions are compiled to Java classes. On a small month (the demo's 1.4 MB, one county's
 * files) all of that is fixed cost, paid in each of the month's fifty-odd jobs: every partition is
 * a task in each stage that deserializes the month's large plans, and the JIT compiles the
 * generated classes again. The 13-month demo took 182 s with Spark's settings and 119-128 s with
 * these. A large month keeps the settings the session was started with (spark-submit's, or Spark's
 * defaults), but for at least one shuffle partition per 128 MiB of landing files; a month of up to
 * 1 GiB caches uncompressed. Results do not depend on the choice (EndToEndTest backfills the same
 * months under both).
 */
public final class MonthSettings {
  static final String ADAPTIVE = "spark.sql.adaptive.enabled";
  static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
  // Interpreted expressions: Spark's own fallback when code generation fails.
  static final String EXPRESSION_EVALUATION = "spark.sql.codegen.factoryMode";
  static final String CACHE_COMPRESSED = "spark.sql.inMemoryColumnarStorage.compressed";

  /**
   * Up to this many landing bytes the month's kept records and stagings are cached uncompressed,
   * unless the session was started with a choice of its own. Choosing each column's encoding costs
   * a hash lookup per value (12% of a province month's CPU, by a flight recording): uncompressed,
   * with the raw text of CSV records no longer cut, the province's 465 MB month took 128-130 s
   * instead of 145, with 1.5 GB more of the heap in use. A country's 13 GB keep compression:
   * uncompressed they would spill to disk sooner.
   */
  static final long UNCOMPRESSED_CACHE_BYTES = 1L << 30;

  /**
   * The landing bytes per partition of a large month at most. Two partitions per core alone put a
   * whole country's 13 GB into four partitions of 3 GB: larger than Spark's memory store can cache,
   * so each of the month's jobs read and parsed them all again.
   */
  static final long BYTES_PER_PARTITION = 128L << 20;

  private final long smallMonthBytes;

  /**
   * @param smallMonthBytes months whose landing files are smaller than this run with the
   *     small-month settings
   */
  public MonthSettings(long smallMonthBytes) {
    this.smallMonthBytes = smallMonthBytes;
  }

  /**
   * Sets the session up for a month's landing files. A file whose size cannot be read counts as
   * empty ({@link File#length} is 0); its reader then reports why it cannot be read.
   *
   * @return how many partitions to read the month's records into
   */
  public int apply(SparkSession spark, List<LandingFile> files) {
    return apply(
        spark, files.stream().mapToLong(f -> new File(f.location()).length()).sum(), files.size());
  }

  int apply(SparkSession spark, long landingBytes, int fileCount) {
    boolean small = landingBytes < smallMonthBytes;
    SparkConf started = spark.sparkContext().getConf();
    long bySize = (landingBytes + BYTES_PER_PARTITION - 1) / BYTES_PER_PARTITION;
    spark.conf().set(ADAPTIVE, small ? "false" : started.get(ADAPTIVE, "true"));
    spark.conf().set(SHUFFLE_PARTITIONS, small ? "1" : shufflePartitions(started, bySize));
    spark
        .conf()
        .set(
            EXPRESSION_EVALUATION,
            small ? "NO_CODEGEN" : started.get(EXPRESSION_EVALUATION, "FALLBACK"));
    String compressed =
        started.contains(CACHE_COMPRESSED)
            ? started.get(CACHE_COMPRESSED)
            : String.valueOf(landingBytes > UNCOMPRESSED_CACHE_BYTES);
    spark.conf().set(CACHE_COMPRESSED, compressed);
    Progress.detail(
        "%.1f MB of landing files: %s, %s cache",
        landingBytes / 1e6,
        small ? "small-month settings" : "Spark's settings",
        Boolean.parseBoolean(compressed) ? "compressed" : "uncompressed");
    if (small) {
      return 1;
    }
    long wanted = Math.max(spark.sparkContext().defaultParallelism() * 2L, bySize);
    // a file is read by one task: more partitions than files would stay empty
    return (int) Math.max(1, Math.min(fileCount, wanted));
  }

  /**
   * The session's own number of shuffle partitions, or one per {@link #BYTES_PER_PARTITION} of
   * landing files if that is more. The launcher starts sessions with four, right for a province; a
   * country's 100 million members joined to their households through four partitions would be
   * sorted in pieces of several GB. Adaptive execution (on for a large month) coalesces the
   * partitions that turn out small.
   */
  private static String shufflePartitions(SparkConf started, long bySize) {
    long own = Long.parseLong(started.get(SHUFFLE_PARTITIONS, "200"));
    return String.valueOf(Math.max(own, bySize));
  }
}
