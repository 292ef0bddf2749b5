package org.tuopin.jobs.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command takes (spec/cli.md). */
public final class CommonOptions {
  @Option(names = "--landing", description = "Landing folder (default: ${DEFAULT-VALUE}).", defaultValue = "data/landing")
  Path landing;

  @Option(names = "--data", description = "Data folder: lake, serving/tuopin.duckdb, runs (default: ${DEFAULT-VALUE}).", defaultValue = "data")
  Path data;

  @Option(names = "--conf", description = "Configuration file (default: ${DEFAULT-VALUE}).", defaultValue = "conf/tuopin.yaml")
  Path conf;

  @Option(names = "--master", description = "Spark master URL (default: the one spark-submit was given, else local[*]).")
  String master;
}
