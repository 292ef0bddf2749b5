package org.tuopin.etl.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.tuopin.etl.reference.Region;
import org.tuopin.warehouse.DuckDb;
import org.tuopin.warehouse.catalog.LakeTables;

/**
 * The region rows (665,000 with every village of China) as one Parquet file that Spark scans,
 * written by DuckDB once per content: {@code <folder>/dim_region-<sha256>.parquet}. Handing Spark
 * the rows themselves costs a small month more than its own work: a local relation is copied into
 * every plan that joins it, and a parallelized one is Java-serialized each run.
 */
public final class RegionParquet {
  private static final String PREFIX = "dim_region-";
  // Changed whenever the rows made from the same regions change (columns, their derivation).
  private static final String LAYOUT_VERSION =
      "dim_region v1: code, name, level, parent, county, city, province, custom";

  private RegionParquet() {}

  /**
   * @param regions the region list the rows are made from (its fingerprint names the file)
   * @param rows region_code, region_name, region_level, parent_code, county_code, city_code,
   *     province_code (strings, nullable after the third) and is_custom (boolean); made only when
   *     no earlier run wrote the file
   * @return the file holding exactly these rows, written now or by an earlier run
   */
  public static Path write(Collection<Region> regions, Supplier<List<Row>> rows, Path folder) {
    Path file = folder.resolve(PREFIX + fingerprint(regions) + ".parquet");
    if (Files.isRegularFile(file)) {
      return file;
    }
    try {
      Files.createDirectories(folder);
      Path partial = folder.resolve(".building-" + ProcessHandle.current().pid() + ".parquet");
      copyWithDuckDb(rows.get(), partial);
      // A killed run leaves only a .building file; the name appears whole or not at all.
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      removeOthers(folder, file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the region reference under " + folder, e);
    }
  }

  private static void copyWithDuckDb(List<Row> rows, Path target) throws IOException {
    try (Connection connection = DuckDb.openInMemory();
        Statement statement = connection.createStatement()) {
      statement.execute(LakeTables.DIM_REGION.duckDbDdl());
      try (DuckDBAppender appender =
          connection
              .unwrap(DuckDBConnection.class)
              .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "dim_region")) {
        for (Row row : rows) {
          appendRow(appender, row);
        }
      }
      statement.execute(
          "COPY dim_region TO '"
              + target.toAbsolutePath().toString().replace("'", "''")
              + "' (FORMAT parquet, COMPRESSION zstd)");
    } catch (SQLException e) {
      throw new IOException("DuckDB could not write " + target + ": " + e.getMessage(), e);
    }
  }

  private static void appendRow(DuckDBAppender appender, Row row) throws SQLException {
    appender.beginRow();
    for (int i = 0; i < 7; i++) {
      if (row.isNullAt(i)) {
        appender.appendNull();
      } else {
        appender.append(row.getString(i));
      }
    }
    appender.append(row.getBoolean(7));
    appender.endRow();
  }

  private static void removeOthers(Path folder, Path kept) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path other :
          files
              .filter(f -> !f.equals(kept) && f.getFileName().toString().startsWith(PREFIX))
              .toList()) {
        Files.deleteIfExists(other);
      }
    }
  }

  /** Of every field of every region, and of the file's layout: the rows follow from them. */
  private static String fingerprint(Collection<Region> regions) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(LAYOUT_VERSION.getBytes(StandardCharsets.UTF_8));
      for (Region region : regions) {
        digest.update(
            String.join(
                    "\u0001",
                    region.code(),
                    region.name(),
                    String.valueOf(region.shortName()),
                    region.level().label(),
                    String.valueOf(region.parentCode()),
                    String.valueOf(region.custom()),
                    "\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
