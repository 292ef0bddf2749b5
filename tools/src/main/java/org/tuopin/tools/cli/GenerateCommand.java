package org.tuopin.tools.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tuopin.etl.reference.ReferenceData;
import org.tuopin.jobs.cli.CommonOptions;
import org.tuopin.jobs.cli.Environment;
import org.tuopin.jobs.cli.MonthRange;
import org.tuopin.jobs.config.TuopinConfig;
import org.tuopin.sample.AnomalyPlanter;
import org.tuopin.sample.FaultInjector;
import org.tuopin.sample.SampleDataGenerator;
import org.tuopin.sample.Scale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Writes realistic landing files in the layouts of docs/sources.md.")
final class GenerateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--out", required = true, description = "Landing folder to write.")
  Path out;

  @Mixin MonthRange months;

  @Option(
      names = "--scale",
      defaultValue = "small",
      description =
          "small (the 11 demo counties, 250 households each), province (~1 million over 四川省's 66"
              + " poor counties), national (~30 million over 832 poor counties of 22 provinces), or"
              + " a number of households per demo county, e.g. 20000.")
  String scale;

  @Option(
      names = "--seed",
      defaultValue = "20140101",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--faults",
      description =
          "Sprinkle realistic errors into each month's files and list them in <out>/faults.csv;"
              + " plant anomalies for auditors (v_anomalies) and list them in <out>/anomalies.csv.")
  boolean faults;

  @Override
  public Integer call() {
    months.requireOrdered(this);
    TuopinConfig config = Environment.config(common);
    ReferenceData reference = Environment.reference(common, config);
    Scale chosen = Scale.of(scale, reference.regions());
    System.err.printf(
        "» generating %,d households in %d counties (%s scale)%n",
        chosen.households(), chosen.householdsByCounty().size(), chosen.label());
    SampleDataGenerator generator = new SampleDataGenerator(reference, seed, chosen);
    Map<String, Long> written = generator.generate(out, months.from, months.to);
    written.forEach((source, rows) -> System.err.printf("    %-14s %,10d rows%n", source, rows));
    if (faults) {
      List<FaultInjector.Fault> injected = new ArrayList<>();
      List<AnomalyPlanter.Planted> planted = new ArrayList<>();
      for (YearMonth month = months.from; !month.isAfter(months.to); month = month.plusMonths(1)) {
        injected.addAll(FaultInjector.inject(out, seed, month));
        planted.addAll(AnomalyPlanter.plant(out, month, injected));
      }
      FaultInjector.writeList(out.resolve("faults.csv"), injected);
      AnomalyPlanter.writeList(out.resolve("anomalies.csv"), planted);
      System.err.printf(
          "» %d faults injected, listed in %s; %d anomalies planted, listed in %s%n",
          injected.size(), out.resolve("faults.csv"), planted.size(), out.resolve("anomalies.csv"));
    }
    System.err.println("» landing files written to " + out.toAbsolutePath());
    return 0;
  }
}
