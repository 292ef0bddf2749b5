package org.tuopin.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tuopin.bench.DashboardLatency;
import org.tuopin.bench.DuckDbIngestReference;
import org.tuopin.jobs.cli.CommonOptions;
import org.tuopin.warehouse.Publisher;
import org.tuopin.warehouse.ReadOnlyQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The figures scripts/bench needs from inside a JVM: view latency over JDBC, DuckDB's own ingest.
 */
@Command(
    name = "measure",
    mixinStandardHelpOptions = true,
    description =
        "Prints, as JSON, the dashboard query latency of the published views and (with"
            + " --duckdb-reference) DuckDB's own CSV-to-Parquet time on the landing files.")
final class MeasureCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--repeat",
      defaultValue = "50",
      description = "Timed runs per query (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(
      names = "--duckdb-reference",
      description = "Also convert the landing CSV files to Parquet with DuckDB alone, timed.")
  boolean duckdbReference;

  @Override
  public Integer call() throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    try (Connection connection =
        ReadOnlyQueries.open(common.data.resolve("serving").resolve(Publisher.FILE_NAME))) {
      figures.put("queries", DashboardLatency.measure(connection, repeat));
    }
    if (duckdbReference) {
      Path output = Files.createTempDirectory("tuopin-duckdb-reference");
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
        figures.put(
            "duckdb_reference", DuckDbIngestReference.measure(connection, common.landing, output));
      } finally {
        try (var files = Files.walk(output)) {
          for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    }
    System.out.println(
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(figures));
    return 0;
  }
}
