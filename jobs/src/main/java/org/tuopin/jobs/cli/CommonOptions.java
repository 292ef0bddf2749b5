package org.tuopin.jobs.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command takes (docs/cli.md). */
public final class CommonOptions {
  @Option(
      names = "--landing",
      description = "Landing folder (default: ${DEFAULT-VALUE}).",
      defaultValue = "data/landing")
  Path landing;

  @Option(
      names = "--data",
      description = "Data folder: lake, serving/tuopin.duckdb, runs (default: ${DEFAULT-VALUE}).",
      defaultValue = "data")
  Path data;

  // The launcher names the repository's conf/tuopin.yaml (-Dtuopin.conf); spark-submit users
  // get conf/tuopin.yaml of the working directory.
  @Option(
      names = "--conf",
      description = "Configuration file (default: ${DEFAULT-VALUE}).",
      defaultValue = "${sys:tuopin.conf:-conf/tuopin.yaml}")
  Path conf;

  @Option(
      names = "--master",
      description = "Spark master URL (default: the one spark-submit was given, else local[*]).")
  String master;
}
