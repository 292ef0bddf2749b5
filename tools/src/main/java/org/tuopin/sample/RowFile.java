package org.tuopin.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** A landing file the generator writes row by row, whatever its layout. */
interface RowFile extends AutoCloseable {
  void row(List<String> fields);

  /** The text the rows go to. */
  Writer writer();

  @Override
  default void close() {
    try {
      writer().close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
