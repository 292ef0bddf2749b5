package org.tuopin.tools;

import org.tuopin.jobs.cli.TuopinCommand;
import org.tuopin.tools.cli.ToolCommands;

/**
 * The launcher's entry point ({@code ./tuopin}): the pipeline's commands and the tools beside them
 * (demo, generate, measure, extend-history). spark-submit runs the pipeline's own jar
 * (org.tuopin.jobs.Main), which carries no sample data and no benchmark.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    TuopinCommand.useUtf8Output();
    System.exit(TuopinCommand.commandLine(ToolCommands.all()).execute(args));
  }
}
