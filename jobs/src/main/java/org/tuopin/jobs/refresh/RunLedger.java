package org.tuopin.jobs.refresh;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The records of the runs of one data folder, as the refresh keeps them: a run starts running, ends
 * built, gate-stopped, published or failed, and a run left unfinished by a process that is gone is
 * marked interrupted by the next one.
 */
final class RunLedger {
  private final RunStore runs;
  private final Clock clock;

  /** The runs this process started: any other unfinished run belongs to a process that is gone. */
  private final Set<String> ownRuns = new HashSet<>();

  RunLedger(RunStore runs, Clock clock) {
    this.runs = runs;
    this.clock = clock;
  }

  RunStore store() {
    return runs;
  }

  /** Records a run of the period as running, with the real paths of its landing files. */
  RunRecord start(String runId, YearMonth period, Instant started, Map<String, String> files) {
    markInterrupted();
    RunRecord running =
        RunRecord.running(runId, period.toString(), started.toString(), List.of(), List.of());
    ownRuns.add(runId);
    runs.save(running);
    runs.saveLandingFiles(runId, files);
    return running;
  }

  /** The latest run of the period that was published, if any: what a re-run must not lose. */
  Optional<RunRecord> lastPublished(YearMonth period) {
    return runs.all().stream()
        .filter(
            r -> r.period().equals(period.toString()) && r.outcome().equals(RunRecord.PUBLISHED))
        .reduce((a, b) -> b);
  }

  /** Marks the runs left running or built by a process that is gone (this one holds the lock). */
  void markInterrupted() {
    for (RunRecord run : runs.all()) {
      if (run.unfinished() && !ownRuns.contains(run.runId())) {
        runs.save(
            run.withOutcome(
                RunRecord.INTERRUPTED, "the run ended before it published", clock.instant()));
      }
    }
  }

  /** Saves the run with its outcome, now. */
  RunRecord end(RunRecord run, String outcome, String message) {
    RunRecord ended = run.withOutcome(outcome, message, clock.instant());
    runs.save(ended);
    return ended;
  }

  /** Marks the run failed, unless it already ended (its publish failed and said so). */
  void failed(RunRecord run, RuntimeException e) {
    RunRecord latest =
        runs.all().stream().filter(r -> r.runId().equals(run.runId())).findFirst().orElse(run);
    if (latest.unfinished()) {
      end(latest, RunRecord.FAILED, String.valueOf(e.getMessage()));
    }
  }
}
