package org.tuopin.jobs.cli;

import java.time.YearMonth;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** --from and --to, a range of months, shared by backfill and generate. */
public final class MonthRange {
  @Option(
      names = "--from",
      required = true,
      converter = Months.class,
      description = "First month, YYYY-MM.")
  public YearMonth from;

  @Option(
      names = "--to",
      required = true,
      converter = Months.class,
      description = "Last month, YYYY-MM.")
  public YearMonth to;

  /** A range that ends before it starts is a usage error (exit 2). */
  public void requireOrdered(Object command) {
    if (to.isBefore(from)) {
      throw new CommandLine.ParameterException(new CommandLine(command), "--to is before --from");
    }
  }
}
