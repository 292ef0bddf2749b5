package org.tuopin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.tuopin.warehouse.DuckDb;

/**
 * What a hostile but signed-in user tries, on the two counties of {@link TwoCounties}: each test is
 * one break found by a probe of the earlier server, and shows that it learns nothing now.
 */
@Tag("e2e")
// the flood locks the test's own address out for a while: it comes last
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Arrow's FlightClient and FlightStream declare close() throws InterruptedException
@SuppressWarnings("try")
class HostileClientTest {
  private static final String PASSWORD = "correct horse battery";
  private static final int FAILURES_ALLOWED = 3;
  private static final int UNFETCHED_SECONDS = 2;

  @TempDir static Path data;
  private static ServeCommand.Server server;
  private static Users users;
  private static BufferAllocator allocator;

  @BeforeAll
  static void serve() throws Exception {
    TwoCounties.publish(data);
    users = new Users(data.resolve("restricted"));
    users.add("cangxi", "510824", Role.ANALYST, PASSWORD.toCharArray());
    users.add("lizhou-audit", "510802", Role.AUDITOR, PASSWORD.toCharArray());
    users.add("hog", "510824", Role.ANALYST, PASSWORD.toCharArray());
    users.add("other", "510802", Role.ANALYST, PASSWORD.toCharArray());
    users.add("flooded", "510824", Role.ANALYST, PASSWORD.toCharArray());
    allocator = new RootAllocator();
    server =
        ServeCommand.Server.start(
            data,
            "localhost",
            0,
            null,
            null,
            ServerSettings.DEFAULT
                .withQueries(20, 2_000_000, 4, 2, 10, UNFETCHED_SECONDS)
                .withSignIns(FAILURES_ALLOWED, 8, 2),
            Clock.systemUTC(),
            new PrintWriter(System.err, true, StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() {
    server.close();
    allocator.close();
  }

  private static FlightClient client() {
    return FlightClient.builder(allocator, Location.forGrpcInsecure("localhost", server.port()))
        .build();
  }

  private static CallOption signIn(FlightClient client, String user) {
    return client.authenticateBasicToken(user, PASSWORD).orElseThrow();
  }

  private static List<String> rows(FlightSqlClient sql, CallOption token, String query)
      throws Exception {
    FlightInfo info = sql.execute(query, token);
    List<String> rows = new ArrayList<>();
    try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), token)) {
      while (stream.next()) {
        for (int i = 0; i < stream.getRoot().getRowCount(); i++) {
          List<String> values = new ArrayList<>();
          for (var vector : stream.getRoot().getFieldVectors()) {
            values.add(String.valueOf(vector.getObject(i)));
          }
          rows.add(String.join(" ", values));
        }
      }
    }
    return rows;
  }

  /** Whether the query failed: all that a hidden error message still tells. */
  private static String outcome(FlightSqlClient sql, CallOption token, String query) {
    try {
      return "answered " + rows(sql, token, query);
    } catch (Exception e) {
      return "failed";
    }
  }

  /**
   * The probe's binary search: a condition on another region's row that turns into a failed cast
   * when it holds. The extract holds no such row, so every outcome is the same; on the published
   * file itself the same probe reads the value (so the probe is a real one).
   */
  @Test
  void aQuerysOutcomeTellsNothingOfAnotherRegion() throws Exception {
    String probe =
        "SELECT count(*) FROM v_poverty_trend WHERE CASE WHEN region_code = '510802' AND"
            + " poor_households > %d THEN CAST(region_code || 'x' AS INTEGER) ELSE 0 END = 0";
    List<String> outcomes = new ArrayList<>();
    try (FlightClient client = client()) {
      FlightSqlClient sql = new FlightSqlClient(client);
      CallOption token = signIn(client, "cangxi");
      for (int n = 0; n <= 6; n++) {
        outcomes.add(outcome(sql, token, String.format(probe, n)));
      }
    }
    assertEquals(
        List.of("answered [4]"), outcomes.stream().distinct().toList(), outcomes::toString);
    // the same probe on the whole file: fails while the condition holds (利州区 has 3)
    List<String> onFile = new ArrayList<>();
    try (Connection file = DuckDb.openReadOnly(server.servingFile())) {
      for (int n = 0; n <= 6; n++) {
        try (Statement s = file.createStatement();
            ResultSet r = s.executeQuery(String.format(probe, n))) {
          r.next();
          onFile.add("answered");
        } catch (SQLException e) {
          onFile.add("failed");
        }
      }
    }
    assertEquals(
        List.of("failed", "failed", "failed", "answered", "answered", "answered", "answered"),
        onFile);
  }

