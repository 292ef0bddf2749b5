package org.tuopin.etl.reference;

import java.util.Objects;

/** A project category of the monthly progress tables, e.g. relocation (易地扶贫搬迁, 人). */
public record Indicator(String code, String name, String unit) {
  public Indicator {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
  }
}
