package org.tuopin.warehouse;

import java.time.LocalDate;
import java.util.Objects;

/** A row of {@code v_data_quality}: how many rows of one file broke one rule in one run. */
public record RuleCount(
    String runId, LocalDate period, String source, String fileName, String rule, long rows) {
  public RuleCount {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(rule, "rule");
  }
}
