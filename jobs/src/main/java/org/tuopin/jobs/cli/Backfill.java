package org.tuopin.jobs.cli;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.tuopin.etl.Progress;
import org.tuopin.jobs.refresh.RefreshJob;
import org.tuopin.jobs.refresh.RunRecord;

/**
 * Refreshes months in order and publishes once at the end. When the quality gate stops a month, the
 * months before it are published and the run exits 3; the stopped month is not in the lake.
 */
public final class Backfill {
  private Backfill() {}

  public static int run(RefreshJob job, List<YearMonth> months) {
    List<RunRecord> built = new ArrayList<>();
    for (YearMonth month : months) {
      RunRecord record = job.build(month);
      if (record.outcome().equals(RunRecord.GATE_STOPPED)) {
        if (!built.isEmpty()) {
          job.publish(built);
        }
        System.err.println("tuopin: " + month + " was not published: " + record.message());
        return TuopinCommand.GATE_STOPPED;
      }
      built.add(record);
    }
    job.publish(built);
    Progress.step("published %d month%s", built.size(), built.size() == 1 ? "" : "s");
    return 0;
  }

  public static List<YearMonth> months(YearMonth from, YearMonth to) {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }
}
