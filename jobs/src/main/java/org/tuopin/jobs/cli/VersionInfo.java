package org.tuopin.jobs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.poi.Version;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code ./tuopin --version}: Tuopin's version and the versions of the libraries that shape its
 * results, as loaded at run time (a cluster's spark-submit may bring another Spark).
 */
public final class VersionInfo implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "tuopin " + tuopinVersion(),
      "spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION(),
      "duckdb " + duckDbVersion(),
      "poi " + Version.getVersion(),
      "java " + System.getProperty("java.version")
    };
  }

  static String tuopinVersion() {
    try (InputStream in = VersionInfo.class.getResourceAsStream("/tuopin-version.properties")) {
      if (in == null) {
        return "unknown (not built by Maven)";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read tuopin-version.properties", e);
    }
  }

  private static String duckDbVersion() {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      DatabaseMetaData metaData = connection.getMetaData();
      return metaData.getDatabaseProductVersion();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot start DuckDB to read its version: " + e.getMessage(), e);
    }
  }
}
