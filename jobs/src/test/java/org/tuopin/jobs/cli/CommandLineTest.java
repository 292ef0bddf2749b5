package org.tuopin.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {
  @Test
  void formatsAreSpelledAsTheSpecSpellsThem() {
    for (String format : new String[] {"table", "csv", "json"}) {
      CommandLine.ParseResult parsed =
          TuopinCommand.commandLine().parseArgs("sql", "--format", format, "SELECT 1");
      Object value = parsed.subcommand().matchedOption("--format").getValue();
      assertEquals(format.toUpperCase(), value.toString());
    }
  }

  @Test
  void aBadOptionIsAUsageErrorWithExitCodeTwo() {
    CommandLine commandLine = TuopinCommand.commandLine();
    commandLine.setErr(new PrintWriter(new StringWriter()));
    assertEquals(2, commandLine.execute("refresh", "--period", "2019-13"));
    assertEquals(2, commandLine.execute("sql", "--format", "xml", "SELECT 1"));
  }
}
