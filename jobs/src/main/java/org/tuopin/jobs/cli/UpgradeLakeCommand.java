package org.tuopin.jobs.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "upgrade-lake",
    mixinStandardHelpOptions = true,
    description =
        "Converts a lake written before Delta Lake into Delta tables holding its current versions;"
            + " the publishes kept stay readable. A refresh does it first on its own; running it"
            + " again changes nothing.")
final class UpgradeLakeCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    SparkSession spark = Environment.spark(common);
    try {
      List<String> converted = Environment.refreshJob(common, spark).upgradeLake();
      System.out.println(
          converted.isEmpty()
              ? "the lake's tables are Delta tables already"
              : "converted to Delta tables: " + String.join(", ", converted));
      return 0;
    } finally {
      spark.stop();
    }
  }
}
