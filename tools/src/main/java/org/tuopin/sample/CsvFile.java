package org.tuopin.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes one landing CSV file in the given encoding, RFC 4180 quoting. */
final class CsvFile implements RowFile {
  private final BufferedWriter writer;

  CsvFile(Path path, TextEncoding encoding, List<String> header) {
    try {
      Files.createDirectories(path.getParent());
      OutputStream out = Files.newOutputStream(path);
      out.write(encoding.prefix);
      this.writer = new BufferedWriter(new OutputStreamWriter(out, encoding.charset), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + path, e);
    }
    row(header);
  }

  @Override
  public void row(List<String> fields) {
    try {
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          writer.write(',');
        }
        writer.write(quoted(fields.get(i)));
      }
      writer.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quoted(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  @Override
  public Writer writer() {
    return writer;
  }
}
