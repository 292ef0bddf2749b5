package org.tuopin.jobs.generate;

import java.util.List;

/** A landing file the generator writes row by row, whatever its layout. */
interface RowFile extends AutoCloseable {
  void row(List<String> fields);

  @Override
  void close();
}