  @Test
  void anAuditorsProbeOfAnotherCountysHouseholdLearnsNothing() throws Exception {
    // a1 is a household of 苍溪县 510824, outside the auditor's 利州区 510802
    String probe =
        "SELECT count(*) FROM fact_household_snapshot WHERE CASE WHEN household_key = 'a1' AND"
            + " per_capita_income > %d THEN CAST(household_key || 'x' AS INTEGER) ELSE 0 END = 0";
    List<String> outcomes = new ArrayList<>();
    try (FlightClient client = client()) {
      FlightSqlClient sql = new FlightSqlClient(client);
      CallOption token = signIn(client, "lizhou-audit");
      for (int income : new int[] {0, 1000, 1999, 2000, 3000}) {
        outcomes.add(outcome(sql, token, String.format(probe, income)));
      }
    }
    assertEquals(
        List.of("answered [3]"), outcomes.stream().distinct().toList(), outcomes::toString);
  }

  @Test
  void aTokenEndsWithTheUserRecordItWasIssuedFor() throws Exception {
    users.add("temporary", "510824", Role.ANALYST, PASSWORD.toCharArray());
    try (FlightClient client = client()) {
      FlightSqlClient sql = new FlightSqlClient(client);
      CallOption token = signIn(client, "temporary");
      assertEquals(List.of("4"), rows(sql, token, "SELECT count(*) FROM dim_region"));
      users.remove("temporary");
      users.add("temporary", "510000", Role.AUDITOR, "another password".toCharArray());
      FlightRuntimeException refused =
          assertThrows(
              FlightRuntimeException.class,
              () -> rows(sql, token, "SELECT count(*) FROM dim_region"));
      assertTrue(
          refused.getMessage().contains("the user was removed or changed since this token"),
          refused.getMessage());
    }
  }

