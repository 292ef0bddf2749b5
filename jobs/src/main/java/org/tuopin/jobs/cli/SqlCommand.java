package org.tuopin.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import org.tuopin.warehouse.PublishHistory;
import org.tuopin.warehouse.Publisher;
import org.tuopin.warehouse.QueryFormatter;
import org.tuopin.warehouse.ReadOnlyQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sql", mixinStandardHelpOptions = true, description = "Runs one SELECT against the published warehouse; it can only read (see README, \"The query path\").")
final class SqlCommand implements Callable<Integer> {
  private static final int USAGE = 2;

  @Mixin CommonOptions common;

  @Parameters(index = "0", description = "The query.")
  String query;

  @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  QueryFormatter.Format format;

  @Option(names = "--as-of", paramLabel = "PUBLISH_ID", description = "Query an earlier publish, as it was (ids: ./tuopin status).")
  Integer asOf;

  @Override
  public Integer call() throws SQLException {
    Path serving = common.data.resolve("serving");
    Path file = asOf == null ? serving.resolve(Publisher.FILE_NAME) : new PublishHistory(serving).file(asOf);
    if (!Files.exists(file)) {
      throw new IllegalStateException("Nothing is published at " + file.toAbsolutePath() + " yet: run ./tuopin refresh or ./tuopin demo first");
    }
    try (Connection connection = ReadOnlyQueries.open(file)) {
      ReadOnlyQueries.requireOneSelect(connection, query);
      try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
        QueryFormatter.print(result, format, System.out);
      }
    } catch (ReadOnlyQueries.RefusedStatement e) {
      System.err.println("tuopin sql: refused: " + e.getMessage());
      return USAGE;
    }
    return 0;
  }
}
