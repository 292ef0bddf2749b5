package org.tuopin.jobs.visits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tuopin.etl.source.CsvRecord;
import org.tuopin.etl.source.CsvRecordReader;
import org.tuopin.etl.source.DecodedText;
import org.tuopin.etl.source.SourceContract;

/**
 * A landing folder's CSV files read in plain Java, outside Spark, with the pipeline's own decoding
 * and header aliases: the rows of the files that follow a contract, keyed by canonical column name.
 * Files of another kind, or unreadable, are skipped: the refresh has already reported them.
 */
final class LandingCsv {
  private LandingCsv() {}

  /** The rows of the folder's CSV files that have the contract's identifying column. */
  static List<Map<String, String>> rows(Path folder, SourceContract contract) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Path file : csvFiles(folder)) {
      rows.addAll(rowsOf(file, contract));
    }
    return rows;
  }

  private static List<Path> csvFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list a landing folder", e);
    }
  }

  private static List<Map<String, String>> rowsOf(Path file, SourceContract contract) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a landing file", e);
    }
    DecodedText text = DecodedText.decode(bytes).orElse(null);
    if (text == null) {
      return List.of();
    }
    CsvRecordReader reader = new CsvRecordReader(text.text());
    if (!reader.hasNext()) {
      return List.of();
    }
    Map<Integer, String> header = contract.resolveHeader(reader.next().fields());
    if (!header.containsValue(contract.identifyingColumn())) {
      return List.of();
    }
    List<Map<String, String>> rows = new ArrayList<>();
    try {
      while (reader.hasNext()) {
        CsvRecord record = reader.next();
        Map<String, String> row = new HashMap<>();
        header.forEach(
            (i, name) -> {
              if (name != null && i < record.fields().size()) {
                row.put(name, record.fields().get(i).strip());
              }
            });
        rows.add(row);
      }
    } catch (CsvRecordReader.TruncatedFileException e) {
      // a file cut off: its complete rows still name people; the refresh quarantined the rest
    }
    return rows;
  }
}
