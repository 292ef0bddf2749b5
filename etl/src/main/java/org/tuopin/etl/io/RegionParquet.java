package org.tuopin.etl.io;

import java.io.BufferedWriter;
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
  private static final String BUILDING = ".building-";
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
      removeAbandonedBuilds(folder);
      Path partial = folder.resolve(BUILDING + ProcessHandle.current().pid() + ".parquet");
      copyWithDuckDb(rows.get(), partial);
      // A killed run leaves only .building files (removed by the next run); the name appears
      // whole or not at all.
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      removeOthers(folder, file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the region reference under " + folder, e);
    }
  }

  /**
   * Through a CSV file beside the target, which DuckDB reads in one statement into the table's own
   * columns: appending the 665,000 rows a value at a time took 6 s of a cold run (the demo's first
   * month, a new data folder).
   */
  private static void copyWithDuckDb(List<Row> rows, Path target) throws IOException {
    Path csv = target.resolveSibling(target.getFileName() + ".csv");
    try {
      writeCsv(rows, csv);
      try (Connection connection = DuckDb.openInMemory();
          Statement statement = connection.createStatement()) {
        statement.execute(LakeTables.DIM_REGION.duckDbDdl());
        int copied =
            statement.executeUpdate(
                "COPY dim_region FROM "
                    + quoted(csv)
                    + " (FORMAT csv, HEADER false, DELIMITER ',', QUOTE '\"', ESCAPE '\"',"
                    + " NULLSTR '', ALLOW_QUOTED_NULLS false)");
        if (copied != rows.size()) {
          throw new IOException(
              "DuckDB read " + copied + " of the " + rows.size() + " region rows from " + csv);
        }
        statement.execute(
            "COPY dim_region TO " + quoted(target) + " (FORMAT parquet, COMPRESSION zstd)");
      } catch (SQLException e) {
        throw new IOException("DuckDB could not write " + target + ": " + e.getMessage(), e);
      }
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  /** Every text quoted (so an empty name stays empty), a null as nothing. */
  private static void writeCsv(List<Row> rows, Path csv) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      for (Row row : rows) {
        for (int i = 0; i < 7; i++) {
          if (!row.isNullAt(i)) {
            out.write('"');
            out.write(row.getString(i).replace("\"", "\"\""));
            out.write('"');
          }
          out.write(',');
        }
        out.write(row.getBoolean(7) ? "true" : "false");
        out.write('\n');
      }
    }
  }

  private static String quoted(Path path) {
    return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  /** The .building files of runs that were killed: their process is gone. */
  private static void removeAbandonedBuilds(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path building :
          files.filter(f -> f.getFileName().toString().startsWith(BUILDING)).toList()) {
        if (!builderIsRunning(building.getFileName().toString())) {
          Files.deleteIfExists(building);
        }
      }
    }
  }

  private static boolean builderIsRunning(String buildingName) {
    String pid = buildingName.substring(BUILDING.length()).split("\\.", 2)[0];
    try {
      return ProcessHandle.of(Long.parseLong(pid)).isPresent();
    } catch (NumberFormatException e) {
      // not a name this class gives: leave it alone
      return true;
    }
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
