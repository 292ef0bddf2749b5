package org.tuopin.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tuopin.bench.DashboardLatency;
import org.tuopin.jobs.cli.CommonOptions;
import org.tuopin.warehouse.Publisher;
import org.tuopin.warehouse.ReadOnlyQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The figure scripts/bench needs from inside a JVM: view latency over JDBC. */
@Command(
    name = "measure",
    mixinStandardHelpOptions = true,
    description = "Prints, as JSON, the dashboard query latency of the published views.")
final class MeasureCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--repeat",
      defaultValue = "50",
      description = "Timed runs per query (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Override
  public Integer call() throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    try (Connection connection =
        ReadOnlyQueries.open(common.data.resolve("serving").resolve(Publisher.FILE_NAME))) {
      figures.put("queries", DashboardLatency.measure(connection, repeat));
    }
    System.out.println(
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(figures));
    return 0;
  }
}
