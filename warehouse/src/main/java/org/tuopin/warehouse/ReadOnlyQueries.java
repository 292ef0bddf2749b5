package org.tuopin.warehouse;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query path: connections that can only read the published warehouse. The file is opened
 * read-only; DuckDB may then read files only in the folders the publish's views read (the lake and
 * the derived tables, recorded in {@code setting} at publish), may load or install no extension,
 * and its configuration is locked, so no statement can undo any of it. A query is accepted only
 * when DuckDB's own parser ({@code json_serialize_sql}) reads it as exactly one SELECT; anything
 * else is refused before it runs.
 */
public final class ReadOnlyQueries {
  static final String LAKE_DIRECTORY = "lake_directory";
  static final String DERIVED_DIRECTORY = "derived_directory";

  /** DuckDB's parser on anything but a SELECT, and on a PIVOT whose values it must look up. */
  private static final String NOT_A_SELECT = "Only SELECT statements can be serialized";

  /**
   * A PIVOT without an IN list is two statements to DuckDB (one to find the values, then the
   * pivot); with one it is a SELECT.
   */
  private static final String PIVOT_HINT =
      " (a PIVOT is one when each ON column lists its values: PIVOT t ON c IN ('a', 'b') USING"
          + " sum(v))";

  private static final Pattern ERROR_MESSAGE =
      Pattern.compile("\"error_message\":\"((?:[^\"\\\\]|\\\\.)*)\"");

  private ReadOnlyQueries() {}

  /** Work on a statement that may throw what JDBC throws. */
  @FunctionalInterface
  public interface StatementWork<T> {
    /**
     * Runs; a loop over the result calls {@code timeLeft.check()} for each row read, so that
     * writing a long result stops with the time too.
     */
    T run(Checkpoint timeLeft) throws SQLException, IOException;
  }

  /** A check made for each row read, that no limit is reached. */
  @FunctionalInterface
  public interface Checkpoint {
    /** Never stops. */
    Checkpoint NONE = () -> {};

    /** Throws when a limit is reached. */
    void check() throws SQLException;
  }

