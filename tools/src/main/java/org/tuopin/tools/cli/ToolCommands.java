package org.tuopin.tools.cli;

/** The commands of the tools module, which the launcher adds to the pipeline's. */
public final class ToolCommands {
  private ToolCommands() {}

  public static Object[] all() {
    return new Object[] {
      new DemoCommand(),
      new GenerateCommand(),
      new MeasureCommand(),
      new IngestReferenceCommand(),
      new ExtendHistoryCommand()
    };
  }
}
