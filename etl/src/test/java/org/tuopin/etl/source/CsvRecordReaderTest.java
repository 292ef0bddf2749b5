package org.tuopin.etl.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {
  private static List<CsvRecord> all(String text) {
    List<CsvRecord> records = new ArrayList<>();
    new CsvRecordReader(text).forEachRemaining(records::add);
    return records;
  }

  @Test
  void quotedFieldsHoldCommasQuotesAndLineBreaks() {
    List<CsvRecord> records =
        all("a,b,c\r\n1,\"苍溪县,规划股\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",x\r\n3,y,z\r\n");
    assertEquals(4, records.size());
    assertEquals(List.of("1", "苍溪县,规划股", "say \"hi\""), records.get(1).fields());
    assertEquals(List.of("2", "two\nlines", "x"), records.get(2).fields());
    assertEquals(1, records.get(0).lineNumber());
    assertEquals(2, records.get(1).lineNumber());
    assertEquals(3, records.get(2).lineNumber());
    assertEquals(
        5, records.get(3).lineNumber(), "the record after a two-line field starts on line 5");
  }

  @Test
  void lastRecordWithoutLineBreakAndEmptyFields() {
    List<CsvRecord> records = all("a,b\n,\n1,2");
    assertEquals(List.of("", ""), records.get(1).fields());
    assertEquals(List.of("1", "2"), records.get(2).fields());
    assertFalse(records.get(2).isBlank());
  }

  @Test
  void quoteLeftOpenIsATruncatedFile() {
    CsvRecordReader reader = new CsvRecordReader("a,b\n1,\"never closed\n");
    reader.next();
    CsvRecordReader.TruncatedFileException e =
        assertThrows(CsvRecordReader.TruncatedFileException.class, reader::next);
    assertEquals(
        "a quoted field opened on line 2 is never closed: the file is cut off", e.getMessage());
  }
}
