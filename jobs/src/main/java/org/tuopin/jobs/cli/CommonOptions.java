package org.tuopin.jobs.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command takes (docs/cli.md). */
public final class CommonOptions {
  // TUOPIN_LANDING and TUOPIN_DATA, the Airflow DAG's variables, are the command line's defaults
  // too, so an operator's command and the DAG's tasks work on the same folders.
  @Option(
      names = "--landing",
      description =
          "Landing folder (default: TUOPIN_LANDING, else landing in the data folder:"
              + " ${DEFAULT-VALUE}).",
      defaultValue = "${env:TUOPIN_LANDING:-${env:TUOPIN_DATA:-data}/landing}")
  public Path landing;

  @Option(
      names = "--data",
      description =
          "Data folder: lake, serving/tuopin.duckdb, restricted (default: TUOPIN_DATA, else"
              + " ${DEFAULT-VALUE}).",
      defaultValue = "${env:TUOPIN_DATA:-data}")
  public Path data;

  // The launcher names the repository's conf/tuopin.yaml (-Dtuopin.conf); spark-submit users
  // get conf/tuopin.yaml of the working directory.
  @Option(
      names = "--conf",
      description = "Configuration file (default: ${DEFAULT-VALUE}).",
      defaultValue = "${sys:tuopin.conf:-conf/tuopin.yaml}")
  public Path conf;

  @Option(
      names = "--master",
      description = "Spark master URL (default: the one spark-submit was given, else local[*]).")
  public String master;
}
