package org.tuopin.etl.source;

import java.io.Serializable;
import java.util.Objects;

/** One column of a source contract: its canonical English name, Chinese alias, and need. */
public record ColumnSpec(String name, String alias, boolean required) implements Serializable {
  public ColumnSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(alias, "alias");
  }

  static ColumnSpec required(String name, String alias) {
    return new ColumnSpec(name, alias, true);
  }

  static ColumnSpec optional(String name, String alias) {
    return new ColumnSpec(name, alias, false);
  }
}
