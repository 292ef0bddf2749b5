package org.tuopin.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.tuopin.bench.DuckDbIngestReference;
import org.tuopin.bench.IngestReference;
import org.tuopin.bench.SparkIngestReference;
import org.tuopin.jobs.cli.CommonOptions;
import org.tuopin.jobs.cli.Environment;
import org.tuopin.warehouse.LakeLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The references scripts/bench compares Tuopin's ingest with: the landing's CSV files converted to
 * Parquet by DuckDB alone or by plain Spark (in the session a refresh gets), nothing else, into a
 * folder under --data removed after. The benchmark times the whole command, so Spark's start-up
 * counts as it does for a refresh.
 */
@Command(
    name = "ingest-reference",
    mixinStandardHelpOptions = true,
    description =
        "Converts the landing's CSV files to Parquet with DuckDB (UTF-8 files) or plain Spark"
            + " (UTF-8 and GB18030) alone, timed; prints the rows and seconds per source as JSON.")
final class IngestReferenceCommand implements Callable<Integer> {
  enum Engine {
    duckdb,
    spark
  }

  @Mixin CommonOptions common;

  @Option(names = "--engine", required = true, description = "duckdb or spark.")
  Engine engine;

  @Override
  public Integer call() throws Exception {
    Path output =
        Files.createTempDirectory(Files.createDirectories(common.data), "ingest-reference");
    List<IngestReference.Converted> converted;
    try {
      converted = convert(output);
    } catch (Exception e) {
      try {
        LakeLayout.deleteTree(output);
      } catch (UncheckedIOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    LakeLayout.deleteTree(output);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("engine", engine.name());
    figures.put("sources", converted);
    figures.put("rows", converted.stream().mapToLong(IngestReference.Converted::rows).sum());
    // the conversions only: the benchmark times the whole command, start-up included
    double seconds = converted.stream().mapToDouble(IngestReference.Converted::seconds).sum();
    figures.put("seconds", Math.round(seconds * 100) / 100.0);
    System.out.println(
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(figures));
    return 0;
  }

  private List<IngestReference.Converted> convert(Path output) throws Exception {
    if (engine == Engine.spark) {
      SparkSession spark = Environment.spark(common);
      try {
        return SparkIngestReference.measure(spark, common.landing, output);
      } finally {
        spark.stop();
      }
    }
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      return DuckDbIngestReference.measure(connection, common.landing, output);
    }
  }
}
