package org.tuopin.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Connections to DuckDB with the settings every Tuopin connection uses: no extension is ever
 * downloaded (only the bundled parquet, json and icu are used), and memory and threads are bounded,
 * since DuckDB's memory comes on top of the JVM heap.
 */
public final class DuckDb {
  public static final String MEMORY_LIMIT = "2GB";

  private DuckDb() {}

  /** A read-only connection to a published file: any number of these may be open at once. */
  public static Connection openReadOnly(Path database) throws SQLException {
    return openReadOnly(database, Map.of());
  }

  /**
   * The same with more of DuckDB's settings ({@code memory_limit}, {@code temp_directory}...),
   * which win over the defaults. Within one JVM every connection to a path must use the same.
   */
  public static Connection openReadOnly(Path database, Map<String, String> settings)
      throws SQLException {
    Properties properties = baseProperties();
    properties.putAll(settings);
    properties.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), properties);
  }

  /** An in-memory connection, into which the publisher attaches the file it builds. */
  public static Connection openInMemory() throws SQLException {
    return openInMemory(Map.of());
  }

  /** The same with more of DuckDB's settings, which win over the defaults. */
  public static Connection openInMemory(Map<String, String> settings) throws SQLException {
    Properties properties = baseProperties();
    properties.putAll(settings);
    return DriverManager.getConnection("jdbc:duckdb:", properties);
  }

  private static Properties baseProperties() {
    Properties properties = new Properties();
    properties.setProperty("autoinstall_known_extensions", "false");
    properties.setProperty("autoload_known_extensions", "false");
    properties.setProperty("memory_limit", MEMORY_LIMIT);
    properties.setProperty("threads", "2");
    return properties;
  }
}
