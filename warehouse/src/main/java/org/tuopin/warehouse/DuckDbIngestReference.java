package org.tuopin.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The reference for ingest throughput: the same landing CSV files converted to Parquet by
 * DuckDB alone ({@code COPY (SELECT * FROM read_csv(...)) TO ... (FORMAT parquet)}), one COPY per
 * source folder and kind of file, with no validation. What Tuopin's ingest is compared with.
 */
public final class DuckDbIngestReference {
  public record Result(String source, long rows, double seconds) {}

  private DuckDbIngestReference() {}

  public static List<Result> measure(Connection connection, Path landing, Path output) throws SQLException, IOException {
    List<Result> results = new ArrayList<>();
    Files.createDirectories(output);
    for (String source : List.of("submissions", "registry", "allocations", "disbursements", "villages", "population")) {
      List<Path> files = csvFiles(landing.resolve(source));
      if (files.isEmpty()) {
        continue;
      }
      long started = System.nanoTime();
      long rows = 0;
      // registry holds two kinds of file (households, members): each kind is one COPY
      for (List<Path> kind : byHeader(files)) {
        String list = String.join(", ", kind.stream().map(p -> "'" + p.toString().replace("'", "''") + "'").toList());
        Path target = output.resolve(source + "-" + rows + ".parquet");
        try (Statement s = connection.createStatement()) {
          s.execute("COPY (SELECT * FROM read_csv([" + list + "], header = true, all_varchar = true, union_by_name = true)) TO '"
              + target + "' (FORMAT parquet)");
          try (ResultSet r = s.executeQuery("SELECT count(*) FROM read_parquet('" + target + "')")) {
            r.next();
            rows += r.getLong(1);
          }
        }
      }
      results.add(new Result(source, rows, (System.nanoTime() - started) / 1e9));
    }
    return results;
  }

  private static List<Path> csvFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
  }

  private static List<List<Path>> byHeader(List<Path> files) {
    java.util.Map<String, List<Path>> kinds = new java.util.TreeMap<>();
    for (Path file : files) {
      try (var lines = Files.lines(file)) {
        String header = lines.findFirst().orElse("").replace("\uFEFF", "");
        kinds.computeIfAbsent(header.contains("relation") || header.contains("与户主关系") ? "members" : "rows", k -> new ArrayList<>()).add(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ArrayList<>(kinds.values());
  }
}
