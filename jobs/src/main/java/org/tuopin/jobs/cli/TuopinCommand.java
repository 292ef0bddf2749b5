package org.tuopin.jobs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** ./tuopin: exit codes 0 done, 1 failure, 2 usage error, 3 the quality gate stopped the run. */
@Command(
    name = "tuopin",
    mixinStandardHelpOptions = true,
    description = "Tuopin: the poverty-alleviation analytics warehouse.",
    subcommands = {DemoCommand.class, GenerateCommand.class, RefreshCommand.class, BackfillCommand.class, ValidateCommand.class, MeasureCommand.class,
        SqlCommand.class, StatusCommand.class, ExtendHistoryCommand.class})
public final class TuopinCommand implements Runnable {
  public static final int GATE_STOPPED = 3;

  @Override
  public void run() {
    CommandLine.usage(this, System.err);
  }

  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new TuopinCommand());
    // spec/cli.md spells formats and scales in lower case: table, csv, json; small, province...
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("tuopin " + cmd.getCommandName() + ": " + describe(e));
      return CommandLine.ExitCode.SOFTWARE;
    });
    return commandLine;
  }

  private static String describe(Throwable e) {
    StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
        message.append("\n  caused by: ").append(cause.getMessage());
      }
    }
    return message.toString();
  }
}
