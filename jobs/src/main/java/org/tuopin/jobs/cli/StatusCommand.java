package org.tuopin.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tuopin.jobs.refresh.DataPaths;
import org.tuopin.jobs.refresh.RunRecord;
import org.tuopin.jobs.refresh.RunStore;
import org.tuopin.warehouse.PublishHistory;
import org.tuopin.warehouse.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "What is published, and the latest runs with their row counts.")
final class StatusCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    Path file = common.data.resolve("serving").resolve(Publisher.FILE_NAME).toAbsolutePath();
    if (Files.exists(file)) {
      System.out.printf(
          "published: %s (%,d bytes, %s)%n",
          file, Files.size(file), Files.getLastModifiedTime(file));
    } else {
      System.out.println("published: nothing yet (" + file + ")");
    }
    List<Integer> kept = new PublishHistory(file.getParent()).ids();
    System.out.println(
        "publishes kept for --as-of: "
            + (kept.isEmpty() ? "none" : kept.get(0) + ".." + kept.get(kept.size() - 1)));
    List<RunRecord> runs = RunStore.of(new DataPaths(common.landing, common.data)).all();
    System.out.println("latest runs:");
    for (RunRecord run : runs.subList(Math.max(0, runs.size() - 12), runs.size())) {
      long read = run.sources().stream().mapToLong(RunRecord.SourceCount::read).sum();
      long loaded = run.sources().stream().mapToLong(RunRecord.SourceCount::loaded).sum();
      long quarantined = run.sources().stream().mapToLong(RunRecord.SourceCount::quarantined).sum();
      System.out.printf(
          "  %-36s %-8s %-12s read %,9d  loaded %,9d  quarantined %,7d%s%n",
          run.runId(),
          run.period(),
          run.outcome(),
          read,
          loaded,
          quarantined,
          run.message() == null ? "" : "  " + run.message());
    }
    return 0;
  }
}