  /**
   * One user asks for results and never fetches them, and holds two streams open without reading:
   * another user is answered at once; the unfetched results are dropped and audited as such.
   */
  @Test
  void oneUserCannotTakeEverySlot() throws Exception {
    List<String> hogStatements = new ArrayList<>();
    try (FlightClient hog = client();
        FlightClient other = client()) {
      FlightSqlClient hogSql = new FlightSqlClient(hog);
      CallOption hogToken = signIn(hog, "hog");
      for (int i = 0; i < 8; i++) {
        String statement = "SELECT " + i + " AS never_fetched FROM dim_region";
        hogStatements.add(statement);
        hogSql.execute(statement, hogToken);
      }
      List<FlightStream> held = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        FlightInfo big =
            hogSql.execute("SELECT * FROM range(1500000) AS r(held_" + i + ")", hogToken);
        held.add(hogSql.getStream(big.getEndpoints().get(0).getTicket(), hogToken));
      }
      FlightSqlClient otherSql = new FlightSqlClient(other);
      CallOption otherToken = signIn(other, "other");
      long started = System.nanoTime();
      assertEquals(List.of("3"), rows(otherSql, otherToken, "SELECT count(*) FROM dim_region"));
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertTrue(millis < 1000, "another user waited " + millis + " ms");
      for (FlightStream stream : held) {
        stream.close();
      }
    }
    Thread.sleep((UNFETCHED_SECONDS + 2) * 1000L);
    for (String statement : hogStatements) {
      List<JsonNode> lines = auditLines(statement);
      assertEquals(1, lines.size(), statement);
      assertEquals("unfetched", lines.get(0).get("outcome").asText());
    }
  }

  @Test
  void aStreamLeftHalfReadIsAuditedWithTheRowsSent() throws Exception {
    String statement = "SELECT * FROM range(1000000) AS r(half_read)";
    try (FlightClient client = client()) {
      FlightSqlClient sql = new FlightSqlClient(client);
      CallOption token = signIn(client, "cangxi");
      FlightInfo info = sql.execute(statement, token);
      try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), token)) {
        assertTrue(stream.next());
        assertEquals(8192, stream.getRoot().getRowCount());
        stream.cancel("the client has read enough", null);
      }
    }
    JsonNode line = awaitAuditLine(statement);
    assertEquals("cancelled", line.get("outcome").asText());
    long rows = line.get("rows").asLong();
    // what the client read, and at most the server's 1 MiB buffer more: far from the million
    assertTrue(rows >= 8192 && rows < 300_000, "rows sent: " + rows);
  }

  /**
   * Forty wrong passwords at once for one user: only the allowed failures (and those already being
   * hashed) are hashed; the rest are refused unhashed; the right password is refused while the
   * lock-out lasts and accepted after it.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void aFloodOfWrongPasswordsIsSlowedDownAndHashesLittle() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(40);
    List<Future<String>> attempts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      attempts.add(
          pool.submit(
              () -> {
                try (FlightClient client = client()) {
                  client.authenticateBasicToken("flooded", "wrong password");
                  return "accepted";
                } catch (FlightRuntimeException e) {
                  return e.getMessage().contains("wrong user name or password")
                      ? "hashed"
                      : e.getMessage().contains("too many failed sign-ins") ? "locked" : "other";
                }
              }));
    }
    List<String> results = new ArrayList<>();
    for (Future<String> attempt : attempts) {
      results.add(attempt.get());
    }
    pool.shutdown();
    long hashed = results.stream().filter("hashed"::equals).count();
    long locked = results.stream().filter("locked"::equals).count();
    assertEquals(40, hashed + locked, results::toString);
    // the allowed failures, the one that starts the lock-out, and one being hashed beside it
    assertTrue(hashed <= FAILURES_ALLOWED + 2, "hashed: " + hashed);
    try (FlightClient client = client()) {
      FlightRuntimeException refused =
          assertThrows(FlightRuntimeException.class, () -> signIn(client, "flooded"));
      assertTrue(refused.getMessage().contains("try again in"), refused.getMessage());
    }
    Thread.sleep(2_100);
    try (FlightClient client = client()) {
      assertEquals(
          List.of("4"),
          rows(
              new FlightSqlClient(client),
              signIn(client, "flooded"),
              "SELECT count(*) FROM dim_region"));
    }
  }

  @Test
  void theCatalogHoldsOnlyTheServedRelations() throws Exception {
    try (FlightClient client = client()) {
      FlightSqlClient sql = new FlightSqlClient(client);
      CallOption token = signIn(client, "cangxi");
      List<String> tables = rows(sql, token, "SELECT name FROM (SHOW ALL TABLES) ORDER BY name");
      assertTrue(tables.contains("v_poverty_trend"), tables::toString);
      for (String table : tables) {
        assertTrue(ServedRelations.named(table).isPresent(), table + " is not served");
        assertTrue(!table.contains("household") && !table.startsWith("v_runs"), table);
      }
    }
  }

  private static JsonNode awaitAuditLine(String statement) throws Exception {
    for (int i = 0; i < 50; i++) {
      List<JsonNode> lines = auditLines(statement);
      if (!lines.isEmpty()) {
        assertEquals(1, lines.size());
        return lines.get(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no audit line for " + statement);
  }

  private static List<JsonNode> auditLines(String statement) throws Exception {
    String hash = AuditLog.sha256(statement);
    List<JsonNode> found = new ArrayList<>();
    Path log = data.resolve("restricted").resolve("audit").resolve("queries.jsonl");
    for (String line : Files.readAllLines(log)) {
      JsonNode node = new ObjectMapper().readTree(line);
      if (node.get("statement_sha256").asText().equals(hash)) {
        found.add(node);
      }
    }
    return found;
  }
}
