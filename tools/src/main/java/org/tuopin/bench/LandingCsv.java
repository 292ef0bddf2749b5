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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The landing's UTF-8 CSV files of one source that share a header: what the ingest references
 * convert, one conversion per group. Files that are not UTF-8 are left out (DuckDB reads GB18030
 * only through an extension that would be downloaded), as are Excel workbooks: the references read
 * the bulk of the bytes, not every shape Tuopin reads.
 */
public record LandingCsv(String source, List<String> columns, List<Path> files) {
  static final List<String> SOURCES =
      List.of("submissions", "registry", "allocations", "disbursements", "villages", "population");

  /** Every group of every source under {@code landing}, sources in a fixed order. */
  public static List<LandingCsv> groups(Path landing) throws IOException {
    List<LandingCsv> groups = new ArrayList<>();
    for (String source : SOURCES) {
      Map<String, List<Path>> byHeader = new TreeMap<>();
      for (Path file : csvFiles(landing.resolve(source))) {
        firstLineIfUtf8(file)
            .ifPresent(
                header ->
                    byHeader
                        .computeIfAbsent(header.replace("\uFEFF", ""), h -> new ArrayList<>())
                        .add(file));
      }
      byHeader.forEach(
          (header, files) ->
              groups.add(new LandingCsv(source, Arrays.asList(header.split(",", -1)), files)));
    }
    return groups;
  }

  private static List<Path> csvFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
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
