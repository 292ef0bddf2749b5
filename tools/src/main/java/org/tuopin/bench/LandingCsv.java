package org.tuopin.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tuopin.etl.source.Contracts;
import org.tuopin.etl.source.DecodedText;

/**
 * The landing's CSV files of one source that share an encoding and a header: what the ingest
 * references convert, one conversion per group. Files are decoded as a refresh decodes them (UTF-8,
 * with or without BOM, else GB18030); a file that is neither, and Excel workbooks and JSON Lines,
 * are left out: the references read the bulk of the bytes, not every shape Tuopin reads.
 *
 * @param encoding UTF-8 or GB18030
 */
public record LandingCsv(String source, String encoding, List<String> columns, List<Path> files) {
  static final String UTF_8 = "UTF-8";
  static final String GB18030 = "GB18030";
  private static final int HEAD_BYTES = 64 * 1024;

  /** Every group of every source under {@code landing}, sources in a refresh's order. */
  public static List<LandingCsv> groups(Path landing) throws IOException {
    List<String> sources = new ArrayList<>(Contracts.MONTHLY_SOURCES);
    sources.add(Contracts.POPULATION);
    List<LandingCsv> groups = new ArrayList<>();
    for (String source : sources) {
      Map<List<String>, List<Path>> byKind = new TreeMap<>(LandingCsv::compareKinds);
      for (Path file : csvFiles(landing.resolve(source))) {
        kind(file)
            .ifPresent(kind -> byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(file));
      }
      byKind.forEach(
          (kind, files) ->
              groups.add(
                  new LandingCsv(
                      source, kind.get(0), uniqueNames(kind.get(1).split(",", -1)), files)));
    }
    return groups;
  }

  /**
   * The file's encoding and header line, if its head decodes: the first {@link #HEAD_BYTES} bytes
   * up to their last line break (a byte no UTF-8 or GB18030 character holds), so that grouping
   * costs the references a read of each file's head, not a second pass over every byte.
   */
  private static Optional<List<String>> kind(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(HEAD_BYTES);
    }
    int end = head.length;
    if (head.length == HEAD_BYTES) {
      while (end > 0 && head[end - 1] != '\n') {
        end--;
      }
    }
    return DecodedText.decode(Arrays.copyOf(head, end))
        .map(
            decoded ->
                List.of(
                    decoded.encoding().startsWith(UTF_8) ? UTF_8 : GB18030,
                    decoded.text().lines().findFirst().orElse("")));
  }

  private static int compareKinds(List<String> a, List<String> b) {
    return String.join("\n", a).compareTo(String.join("\n", b));
  }

  /** The header's names, a repeated one numbered (a Parquet file cannot hold two of a name). */
  private static List<String> uniqueNames(String[] header) {
    Map<String, Integer> seen = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    for (String name : header) {
      int times = seen.merge(name, 1, Integer::sum);
      names.add(times == 1 ? name : name + "_" + times);
    }
    return names;
  }

  private static List<Path> csvFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
  }
}
