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
 *
 * <p>A field that does not start with a quote is cut from the text as it stands (a quote inside it
 * is an ordinary character); only a quoted field is copied character by character. A province month
 * is some 4 million records of mostly unquoted fields, read twice (for the file's shape, then its
 * rows).
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
    while (true) {
      fields.add(
          position < text.length() && text.charAt(position) == '"'
              ? quotedField(startLine)
              : plainField());
      if (position >= text.length()) {
        break;
      }
      char delimiter = text.charAt(position++);
      if (delimiter != ',') {
        if (delimiter == '\r' && nextIs('\n')) {
          position++;
        }
        line++;
        break;
      }
    }
    return new CsvRecord(startLine, Collections.unmodifiableList(fields), text, start, position);
  }

  /** From {@link #position} to the next comma or line end (left unread), quotes included. */
  private String plainField() {
    int from = position;
    position = endOfPlainText(from);
    return text.substring(from, position);
  }

  /**
   * A field opened by a quote: its quoted part (doubled quotes read as one, line breaks kept), then
   * any text after the closing quote up to the comma or line end, as it stands.
   */
  private String quotedField(long startLine) {
    StringBuilder field = new StringBuilder();
    position++;
    while (true) {
      int quote = text.indexOf('"', position);
      if (quote < 0) {
        position = text.length();
        throw new TruncatedFileException(startLine);
      }
      countLineBreaks(position, quote);
      field.append(text, position, quote);
      position = quote + 1;
      if (!nextIs('"')) {
        break;
      }
      field.append('"');
      position++;
    }
    int tail = endOfPlainText(position);
    field.append(text, position, tail);
    position = tail;
    return field.toString();
  }

  private int endOfPlainText(int from) {
    int end = from;
    while (end < text.length()) {
      char c = text.charAt(end);
      if (c == ',' || c == '\n' || c == '\r') {
        break;
      }
      end++;
    }
    return end;
  }

  /** Line breaks inside a quoted field: LF, CRLF (once) and a lone CR each start a line. */
  private void countLineBreaks(int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n'))) {
        line++;
      }
    }
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
