package org.tuopin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as BI tools reach it: over TLS with a certificate made here, through the Arrow Flight
 * SQL JDBC driver (DBeaver's) and Arrow's own Flight SQL client, on the two counties of {@link
 * TwoCounties}. Expected rows come from the published file read directly, and the suppression rule
 * applied here.
 */
@Tag("e2e")
// Arrow's FlightClient and FlightStream declare close() throws InterruptedException
@SuppressWarnings("try")
class FlightSqlServerTest {
  private static final String ANALYST = "cangxi";
  private static final String AUDITOR = "lizhou-audit";
  private static final String PASSWORD = "correct horse battery";
  private static final long MAX_ROWS = 50_000;

  @TempDir static Path data;
  private static TestCertificate tls;
  private static MovableClock clock;
  private static ServeCommand.Server server;

  /** A clock the test moves forward, to expire tokens. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.now();

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeAll
  static void serve() throws Exception {
    TwoCounties.publish(data);
    Users users = new Users(data.resolve("restricted"));
    users.add(ANALYST, "510824", Role.ANALYST, PASSWORD.toCharArray());
    users.add(AUDITOR, "510802", Role.AUDITOR, PASSWORD.toCharArray());
    tls = TestCertificate.create(Files.createDirectories(data.resolve("tls")));
    clock = new MovableClock();
    server =
        ServeCommand.Server.start(
            data,
            "localhost",
            0,
            tls.certificate().toFile(),
            tls.key().toFile(),
            ServerSettings.DEFAULT.withQueries(20, MAX_ROWS, 4, 2, 10, 30),
            clock,
            new PrintWriter(System.err, true, StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Connection jdbc(String user, String password) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:arrow-flight-sql://localhost:"
            + server.port()
            + "/?useEncryption=true&tlsRootCerts="
            + URLEncoder.encode(tls.certificate().toString(), StandardCharsets.UTF_8)
            + "&user="
            + user
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8));
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData meta = r.getMetaData();
      while (r.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          values.add(String.valueOf(r.getObject(i)));
        }
        rows.add(String.join(" ", values));
      }
    }
    return rows;
  }

  @Test
  void anAnalystOfOneCountyGetsThatCountysRowsWithSmallCountsAndTheirComplementsSuppressed()
      throws Exception {
    String columns =
        "region_code, region_level, poor_households, poor_persons, incidence_rate,"
            + " exited_households, rural_population";
    List<String> served;
    try (Connection c = jdbc(ANALYST, PASSWORD)) {
      served = rows(c, "SELECT " + columns + " FROM v_poverty_trend ORDER BY region_code");
    }
    // By hand (TwoCounties): 乙村 has 2 poor households, so it is suppressed; 陵江镇 = 甲村 + 乙村,
    // so 甲村 is its complement. 利州区 has 3 in one village of one township: 丙村, 东坝街道 and
    // 利州区 all say 3, so all three are suppressed; then 广元市 = 苍溪县 + 利州区 would give 利州区
    // away, so 苍溪县 is its complement, and 陵江镇, 苍溪县's only township, is 苍溪县's. The
    // incidence goes with the persons. No household has exited: the villages' 0 is small, but
    // the township's 0 above it is published and says so.
    assertEquals(
        List.of(
            "510824 county null null null 0 500",
            "510824100 township null null null 0 null",
            "510824100001 village null null null null 400",
            "510824100002 village null null null null 100"),
        served);
    // an auditor's counts are the file's, unsuppressed
    try (Connection c = jdbc(AUDITOR, PASSWORD)) {
      assertEquals(
          List.of(
              "510802 county 3 9 3.0 0 300",
              "510802100 township 3 9 null 0 null",
              "510802100001 village 3 9 3.0 0 300"),
          rows(c, "SELECT " + columns + " FROM v_poverty_trend ORDER BY region_code"));
    }
  }

  @Test
  void householdRowsAreForAuditorsAndOnlyThoseOfTheirScope() throws Exception {
    try (Connection analyst = jdbc(ANALYST, PASSWORD)) {
      for (String relation :
          List.of("fact_household_snapshot", "dim_household", "v_monitoring_alerts")) {
        SQLException refused =
            assertThrows(
                SQLException.class, () -> rows(analyst, "SELECT count(*) FROM " + relation));
        assertTrue(
            refused.getMessage().contains("no table or view " + relation + " is served"),
            refused.getMessage());
      }
      // payments: those to no household, of the county
      assertEquals(List.of("d2"), rows(analyst, "SELECT txn_id FROM fact_disbursement"));
      assertEquals(
          List.of("510824", "510824100", "510824100001", "510824100002"),
          rows(analyst, "SELECT region_code FROM dim_region ORDER BY 1"));
    }
    try (Connection auditor = jdbc(AUDITOR, PASSWORD)) {
      assertEquals(
          List.of("c1 510802", "c2 510802", "c3 510802"),
          rows(
              auditor,
              "SELECT household_key, county_code FROM fact_household_snapshot ORDER BY 1"));
      assertEquals(List.of("d3"), rows(auditor, "SELECT txn_id FROM fact_disbursement"));
      assertEquals(
          List.of("510802 county 3 9"),
          rows(
              auditor,
              "SELECT region_code, region_level, poor_households, poor_persons FROM v_poverty_trend"
                  + " WHERE region_level = 'county'"));
    }
  }

  /** What DBeaver's navigator shows: the user's relations as views of schema main. */
  @Test
  void theCatalogListsTheUsersRelationsOnly() throws Exception {
    List<String> analyst = new ArrayList<>();
    try (Connection c = jdbc(ANALYST, PASSWORD);
        ResultSet tables = c.getMetaData().getTables(null, null, "%", null)) {
      while (tables.next()) {
        analyst.add(
            tables.getString("TABLE_SCHEM")
                + "."
                + tables.getString("TABLE_NAME")
                + " "
                + tables.getString("TABLE_TYPE"));
      }
    }
    assertTrue(analyst.contains("main.v_poverty_trend TABLE"), analyst::toString);
    assertTrue(analyst.contains("main.dim_region TABLE"), analyst::toString);
    assertTrue(analyst.stream().noneMatch(t -> t.contains("household")), analyst::toString);
    assertTrue(analyst.stream().noneMatch(t -> t.contains("v_runs")), analyst::toString);
    try (Connection c = jdbc(AUDITOR, PASSWORD);
        ResultSet columns =
            c.getMetaData().getColumns(null, "main", "fact_household_snapshot", "household_key")) {
      assertTrue(columns.next(), "an auditor's navigator shows the household columns");
    }
  }

  @Test
  void writesFileReadsAttachSetAndTwoStatementsAreRefusedWithAClearError() throws Exception {
    try (Connection c = jdbc(ANALYST, PASSWORD)) {
      for (String statement :
          List.of(
              "CREATE TABLE t AS SELECT 1",
              "INSERT INTO dim_region SELECT * FROM dim_region",
              "SELECT * FROM read_csv('/etc/passwd')",
              "ATTACH '" + server.servingFile() + "' AS other",
              "SET enable_external_access = true",
              "SELECT 1; SELECT 2",
              "SELECT * FROM published.main.fact_household_snapshot",
              "SELECT * FROM query('SELECT * FROM published.main.dim_household')")) {
        SQLException refused = assertThrows(SQLException.class, () -> rows(c, statement));
        assertTrue(
            refused.getMessage().contains("only one SELECT is accepted")
                || refused.getMessage().contains("refused: "),
            statement + ": " + refused.getMessage());
      }
      // and nothing changed: the analyst still sees its four regions
      assertEquals(List.of("4"), rows(c, "SELECT count(*) FROM dim_region"));
    }
  }

  @Test
  void aWrongPasswordAndAnExpiredTokenAreRefused() throws Exception {
    SQLException wrong = assertThrows(SQLException.class, () -> jdbc(ANALYST, "wrong password"));
    assertTrue(wrong.getMessage().contains("wrong user name or password"), wrong.getMessage());
    try (BufferAllocator allocator = new RootAllocator();
        FlightClient client = client(allocator)) {
      CallOption token = client.authenticateBasicToken(ANALYST, PASSWORD).orElseThrow();
      FlightSqlClient sql = new FlightSqlClient(client);
      assertEquals(4, count(sql, "SELECT * FROM dim_region", token));
      clock.advance(Duration.ofHours(2));
      RuntimeException expired =
          assertThrows(RuntimeException.class, () -> count(sql, "SELECT * FROM dim_region", token));
      assertTrue(expired.getMessage().contains("the token has expired"), expired.getMessage());
    }
  }

  @Test
  void aResultLongerThanTheCapIsRefused() throws Exception {
    try (Connection c = jdbc(ANALYST, PASSWORD)) {
      // the rows are streamed as they come, so the cap is met while reading: the driver throws
      // its FlightRuntimeException from ResultSet.next()
      Exception tooLong =
          assertThrows(
              Exception.class, () -> rows(c, "SELECT * FROM range(" + (MAX_ROWS + 1) + ")"));
      assertTrue(
          tooLong.getMessage().contains("more than " + MAX_ROWS + " rows (serve.maxRows)"),
          tooLong.getMessage());
      assertEquals(
          List.of(String.valueOf(MAX_ROWS)),
          rows(c, "SELECT count(*) FROM range(" + MAX_ROWS + ")"));
    }
  }

  /**
   * A query whose result is half read when a new publish lands reads the rest from the publish it
   * started on; the next query sees the new one.
   */
  @Test
  void aPublishDuringAQueryDoesNotBreakIt() throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
        FlightClient client = client(allocator)) {
      CallOption token = client.authenticateBasicToken(AUDITOR, PASSWORD).orElseThrow();
      FlightSqlClient sql = new FlightSqlClient(client);
      // 3 households x 10,000: several batches of 8,192 rows
      FlightInfo info =
          sql.execute(
              "SELECT h.household_key, r.range FROM fact_household_snapshot AS h, range(10000) AS"
                  + " r",
              token);
      long rows = 0;
      Set<String> households = new TreeSet<>();
      try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), token)) {
        assertTrue(stream.next());
        rows += stream.getRoot().getRowCount();
        // a new publish: a fourth household in 丙村
        TwoCounties.publish(
            data,
            "INSERT INTO fact_household_snapshot (period, household_key, village_code, county_code,"
                + " identified_year, poverty_cause, status, member_count, per_capita_income,"
                + " food_clothing_secure, education_secure, medical_secure, housing_secure,"
                + " drinking_water_secure, relocated, carried_forward) VALUES ('2019-12-01', 'c4',"
                + " '510802100001', '510802', 2014, '因病', '未脱贫', 1, 2000, true, true, true,"
                + " true, true, false, false)");
        do {
          for (int i = 0; i < stream.getRoot().getRowCount(); i++) {
            households.add(stream.getRoot().getVector(0).getObject(i).toString());
          }
        } while (stream.next() && (rows += stream.getRoot().getRowCount()) > 0);
      }
      assertEquals(30_000, rows);
      assertEquals(Set.of("c1", "c2", "c3"), households);
      assertEquals(4, count(sql, "SELECT * FROM fact_household_snapshot", token));
    }
  }

  @Test
  void everyStatementIsAuditedWithoutItsTextOrValues() throws Exception {
    String answered = "SELECT region_name FROM dim_region WHERE region_level = 'village'";
    String refused = "SELECT * FROM fact_household_snapshot";
    try (Connection c = jdbc(ANALYST, PASSWORD)) {
      assertEquals(List.of("甲村", "乙村"), rows(c, answered + " ORDER BY region_code"));
      assertThrows(SQLException.class, () -> rows(c, refused));
    }
    List<JsonNode> lines = new ArrayList<>();
    Path log = data.resolve("restricted").resolve("audit").resolve("queries.jsonl");
    for (String line : Files.readAllLines(log)) {
      lines.add(new ObjectMapper().readTree(line));
    }
    JsonNode ok = last(lines, AuditLog.sha256(answered + " ORDER BY region_code"));
    assertEquals(ANALYST, ok.get("user").asText());
    assertEquals("answered", ok.get("outcome").asText());
    assertEquals(2, ok.get("rows").asLong());
    JsonNode no = last(lines, AuditLog.sha256(refused));
    assertTrue(no.get("refused").asBoolean());
    String text = Files.readString(log);
    for (String value : List.of("甲村", "乙村", "region_name", "fact_household_snapshot")) {
      assertTrue(!text.contains(value), "the audit log holds " + value);
    }
    for (JsonNode line : lines) {
      List<String> fields = new ArrayList<>();
      line.fieldNames().forEachRemaining(fields::add);
      assertEquals(
          List.of("time", "user", "statement_sha256", "outcome", "refused", "rows", "millis"),
          fields);
    }
  }

  private static JsonNode last(List<JsonNode> lines, String hash) {
    JsonNode found = null;
    for (JsonNode line : lines) {
      if (line.get("statement_sha256").asText().equals(hash)) {
        found = line;
      }
    }
    assertTrue(found != null, "no audit line for " + hash);
    return found;
  }

  private static FlightClient client(BufferAllocator allocator) throws Exception {
    try (InputStream certificate = Files.newInputStream(tls.certificate())) {
      return FlightClient.builder(allocator, Location.forGrpcTls("localhost", server.port()))
          .trustedCertificates(certificate)
          .build();
    }
  }

  private static long count(FlightSqlClient sql, String query, CallOption token) throws Exception {
    FlightInfo info = sql.execute(query, token);
    long rows = 0;
    try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), token)) {
      while (stream.next()) {
        rows += stream.getRoot().getRowCount();
      }
    }
    return rows;
  }
}
