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
    // The pipeline's commands; the launcher adds demo, generate, measure and extend-history
    // from the tools module (org.tuopin.tools.Main), which spark-submit's jar does not carry.
    subcommands = {
      RefreshCommand.class,
      BackfillCommand.class,
      ValidateCommand.class,
      SqlCommand.class,
      StatusCommand.class,
      BulletinCommand.class,
      VisitsCommand.class,
      UpgradeLakeCommand.class
    },
    footer = {
      "",
      "The launcher also runs serve (the Arrow Flight SQL server for BI tools) and users (its"
          + " users): ./tuopin serve --help.",
      "Documentation: README.md and docs/ in the Tuopin repository."
    })
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

  /**
   * The command line of the pipeline's commands, and of {@code moreCommands} (the tools'), which
   * are added before the settings so that they share them (picocli applies a setting to the
   * subcommands present when it is set).
   */
  public static CommandLine commandLine(Object... moreCommands) {
    CommandLine commandLine = new CommandLine(new TuopinCommand());
    for (Object command : moreCommands) {
      commandLine.addSubcommand(command);
    }
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
