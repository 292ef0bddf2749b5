package org.tuopin.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The reference for ingest throughput: the same landing CSV files converted to Parquet by DuckDB
 * alone ({@code COPY (SELECT * FROM read_csv(...)) TO ... (FORMAT parquet)}), one COPY per source
 * folder and header, with no validation; only the UTF-8 CSV files. What Tuopin's ingest is compared
 * with.
 */
public final class DuckDbIngestReference {
  public record Result(String source, long rows, double seconds) {}

  private DuckDbIngestReference() {}

  public static List<Result> measure(Connection connection, Path landing, Path output)
      throws SQLException, IOException {
    List<Result> results = new ArrayList<>();
    Files.createDirectories(output);
    for (String source :
        List.of(
            "submissions", "registry", "allocations", "disbursements", "villages", "population")) {
      List<Path> files = csvFiles(landing.resolve(source));
      if (files.isEmpty()) {
        continue;
      }
      long started = System.nanoTime();
      long rows = 0;
      // each kind of file (registry: households, members; English or Chinese headers) is one COPY
      for (List<Path> kind : byHeader(files)) {
        String list =
            String.join(
                ", ", kind.stream().map(p -> "'" + p.toString().replace("'", "''") + "'").toList());
        Path target = output.resolve(source + "-" + rows + ".parquet");
        try (Statement s = connection.createStatement()) {
          s.execute(
              "COPY (SELECT * FROM read_csv(["
                  + list
                  + "], header = true, all_varchar = true, union_by_name = true)) TO '"
                  + target
                  + "' (FORMAT parquet)");
          try (ResultSet r =
              s.executeQuery("SELECT count(*) FROM read_parquet('" + target + "')")) {
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

  /**
   * The files grouped by their header line, one COPY per group. Files that are not UTF-8 are left
   * out: DuckDB reads GB18030 only through an extension that would be downloaded.
   */
  private static List<List<Path>> byHeader(List<Path> files) {
    Map<String, List<Path>> kinds = new TreeMap<>();
    for (Path file : files) {
      firstLineIfUtf8(file)
          .ifPresent(
              header ->
                  kinds
                      .computeIfAbsent(header.replace("\uFEFF", ""), k -> new ArrayList<>())
                      .add(file));
    }
    return new ArrayList<>(kinds.values());
  }

  private static Optional<String> firstLineIfUtf8(Path file) {
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(Files.newInputStream(file), utf8))) {
      return Optional.ofNullable(reader.readLine());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
