package org.tuopin.warehouse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A row of {@code v_runs}: what one run did with one source. */
public record RunSource(
    String runId,
    LocalDate period,
    Instant startedAt,
    Instant finishedAt,
    String outcome,
    String source,
    long rowsRead,
    long rowsLoaded,
    long rowsQuarantined) {
  public RunSource {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(source, "source");
  }
}
