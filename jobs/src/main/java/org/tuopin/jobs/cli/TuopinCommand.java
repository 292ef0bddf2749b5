package org.tuopin.jobs.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** ./tuopin: exit codes 0 done, 1 failure, 2 usage error, 3 the quality gate stopped the run. */
@Command(
    name = "tuopin",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = "Tuopin: the poverty-alleviation analytics warehouse.",
    subcommands = {
      DemoCommand.class,
      GenerateCommand.class,
      RefreshCommand.class,
      BackfillCommand.class,
      ValidateCommand.class,
      MeasureCommand.class,
      SqlCommand.class,
      StatusCommand.class,
      BulletinCommand.class,
      ExtendHistoryCommand.class
    },
    footer = {"", "Documentation: README.md and docs/ in the Tuopin repository."})
public final class TuopinCommand implements Callable<Integer> {
  public static final int GATE_STOPPED = 3;

  /** No command given is a usage error (exit 2), with the usage on stderr. */
  @Override
  public Integer call() {
    CommandLine.usage(this, System.err);
    return CommandLine.ExitCode.USAGE;
  }

  /**
   * Output is UTF-8 whatever the locale: Java 17 encodes stdout with the locale's charset, so under
   * LANG=C (cron, containers, Airflow workers) every Chinese name would print as '?'.
   */
  public static void useUtf8Output() {
    System.setOut(
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
    System.setErr(
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
  }

  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new TuopinCommand());
    commandLine.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
    commandLine.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    // docs/cli.md spells formats and scales in lower case: table, csv, json; small, province...
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("tuopin " + cmd.getCommandName() + ": " + describe(e));
          return CommandLine.ExitCode.SOFTWARE;
        });
    return commandLine;
  }

  private static String describe(Throwable e) {
    StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause();
        cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
        message.append("\n  caused by: ").append(cause.getMessage());
      }
    }
    return message.toString();
  }
}
