package org.tuopin.jobs.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import org.tuopin.bulletin.ResultWorkbook;
import org.tuopin.warehouse.PublishHistory;
import org.tuopin.warehouse.Publisher;
import org.tuopin.warehouse.QueryFormatter;
import org.tuopin.warehouse.QueryLimits;
import org.tuopin.warehouse.ReadOnlyQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description =
        "Runs one SELECT against the published warehouse; it can only read, within limits of"
            + " memory, spill, time and rows (docs/operations.md, \"The query path\").")
final class SqlCommand implements Callable<Integer> {
  private static final int USAGE = 2;
  // Excel on Chinese Windows reads a CSV without a byte-order mark as GBK: every name garbled.
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** What the result is written as; xlsx is a workbook, so it needs --out. */
  enum OutputFormat {
    TABLE,
    CSV,
    JSON,
    XLSX
  }

  @Mixin CommonOptions common;

  @Parameters(index = "0", description = "The query.")
  String query;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, csv, json or xlsx (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the result to FILE instead of the terminal (required for xlsx).")
  Path out;

  @Option(
      names = "--bom",
      description = "Start a csv with a UTF-8 byte-order mark, so Excel opens it as UTF-8.")
  boolean bom;

  @Option(
      names = "--as-of",
      paramLabel = "PUBLISH_ID",
      description = "Query an earlier publish, as it was (ids: ./tuopin status).")
  Integer asOf;

  @Option(
      names = "--memory-limit",
      paramLabel = "MB",
      description = "DuckDB's memory for the query (default: conf query.memoryMegabytes, 2048).")
  Integer memoryLimit;

  @Option(
      names = "--spill-limit",
      paramLabel = "MB",
      description = "Disk the query may spill to (default: conf query.spillMegabytes, 4096).")
  Integer spillLimit;

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      description = "Refuse a result longer than this (default: conf query.maxRows, 1000000).")
  Integer maxRows;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Stop the query after this (default: conf query.timeoutSeconds, 300).")
  Integer timeout;

  @Override
  public Integer call() throws SQLException, IOException {
    if (format == OutputFormat.XLSX && out == null) {
      System.err.println(
          "tuopin sql: --format xlsx writes a workbook: give its file with --out FILE.xlsx");
      return USAGE;
    }
    if (bom && format != OutputFormat.CSV) {
      System.err.println("tuopin sql: --bom is for --format csv");
      return USAGE;
    }
    Path serving = common.data.resolve("serving");
    Path file =
        asOf == null
            ? serving.resolve(Publisher.FILE_NAME)
            : new PublishHistory(serving).file(asOf);
    if (!Files.exists(file)) {
      throw new IllegalStateException(
          "Nothing is published at "
              + file.toAbsolutePath()
              + " yet: run ./tuopin refresh or ./tuopin demo first");
    }
    QueryLimits limits;
    try {
      limits = Environment.config(common).query().with(memoryLimit, spillLimit, timeout, maxRows);
    } catch (IllegalArgumentException e) {
      System.err.println("tuopin sql: " + e.getMessage().replace("query.", "the limit "));
      return USAGE;
    }
    try (Connection connection = ReadOnlyQueries.open(file, limits)) {
      ReadOnlyQueries.requireOneSelect(connection, query);
      try (Statement statement = connection.createStatement()) {
        ReadOnlyQueries.runWithin(
            statement,
            limits,
            timeLeft -> {
              try (ResultSet result = statement.executeQuery(limits.capped(query))) {
                write(result, limits, timeLeft);
              }
              return null;
            });
      }
    } catch (ReadOnlyQueries.RefusedStatement e) {
      System.err.println("tuopin sql: refused: " + e.getMessage());
      return USAGE;
    } catch (ReadOnlyQueries.LimitReached e) {
      System.err.println("tuopin sql: " + e.getMessage());
      return 1;
    }
    return 0;
  }

  private void write(ResultSet result, QueryLimits limits, ReadOnlyQueries.Checkpoint timeLeft)
      throws SQLException, IOException {
    ReadOnlyQueries.Checkpoint withinLimits =
        new ReadOnlyQueries.Checkpoint() {
          private long rows;

          @Override
          public void check() throws SQLException {
            timeLeft.check();
            if (++rows > limits.maxRows()) {
              throw new ReadOnlyQueries.LimitReached(
                  "the result has more than "
                      + limits.maxRows()
                      + " rows: aggregate, add a LIMIT, or raise query.maxRows (--max-rows N)",
                  null);
            }
          }
        };
    if (format == OutputFormat.XLSX) {
      int rows = ResultWorkbook.write(result, out, withinLimits);
      System.err.println("» " + rows + " rows written to " + out.toAbsolutePath());
      return;
    }
    QueryFormatter.Format text = QueryFormatter.Format.valueOf(format.name());
    if (out == null) {
      if (bom) {
        System.out.write(UTF8_BOM);
      }
      QueryFormatter.print(result, text, System.out, withinLimits);
      return;
    }
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    try (OutputStream file = Files.newOutputStream(out);
        PrintStream printer = new PrintStream(file, false, StandardCharsets.UTF_8)) {
      if (bom) {
        file.write(UTF8_BOM);
      }
      long rows = QueryFormatter.print(result, text, printer, withinLimits);
      printer.flush();
      System.err.println("» " + rows + " rows written to " + out.toAbsolutePath());
    }
  }
}
