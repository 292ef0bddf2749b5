package org.tuopin.etl.source;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * What a CSV text's file-level rules need to know, found in one pass that keeps no rows: its header
 * (the first non-blank record), its last non-blank record, how many there are, and whether the text
 * ends with a line break. A cut-off quote throws, as {@link CsvRecordReader} does.
 */
record CsvShape(CsvRecord header, CsvRecord last, long records, boolean endsWithLineBreak) {
  static CsvShape of(String text) {
    CsvRecord header = null;
    CsvRecord last = null;
    long count = 0;
    for (CsvRecordReader reader = new CsvRecordReader(text); reader.hasNext(); ) {
      CsvRecord record = reader.next();
      if (!record.isBlank()) {
        header = header == null ? record : header;
        last = record;
        count++;
      }
    }
    return new CsvShape(header, last, count, text.endsWith("\n") || text.endsWith("\r"));
  }

  /** The non-blank records of a text, read lazily. */
  static Stream<CsvRecord> nonBlankRecords(String text) {
    CsvRecordReader reader = new CsvRecordReader(text);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(reader, Spliterator.ORDERED), false)
        .filter(r -> !r.isBlank());
  }
}
