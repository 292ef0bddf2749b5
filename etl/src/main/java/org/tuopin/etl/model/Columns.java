package org.tuopin.etl.model;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** Column lists as Spark select arguments. */
final class Columns {
  private Columns() {}

  static Column[] of(List<String> names) {
    return names.stream().map(functions::col).toArray(Column[]::new);
  }
}
