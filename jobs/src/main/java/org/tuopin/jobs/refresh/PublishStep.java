package org.tuopin.jobs.refresh;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tuopin.etl.Progress;
import org.tuopin.warehouse.PublishSettings;
import org.tuopin.warehouse.Publisher;

/**
 * Publishes the lake. The given runs (built, waiting for this publish) are published with it and
 * their records say so once it has succeeded; they are marked failed if it fails.
 */
final class PublishStep {
  private final DataPaths paths;
  private final PublishSettings settings;
  private final RunLedger ledger;
  private final Clock clock;

  PublishStep(DataPaths paths, PublishSettings settings, RunLedger ledger, Clock clock) {
    this.paths = paths;
    this.settings = settings;
    this.ledger = ledger;
    this.clock = clock;
  }

  /**
   * @return the given runs as published
   */
  List<RunRecord> publish(List<RunRecord> pending) {
    Progress.step("publishing %s", paths.serving().resolve(Publisher.FILE_NAME));
    long start = System.nanoTime();
    ledger.markInterrupted();
    Instant finished = clock.instant();
    List<RunRecord> published =
        pending.stream().map(r -> r.withOutcome(RunRecord.PUBLISHED, null, finished)).toList();
    List<String> publishedIds = published.stream().map(RunRecord::runId).toList();
    RunStore runs = ledger.store();
    List<RunRecord> records =
        new ArrayList<>(
            runs.all().stream().filter(r -> !publishedIds.contains(r.runId())).toList());
    records.addAll(published);
    try {
      int id =
          new Publisher(
                  paths.lake(),
                  paths.serving(),
                  settings,
                  message -> Progress.detail("%s", message))
              .publish(RunStore.runSources(records), RunStore.ruleCounts(records));
      published.forEach(runs::save);
      Progress.detail(
          "publish %d in %.1f s (kept for ./tuopin sql --as-of %d)",
          id, (System.nanoTime() - start) / 1e9, id);
      return published;
    } catch (RuntimeException e) {
      pending.forEach(
          run -> ledger.end(run, RunRecord.FAILED, "publish failed: " + e.getMessage()));
      throw e;
    }
  }
}
