package org.tuopin.etl.source;

import java.util.List;

/**
 * One CSV record: the line it starts on (1-based), its fields, and its raw text, cut from the
 * decoded file only when asked for: a month reads millions of records and keeps the text of none
 * (the few quarantined rows' files are read again with it).
 */
public final class CsvRecord {
  private final long lineNumber;
  private final List<String> fields;
  private final String text;
  private final int start;
  private final int end;

  CsvRecord(long lineNumber, List<String> fields, String text, int start, int end) {
    this.lineNumber = lineNumber;
    this.fields = fields;
    this.text = text;
    this.start = start;
    this.end = end;
  }

  public long lineNumber() {
    return lineNumber;
  }

  public List<String> fields() {
    return fields;
  }

  /** The record as it stands in the file, without its line end. */
  public String rawText() {
    return text.substring(start, end).stripTrailing();
  }

  public boolean isBlank() {
    return fields.stream().allMatch(String::isBlank);
  }
}
