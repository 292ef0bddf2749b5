package org.tuopin.etl.source;

import java.util.List;

/** One CSV record: the line it starts on (1-based), its fields, and its raw text. */
public record CsvRecord(long lineNumber, List<String> fields, String rawText) {
  public CsvRecord {
    fields = List.copyOf(fields);
  }

  public boolean isBlank() {
    return fields.stream().allMatch(String::isBlank);
  }
}