  /** A query stopped by a limit, with a message that names the limit and how to raise it. */
  public static final class LimitReached extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LimitReached(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Runs {@code work} (a query on {@code statement} and the reading of its result), cancelling the
   * statement when {@code limits}' time is up; a query stopped by the time, memory or spill limit
   * ends in {@link LimitReached}, saying which.
   */
  public static <T> T runWithin(Statement statement, QueryLimits limits, StatementWork<T> work)
      throws SQLException, IOException {
    AtomicBoolean timedOut = new AtomicBoolean();
    Thread timer =
        new Thread(
            () -> {
              try {
                Thread.sleep(limits.timeout().toMillis());
                timedOut.set(true);
                statement.cancel();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (SQLException e) {
                throw new IllegalStateException("Cannot cancel a query past its time", e);
              }
            },
            "query-timeout");
    timer.setDaemon(true);
    timer.start();
    try {
      return work.run(
          () -> {
            if (timedOut.get()) {
              throw new SQLException("the query's time is up");
            }
          });
    } catch (SQLException | RuntimeException e) {
      Optional<LimitReached> limit = limitReached(e, limits, timedOut.get());
      if (limit.isPresent()) {
        throw limit.get();
      }
      throw e;
    } finally {
      timer.interrupt();
    }
  }

  private static Optional<LimitReached> limitReached(
      Exception e, QueryLimits limits, boolean timedOut) {
    String message = String.valueOf(e.getMessage());
    if (timedOut) {
      return Optional.of(
          new LimitReached(
              "the query ran longer than "
                  + limits.timeoutSeconds()
                  + " s and was stopped (query.timeoutSeconds, or --timeout SECONDS)",
              e));
    }
    if (message.contains("max_temp_directory_size")) {
      return Optional.of(
          new LimitReached(
              "the query needs more than "
                  + limits.spillMegabytes()
                  + " MB of disk to spill to and was stopped (query.spillMegabytes, or"
                  + " --spill-limit MB)",
              e));
    }
    // DuckDB's own: a full disk while writing a result file is the caller's error, not this
    if (e instanceof SQLException && message.contains("No space left on device")) {
      return Optional.of(
          new LimitReached(
              "the disk the query spills to ("
                  + QuerySpill.folder()
                  + ") is full, and the query was stopped (a lower query.spillMegabytes, or"
                  + " --spill-limit MB, stops it before that)",
              e));
    }
    if (message.contains("Out of Memory")) {
      return Optional.of(
          new LimitReached(
              "the query needs more than "
                  + limits.memoryMegabytes()
                  + " MB of memory and was stopped (query.memoryMegabytes, or --memory-limit MB)",
              e));
    }
    return Optional.empty();
  }

  /** A statement the query path does not run, with the one-line reason. */
  public static final class RefusedStatement extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RefusedStatement(String message) {
      super(message);
    }
  }

  /** A read-only connection to a published file, locked down as the class says. */
  public static Connection open(Path publishedFile) throws SQLException {
    return open(publishedFile, QueryLimits.DEFAULT);
  }

  /**
   * The same within {@code limits}: DuckDB's memory, and its spill in this process's own folder
   * ({@link QuerySpill}) up to the spill limit. The time and row limits are the caller's to enforce
   * ({@link #runWithin}, {@link QueryLimits#capped}). Results are not streamed: DuckDB's JDBC
   * driver loses the reason of a streamed query's failure ("Invalid result set"), and the row cap
   * keeps a whole result small.
   */
  public static Connection open(Path publishedFile, QueryLimits limits) throws SQLException {
    Connection connection =
        DuckDb.openReadOnly(
            publishedFile,
            QuerySpill.settings(
                Map.of(
                    "memory_limit",
                    limits.memoryMegabytes() + "MB",
                    "jdbc_stream_results",
                    "false"),
                QuerySpill.folder(),
                limits.spillMegabytes()));
    try (Statement statement = connection.createStatement()) {
      lockDown(statement, "setting");
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  /**
   * Locks the statement's database down as the class says, with the folders recorded in {@code
   * settingTable} (the published file's {@code setting}, however it is named on this connection).
   */
  public static void lockDown(Statement statement, String settingTable) throws SQLException {
    lockDown(statement, readDirectories(statement, settingTable));
  }

  /**
   * Locks the statement's database down as the class says, with DuckDB allowed to read files in
   * {@code allowed} only (none: its own database file only).
   */
  public static void lockDown(Statement statement, List<String> allowed) throws SQLException {
    if (!allowed.isEmpty()) {
      statement.execute(
          "SET allowed_directories = ["
              + String.join(
                  ", ", allowed.stream().map(d -> "'" + Relations.sqlString(d) + "'").toList())
              + "]");
    }
    statement.execute("SET enable_external_access = false");
    statement.execute("SET autoinstall_known_extensions = false");
    statement.execute("SET autoload_known_extensions = false");
    statement.execute("SET lock_configuration = true");
  }

  /**
   * Refuses anything but one SELECT (or a query that only reads, such as a VALUES or a WITH);
   * returns DuckDB's parse tree of it, as JSON.
   */
  public static String requireOneSelect(Connection connection, String sql) throws SQLException {
    try (PreparedStatement parse =
        connection.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)")) {
      parse.setString(1, sql);
      try (ResultSet r = parse.executeQuery()) {
        r.next();
        String tree = r.getString(1);
        if (tree.contains("\"error\":true")) {
          Matcher m = ERROR_MESSAGE.matcher(tree);
          String reason = m.find() ? m.group(1).replace("\\\"", "\"") : "not a query";
          throw new RefusedStatement(
              "only one SELECT is accepted, and this is not one: "
                  + reason.lines().findFirst().orElse(reason)
                  + (reason.startsWith(NOT_A_SELECT) ? PIVOT_HINT : ""));
        }
        int statements = countStatements(tree);
        if (statements != 1) {
          throw new RefusedStatement(
              "only one SELECT is accepted, and this holds " + statements + " statements");
        }
        return tree;
      }
    }
  }

  /** The number of entries of the tree's top-level "statements" array. */
  private static int countStatements(String tree) {
    int start = tree.indexOf("\"statements\":[");
    if (start < 0) {
      return 0;
    }
    int depth = 0;
    int count = 0;
    boolean inString = false;
    for (int i = start + "\"statements\":[".length(); i < tree.length(); i++) {
      char c = tree.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        if (depth == 0 && c == '{') {
          count++;
        }
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          return count;
        }
        depth--;
      }
    }
    return count;
  }

  private static List<String> readDirectories(Statement statement, String settingTable)
      throws SQLException {
    List<String> directories = new ArrayList<>();
    try (ResultSet r =
        statement.executeQuery(
            "SELECT value FROM "
                + settingTable
                + " WHERE name IN ('"
                + LAKE_DIRECTORY
                + "', '"
                + DERIVED_DIRECTORY
                + "') ORDER BY name")) {
      while (r.next()) {
        directories.add(r.getString(1).endsWith("/") ? r.getString(1) : r.getString(1) + "/");
      }
    }
    return directories;
  }
}
