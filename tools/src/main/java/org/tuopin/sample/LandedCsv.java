package org.tuopin.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tuopin.etl.source.CsvRecordReader;
import org.tuopin.etl.source.SourceContract;

/**
 * A generated CSV file opened again to change some of its rows in place, written back in the
 * encoding it had. Generated files hold one record per line, so row i is line i + 1.
 */
final class LandedCsv {
  private final Path path;
  private final TextEncoding encoding;
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  LandedCsv(Path path) {
    this.path = path;
    try {
      byte[] bytes = Files.readAllBytes(path);
      this.encoding = encodingOf(bytes);
      String text =
          new String(
              bytes,
              encoding.prefix.length,
              bytes.length - encoding.prefix.length,
              encoding.charset);
      CsvRecordReader reader = new CsvRecordReader(text);
      this.header = reader.next().fields();
      while (reader.hasNext()) {
        rows.add(new ArrayList<>(reader.next().fields()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }

  private static TextEncoding encodingOf(byte[] bytes) {
    if (bytes.length >= 3
        && bytes[0] == (byte) 0xEF
        && bytes[1] == (byte) 0xBB
        && bytes[2] == (byte) 0xBF) {
      return TextEncoding.UTF8_BOM;
    }
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
      return TextEncoding.UTF8;
    } catch (CharacterCodingException e) {
      return TextEncoding.GB18030; // the generator writes nothing else
    }
  }

  TextEncoding encoding() {
    return encoding;
  }

  boolean has(SourceContract contract, String column) {
    return header.stream()
        .anyMatch(h -> contract.canonicalName(h).map(column::equals).orElse(false));
  }

  int size() {
    return rows.size();
  }

  /** The line a row is on: the header is line 1. */
  static long lineOf(int row) {
    return row + 2L;
  }

  String get(int row, SourceContract contract, String column) {
    return rows.get(row).get(index(contract, column));
  }

  void set(int row, SourceContract contract, String column, String value) {
    rows.get(row).set(index(contract, column), value);
  }

  /** Adds a copy of a row at the end and returns its index. */
  int append(List<String> row) {
    rows.add(new ArrayList<>(row));
    return rows.size() - 1;
  }

  List<String> row(int row) {
    return rows.get(row);
  }

  private int index(SourceContract contract, String column) {
    for (int i = 0; i < header.size(); i++) {
      if (contract.canonicalName(header.get(i)).map(column::equals).orElse(false)) {
        return i;
      }
    }
    throw new IllegalArgumentException(path + " has no column " + column);
  }

  void save() {
    try (CsvFile file = new CsvFile(path, encoding, header)) {
      rows.forEach(file::row);
    }
  }
}
