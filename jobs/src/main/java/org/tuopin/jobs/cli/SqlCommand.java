package org.tuopin.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import org.tuopin.warehouse.DuckDb;
import org.tuopin.warehouse.Publisher;
import org.tuopin.warehouse.QueryFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sql", mixinStandardHelpOptions = true, description = "Runs a query against the published warehouse (read-only).")
final class SqlCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Parameters(index = "0", description = "The query.")
  String query;

  @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  QueryFormatter.Format format;

  @Override
  public Integer call() throws SQLException {
    Path file = common.data.resolve("serving").resolve(Publisher.FILE_NAME);
    if (!Files.exists(file)) {
      throw new IllegalStateException("Nothing is published at " + file.toAbsolutePath() + " yet: run ./tuopin refresh or ./tuopin demo first");
    }
    try (Connection connection = DuckDb.openReadOnly(file); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      QueryFormatter.print(result, format, System.out);
    }
    return 0;
  }
}
