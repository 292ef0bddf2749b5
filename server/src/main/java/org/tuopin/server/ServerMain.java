package org.tuopin.server;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The launcher's entry point for {@code ./tuopin serve} and {@code ./tuopin users}: a class path of
 * its own, without Spark (see the module's pom).
 */
@Command(
    name = "tuopin",
    subcommands = {ServeCommand.class, UsersCommand.class})
public final class ServerMain {
  private ServerMain() {}

  static String version() {
    String version = ServerMain.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  public static void main(String[] args) {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    CommandLine commandLine = new CommandLine(new ServerMain());
    commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("tuopin " + cmd.getCommandName() + ": " + e.getMessage());
          return CommandLine.ExitCode.SOFTWARE;
        });
    System.exit(commandLine.execute(args));
  }
}
