package org.tuopin.jobs.cli;

import java.util.Set;
import picocli.CommandLine.Option;

/** --allow-missing, shared by refresh and backfill. */
final class AllowMissing {
  @Option(
      names = "--allow-missing",
      paramLabel = "SOURCE",
      split = ",",
      description =
          "Refresh even though the month has no file of SOURCE (a required one, or one its last run"
              + " read); repeatable.")
  Set<String> sources = Set.of();
}
