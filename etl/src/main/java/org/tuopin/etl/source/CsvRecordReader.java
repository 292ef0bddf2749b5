package org.tuopin.etl.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * RFC 4180 records of a decoded text, lazily: quoted fields may hold commas, doubled quotes and
 * line breaks. CRLF, LF and CR line ends are accepted. A quote left open at the end of the text
 * means the file was cut off: {@link TruncatedFileException}.
 */
public final class CsvRecordReader implements Iterator<CsvRecord> {
  private final String text;
  private int position;
  private long line = 1;

  public CsvRecordReader(String text) {
    this.text = text;
  }

  @Override
  public boolean hasNext() {
    return position < text.length();
  }

  @Override
  public CsvRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    long startLine = line;
    int start = position;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldWasQuoted = false;
    while (position < text.length()) {
      char c = text.charAt(position++);
      if (quoted) {
        if (c == '"') {
          if (position < text.length() && text.charAt(position) == '"') {
            field.append('"');
            position++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n' || (c == '\r' && !nextIs('\n'))) {
            line++;
          }
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
        if (c == '\r' && nextIs('\n')) {
          position++;
        }
        line++;
        fields.add(field.toString());
        return new CsvRecord(
            startLine, Collections.unmodifiableList(fields), text, start, position);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new TruncatedFileException(startLine);
    }
    fields.add(field.toString());
    return new CsvRecord(startLine, Collections.unmodifiableList(fields), text, start, position);
  }

  private boolean nextIs(char expected) {
    return position < text.length() && text.charAt(position) == expected;
  }

  /** The text ends inside a quoted field. */
  public static final class TruncatedFileException extends RuntimeException {
    public TruncatedFileException(long line) {
      super("a quoted field opened on line " + line + " is never closed: the file is cut off");
    }
  }
}
