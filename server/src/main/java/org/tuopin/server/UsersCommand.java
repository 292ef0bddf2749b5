package org.tuopin.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.tuopin.warehouse.DuckDb;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** ./tuopin users add|list|remove: the server's users, under data/restricted/. */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "The users of ./tuopin serve: their scope (a region code) and role.",
    subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Remove.class})
public final class UsersCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      defaultValue = "${env:TUOPIN_DATA:-data}",
      description = "Data folder (default: TUOPIN_DATA, else ${DEFAULT-VALUE}).",
      scope = CommandLine.ScopeType.INHERIT)
  Path data;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }

  Users users() {
    return new Users(data.resolve("restricted"));
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Adds a user; the password is read from stdin (one line).")
  static final class Add implements Callable<Integer> {
    @CommandLine.ParentCommand UsersCommand parent;

    @Parameters(paramLabel = "NAME", description = "The user name.")
    String name;

    @Option(
        names = "--scope",
        required = true,
        description = "A region code: a province, city or county, or 000000 for everything.")
    String scope;

    @Option(
        names = "--role",
        defaultValue = "analyst",
        description =
            "analyst (aggregates) or auditor (household rows too); default ${DEFAULT-VALUE}.")
    Role role;

    @Option(
        names = "--password-stdin",
        required = true,
        description = "Read the password from standard input (never from the command line).")
    boolean passwordStdin;

    @Override
    public Integer call() throws Exception {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = in.readLine();
      if (line == null || line.isEmpty()) {
        throw new CommandLine.ParameterException(
            parent.spec.commandLine(), "no password on standard input");
      }
      checkScope();
      char[] password = line.toCharArray();
      try {
        parent.users().add(name, scope, role, password);
      } finally {
        Arrays.fill(password, '\0');
      }
      parent
          .spec
          .commandLine()
          .getOut()
          .println("» added " + name + " (" + role.label() + ", scope " + scope + ")");
      return 0;
    }

    /** A scope is 000000 or a province, city or county of the published dim_region. */
    private void checkScope() throws SQLException {
      Path published = parent.data.resolve("serving").resolve("tuopin.duckdb");
      if (scope.equals(Users.NATIONAL) || !Files.exists(published)) {
        return;
      }
      try (Connection c = DuckDb.openInMemory();
          Statement s = c.createStatement()) {
        s.execute(
            "ATTACH '"
                + published.toAbsolutePath().toString().replace("'", "''")
                + "' AS published (READ_ONLY)");
        try (PreparedStatement p =
            c.prepareStatement(
                "SELECT count(*) FROM published.main.dim_region WHERE region_code = ? AND"
                    + " region_level IN ('province', 'city', 'county')")) {
          p.setString(1, scope);
          try (ResultSet r = p.executeQuery()) {
            r.next();
            if (r.getLong(1) == 0) {
              throw new CommandLine.ParameterException(
                  parent.spec.commandLine(),
                  "--scope "
                      + scope
                      + " is no province, city or county of the published dim_region (000000"
                      + " is everything)");
            }
          }
        }
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the users: name, scope, role.")
  static final class ListUsers implements Callable<Integer> {
    @CommandLine.ParentCommand UsersCommand parent;

    @Override
    public Integer call() {
      for (Users.User u : parent.users().list()) {
        parent
            .spec
            .commandLine()
            .getOut()
            .println(u.name() + "\t" + u.scope() + "\t" + u.role().label());
      }
      return 0;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Removes a user; their tokens stop working at once.")
  static final class Remove implements Callable<Integer> {
    @CommandLine.ParentCommand UsersCommand parent;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      if (!parent.users().remove(name)) {
        parent.spec.commandLine().getErr().println("tuopin users remove: no user " + name);
        return 1;
      }
      parent.spec.commandLine().getOut().println("» removed " + name);
      return 0;
    }
  }
}
