package org.tuopin.etl.reference;

import java.util.Objects;

/** Where money comes from, e.g. central (中央财政专项扶贫资金). */
public record FundSource(String code, String name) {
  public FundSource {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
  }
}
