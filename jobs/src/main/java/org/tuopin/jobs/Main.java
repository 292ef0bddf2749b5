package org.tuopin.jobs;

import org.tuopin.jobs.cli.TuopinCommand;

/** The one entry point: {@code ./tuopin} and {@code spark-submit} both land here. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    TuopinCommand.useUtf8Output();
    System.exit(TuopinCommand.commandLine().execute(args));
  }
}
