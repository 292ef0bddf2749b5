package org.tuopin.server;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.FlightSqlProducer;
import org.apache.arrow.flight.sql.NoOpFlightSqlProducer;
import org.apache.arrow.flight.sql.SqlInfoBuilder;
import org.apache.arrow.flight.sql.impl.FlightSql;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBResultSet;
import org.tuopin.warehouse.ReadOnlyQueries;

/**
 * Flight SQL over the published warehouse: statements and prepared statements (what ADBC and the
 * JDBC driver send), and the catalog calls BI tools browse with. A statement is checked ({@link
 * QueryGuard}) and its result's schema worked out when it is sent (nothing runs); it runs when its
 * result is fetched ({@link Execution}), so a result asked for and never fetched holds no slot: it
 * is dropped after {@code serve.unfetchedSeconds}. Every statement gets exactly one line in the
 * audit log, whatever became of it.
 */
final class TuopinFlightSqlProducer extends NoOpFlightSqlProducer {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A statement checked and waiting for its result to be fetched. */
  private record Pending(Users.User user, String sql, Instant asked) {}

  /** A prepared statement: its text and result schema, for its user. */
  private record Prepared(String user, String sql, Schema schema) {}

  private final BufferAllocator allocator;
  private final TokenAuthenticator sessions;
  private final Publishes publishes;
  private final AuditLog audit;
  private final ServerSettings settings;
  private final Execution execution;
  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);
  private final Map<ByteString, Prepared> prepared = new ConcurrentHashMap<>();
  private final Map<ByteString, Pending> pending = new ConcurrentHashMap<>();
  private final SqlInfoBuilder sqlInfo;

  TuopinFlightSqlProducer(
      BufferAllocator allocator,
      TokenAuthenticator sessions,
      Publishes publishes,
      AuditLog audit,
      ServerSettings settings,
      String version) {
    this.allocator = allocator;
    this.sessions = sessions;
    this.publishes = publishes;
    this.audit = audit;
    this.settings = settings;
    QuerySlots slots =
        new QuerySlots(
            settings.maxConcurrentQueries(),
            settings.maxQueriesPerUser(),
            Duration.ofSeconds(settings.queueSeconds()));
    this.execution = new Execution(settings, slots, publishes, allocator, timer);
    this.sqlInfo =
        new SqlInfoBuilder()
            .withFlightSqlServerName("Tuopin")
            .withFlightSqlServerVersion(version)
            .withFlightSqlServerArrowVersion("18.3.0")
            .withFlightSqlServerReadOnly(true)
            .withFlightSqlServerSql(true);
    timer.scheduleWithFixedDelay(this::dropUnfetched, 1, 1, TimeUnit.SECONDS);
  }

  // --- statements

  @Override
  public void createPreparedStatement(
      FlightSql.ActionCreatePreparedStatementRequest request,
      CallContext context,
      StreamListener<Result> listener) {
    Users.User user = user(context);
    Schema schema;
    try {
      schema = checkedSchema(user, request.getQuery());
    } catch (FlightRuntimeException e) {
      listener.onError(e);
      return;
    }
    ByteString handle = newHandle();
    prepared.put(handle, new Prepared(user.name(), request.getQuery(), schema));
    FlightSql.ActionCreatePreparedStatementResult result =
        FlightSql.ActionCreatePreparedStatementResult.newBuilder()
            .setPreparedStatementHandle(handle)
            .setDatasetSchema(ByteString.copyFrom(serialize(schema)))
            .build();
    listener.onNext(new Result(Any.pack(result).toByteArray()));
    listener.onCompleted();
  }

  @Override
  public void closePreparedStatement(
      FlightSql.ActionClosePreparedStatementRequest request,
      CallContext context,
      StreamListener<Result> listener) {
    prepared.remove(request.getPreparedStatementHandle());
    listener.onCompleted();
  }

  @Override
  public FlightInfo getFlightInfoPreparedStatement(
      FlightSql.CommandPreparedStatementQuery command,
      CallContext context,
      FlightDescriptor descriptor) {
    Users.User user = user(context);
    Prepared statement = prepared.get(command.getPreparedStatementHandle());
    if (statement == null || !statement.user().equals(user.name())) {
      throw CallStatus.NOT_FOUND.withDescription("no such prepared statement").toRuntimeException();
    }
    return pend(user, statement.sql(), statement.schema(), descriptor);
  }

  @Override
  public FlightInfo getFlightInfoStatement(
      FlightSql.CommandStatementQuery command, CallContext context, FlightDescriptor descriptor) {
    Users.User user = user(context);
    return pend(user, command.getQuery(), checkedSchema(user, command.getQuery()), descriptor);
  }

  @Override
  public void getStreamStatement(
      FlightSql.TicketStatementQuery ticket, CallContext context, ServerStreamListener listener) {
    Users.User user = user(context);
    Pending statement = pending.remove(ticket.getStatementHandle());
    if (statement == null || !statement.user().name().equals(user.name())) {
      listener.error(
          CallStatus.NOT_FOUND
              .withDescription(
                  "no such result (a result not fetched within "
                      + settings.unfetchedSeconds()
                      + " s, serve.unfetchedSeconds, is dropped): send the query again")
              .toRuntimeException());
      return;
    }
    Instant started = Instant.now();
    Execution.Outcome outcome = execution.run(user, statement.sql(), listener);
    audit.record(
        user.name(), statement.sql(), outcome.outcome(), outcome.rows(), millisSince(started));
  }

  /** Keeps a checked statement for its fetch, and names it in the FlightInfo's ticket. */
  private FlightInfo pend(Users.User user, String sql, Schema schema, FlightDescriptor descriptor) {
    ByteString handle = newHandle();
    pending.put(handle, new Pending(user, sql, Instant.now()));
    Ticket ticket =
        new Ticket(
            Any.pack(FlightSql.TicketStatementQuery.newBuilder().setStatementHandle(handle).build())
                .toByteArray());
    return new FlightInfo(schema, descriptor, List.of(new FlightEndpoint(ticket)), -1, -1);
  }

  /**
   * The statement's result schema, once it passed the guard (nothing runs: DuckDB answers a LIMIT 0
   * without running the query); a refusal or an error is audited and thrown for the client.
   */
  private Schema checkedSchema(Users.User user, String sql) {
    Instant started = Instant.now();
    try (Publishes.Lease lease = publishes.lease(user);
        Connection connection = lease.warehouse().connect()) {
      QueryGuard.check(connection, sql, lease.warehouse().served());
      return schemaOf(connection, sql);
    } catch (ReadOnlyQueries.RefusedStatement e) {
      audit.record(user.name(), sql, AuditLog.Outcome.REFUSED, 0, millisSince(started));
      throw CallStatus.INVALID_ARGUMENT.withDescription(e.getMessage()).toRuntimeException();
    } catch (SQLException | RuntimeException e) {
      audit.record(user.name(), sql, AuditLog.Outcome.FAILED, 0, millisSince(started));
      // a binding error: it names columns and tables, never a row's value (nothing ran)
      throw CallStatus.INVALID_ARGUMENT
          .withDescription(Execution.firstLine(e))
          .toRuntimeException();
    }
  }

  /** Results asked for and not fetched in time: dropped, and audited as such. */
  private void dropUnfetched() {
    Instant limit = Instant.now().minusSeconds(settings.unfetchedSeconds());
    pending
        .entrySet()
        .removeIf(
            e -> {
              Pending p = e.getValue();
              if (p.asked().isBefore(limit)) {
                audit.record(
                    p.user().name(),
                    p.sql(),
                    AuditLog.Outcome.UNFETCHED,
                    0,
                    millisSince(p.asked()));
                return true;
              }
              return false;
            });
  }

  /** The result's Arrow schema, from the statement bound but not run. */
  private Schema schemaOf(Connection c, String sql) throws SQLException {
    try (PreparedStatement empty = c.prepareStatement(Execution.capped(sql, 0));
        ResultSet r = empty.executeQuery();
        ArrowReader reader = (ArrowReader) ((DuckDBResultSet) r).arrowExportStream(allocator, 1)) {
      return reader.getVectorSchemaRoot().getSchema();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- catalog calls (DBeaver's navigator, ADBC's get_objects)

  @Override
  public FlightInfo getFlightInfoSqlInfo(
      FlightSql.CommandGetSqlInfo request, CallContext context, FlightDescriptor descriptor) {
    return info(request, descriptor, FlightSqlProducer.Schemas.GET_SQL_INFO_SCHEMA);
  }

  @Override
  public void getStreamSqlInfo(
      FlightSql.CommandGetSqlInfo command, CallContext context, ServerStreamListener listener) {
    sqlInfo.send(command.getInfoList(), listener);
  }

  @Override
  public FlightInfo getFlightInfoCatalogs(
      FlightSql.CommandGetCatalogs request, CallContext context, FlightDescriptor descriptor) {
    return info(request, descriptor, FlightSqlProducer.Schemas.GET_CATALOGS_SCHEMA);
  }

  @Override
  public void getStreamCatalogs(CallContext context, ServerStreamListener listener) {
    send(FlightSqlProducer.Schemas.GET_CATALOGS_SCHEMA, 0, root -> {}, listener);
  }

  @Override
  public FlightInfo getFlightInfoSchemas(
      FlightSql.CommandGetDbSchemas request, CallContext context, FlightDescriptor descriptor) {
    return info(request, descriptor, FlightSqlProducer.Schemas.GET_SCHEMAS_SCHEMA);
  }

  @Override
  public void getStreamSchemas(
      FlightSql.CommandGetDbSchemas command, CallContext context, ServerStreamListener listener) {
    send(
        FlightSqlProducer.Schemas.GET_SCHEMAS_SCHEMA,
        1,
        root -> {
          ((VarCharVector) root.getVector("db_schema_name")).setSafe(0, text("main"));
          root.getVector("catalog_name").setNull(0);
        },
        listener);
  }

  @Override
  public FlightInfo getFlightInfoTableTypes(
      FlightSql.CommandGetTableTypes request, CallContext context, FlightDescriptor descriptor) {
    return info(request, descriptor, FlightSqlProducer.Schemas.GET_TABLE_TYPES_SCHEMA);
  }

  @Override
  public void getStreamTableTypes(CallContext context, ServerStreamListener listener) {
    send(
        FlightSqlProducer.Schemas.GET_TABLE_TYPES_SCHEMA,
        1,
        root -> ((VarCharVector) root.getVector("table_type")).setSafe(0, text("TABLE")),
        listener);
  }

  /** A catalog call's answer: {@code rows} rows that {@code fill} writes, in one batch. */
  private void send(
      Schema schema, int rows, Consumer<VectorSchemaRoot> fill, ServerStreamListener listener) {
    try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
      listener.start(root);
      fill.accept(root);
      root.setRowCount(rows);
      listener.putNext();
      listener.completed();
    }
  }

  @Override
  public FlightInfo getFlightInfoTables(
      FlightSql.CommandGetTables request, CallContext context, FlightDescriptor descriptor) {
    return info(
        request,
        descriptor,
        request.getIncludeSchema()
            ? FlightSqlProducer.Schemas.GET_TABLES_SCHEMA
            : FlightSqlProducer.Schemas.GET_TABLES_SCHEMA_NO_SCHEMA);
  }

  /** The user's served relations, all views of schema main (name filters are for the client). */
  @Override
  public void getStreamTables(
      FlightSql.CommandGetTables command, CallContext context, ServerStreamListener listener) {
    Users.User user = user(context);
    Schema schema =
        command.getIncludeSchema()
            ? FlightSqlProducer.Schemas.GET_TABLES_SCHEMA
            : FlightSqlProducer.Schemas.GET_TABLES_SCHEMA_NO_SCHEMA;
    try (Publishes.Lease lease = publishes.lease(user);
        Connection c = lease.warehouse().connect();
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
      List<String> names = List.copyOf(lease.warehouse().served());
      for (int i = 0; i < names.size(); i++) {
        root.getVector("catalog_name").setNull(i);
        ((VarCharVector) root.getVector("db_schema_name")).setSafe(i, text("main"));
        ((VarCharVector) root.getVector("table_name")).setSafe(i, text(names.get(i)));
        ((VarCharVector) root.getVector("table_type")).setSafe(i, text("TABLE"));
        if (command.getIncludeSchema()) {
          ((VarBinaryVector) root.getVector("table_schema"))
              .setSafe(i, serialize(schemaOf(c, "SELECT * FROM " + names.get(i))));
        }
      }
      root.setRowCount(names.size());
      listener.start(root);
      listener.putNext();
      listener.completed();
    } catch (SQLException e) {
      listener.error(
          CallStatus.INTERNAL.withDescription(Execution.firstLine(e)).toRuntimeException());
    }
  }

  private static FlightInfo info(Message request, FlightDescriptor descriptor, Schema schema) {
    return new FlightInfo(
        schema,
        descriptor,
        List.of(new FlightEndpoint(new Ticket(Any.pack(request).toByteArray()))),
        -1,
        -1);
  }

  // --- helpers

  /** The signed-in user, as the session was issued for (a removed or changed user is refused). */
  private Users.User user(CallContext context) {
    return sessions.userOf(context.peerIdentity());
  }

  private static ByteString newHandle() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return ByteString.copyFrom(bytes);
  }

  private static byte[] serialize(Schema schema) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      MessageSerializer.serialize(new WriteChannel(Channels.newChannel(out)), schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] text(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static long millisSince(Instant started) {
    return Duration.between(started, Instant.now()).toMillis();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    pending.clear();
  }
}
