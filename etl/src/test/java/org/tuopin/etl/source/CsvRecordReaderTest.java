package org.tuopin.etl.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

  /**
   * Random texts of commas, quotes, line ends, blanks and letters read as RFC 4180 reads them one
   * character at a time (the reader's first version, kept here as the oracle): the same records,
   * fields, line numbers and raw texts, and the same cut-off files.
   */
  @Test
  void readsRandomTextsAsACharacterByCharacterReaderDoes() {
    Random random = new Random(20261207);
    char[] alphabet = {'a', '苍', ',', ',', '"', '"', '\r', '\n', '\n', ' '};
    int compared = 0;
    for (int sample = 0; sample < 20_000; sample++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(24); i > 0; i--) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String expected = oracle(text.toString());
      assertEquals(expected, readAll(text.toString()), () -> "text: " + text);
      compared += expected.startsWith("cut off") ? 0 : 1;
    }
    assertTrue(compared > 10_000, "most random texts are whole files: " + compared);
  }

  private static String readAll(String text) {
    StringBuilder out = new StringBuilder();
    try {
      for (CsvRecordReader reader = new CsvRecordReader(text); reader.hasNext(); ) {
        CsvRecord record = reader.next();
        out.append(record.lineNumber()).append(record.fields()).append('|');
        out.append(record.rawText()).append('\n');
      }
    } catch (CsvRecordReader.TruncatedFileException e) {
      return "cut off: " + e.getMessage();
    }
    return out.toString();
  }

  private static String oracle(String text) {
    StringBuilder out = new StringBuilder();
    int position = 0;
    long line = 1;
    while (position < text.length()) {
      long startLine = line;
      int start = position;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean fieldWasQuoted = false;
      boolean ended = false;
      while (position < text.length() && !ended) {
        char c = text.charAt(position++);
        boolean lfNext = position < text.length() && text.charAt(position) == '\n';
        if (quoted) {
          if (c == '"' && position < text.length() && text.charAt(position) == '"') {
            field.append('"');
            position++;
          } else if (c == '"') {
            quoted = false;
          } else {
            line += c == '\n' || (c == '\r' && !lfNext) ? 1 : 0;
            field.append(c);
          }
        } else if (c == '"' && field.isEmpty() && !fieldWasQuoted) {
          quoted = true;
          fieldWasQuoted = true;
        } else if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
          fieldWasQuoted = false;
        } else if (c == '\r' || c == '\n') {
          position += c == '\r' && lfNext ? 1 : 0;
          line++;
          ended = true;
        } else {
          field.append(c);
        }
      }
      if (quoted) {
        return "cut off: a quoted field opened on line "
            + startLine
            + " is never closed: the file is cut off";
      }
      fields.add(field.toString());
      out.append(startLine).append(fields).append('|');
      out.append(text.substring(start, position).stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
