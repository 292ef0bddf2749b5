package org.tuopin.server;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
 * JDBC driver send), and the catalog calls BI tools browse with. Each statement is checked ({@link
 * QueryGuard}) and run on the user's scoped warehouse of the latest publish, within the limits of
 * {@link ServerSettings}, and audited.
 */
final class TuopinFlightSqlProducer extends NoOpFlightSqlProducer {
  private static final int BATCH_ROWS = 8192;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * A prepared statement: its first execution is run when it is prepared (the client needs the
   * result's schema, which DuckDB gives by running it), and handed to the first execute.
   */
  private record Prepared(String user, String sql, AtomicReference<FlightInfo> firstRun) {}

  private final BufferAllocator allocator;
  private final Users users;
  private final Publishes publishes;
  private final AuditLog audit;
  private final ServerSettings settings;
  private final Semaphore slots;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final Map<ByteString, Prepared> prepared = new ConcurrentHashMap<>();
  private final Map<ByteString, Execution> executions = new ConcurrentHashMap<>();
  private final SqlInfoBuilder sqlInfo;

  TuopinFlightSqlProducer(
      BufferAllocator allocator,
      Users users,
      Publishes publishes,
      AuditLog audit,
      ServerSettings settings,
      String version) {
    this.allocator = allocator;
    this.users = users;
    this.publishes = publishes;
    this.audit = audit;
    this.settings = settings;
    this.slots = new Semaphore(settings.maxConcurrentQueries(), true);
    this.sqlInfo =
        new SqlInfoBuilder()
            .withFlightSqlServerName("Tuopin")
            .withFlightSqlServerVersion(version)
            .withFlightSqlServerArrowVersion("18.3.0")
            .withFlightSqlServerReadOnly(true)
            .withFlightSqlServerSql(true);
    // a FlightInfo whose stream is never fetched gives its slot back after the timeout
    Duration abandoned = settings.queryTimeout().plusSeconds(30);
    timer.scheduleWithFixedDelay(() -> dropAbandoned(abandoned), 10, 10, TimeUnit.SECONDS);
  }

  // --- statements

  @Override
  public void createPreparedStatement(
      FlightSql.ActionCreatePreparedStatementRequest request,
      CallContext context,
      StreamListener<Result> listener) {
    Users.User user = user(context);
    FlightInfo firstRun;
    try {
      firstRun = execute(user, request.getQuery(), FlightDescriptor.command(new byte[0]));
    } catch (FlightRuntimeException e) {
      listener.onError(e);
      return;
    }
    ByteString handle = newHandle();
    prepared.put(
        handle, new Prepared(user.name(), request.getQuery(), new AtomicReference<>(firstRun)));
    FlightSql.ActionCreatePreparedStatementResult result =
        FlightSql.ActionCreatePreparedStatementResult.newBuilder()
            .setPreparedStatementHandle(handle)
            .setDatasetSchema(
                ByteString.copyFrom(serialize(firstRun.getSchemaOptional().orElseThrow())))
            .build();
    listener.onNext(new Result(Any.pack(result).toByteArray()));
    listener.onCompleted();
  }

  @Override
  public void closePreparedStatement(
      FlightSql.ActionClosePreparedStatementRequest request,
      CallContext context,
      StreamListener<Result> listener) {
    Prepared statement = prepared.remove(request.getPreparedStatementHandle());
    if (statement != null) {
      FlightInfo unused = statement.firstRun().getAndSet(null);
      if (unused != null) {
        Execution execution = executions.remove(statementHandle(unused));
        if (execution != null) {
          execution.close();
        }
      }
    }
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
    FlightInfo firstRun = statement.firstRun().getAndSet(null);
    if (firstRun != null) {
      return new FlightInfo(
          firstRun.getSchemaOptional().orElseThrow(), descriptor, firstRun.getEndpoints(), -1, -1);
    }
    return execute(user, statement.sql(), descriptor);
  }

  /** The handle of the result a FlightInfo's ticket names. */
  private static ByteString statementHandle(FlightInfo info) {
    try {
      return Any.parseFrom(info.getEndpoints().get(0).getTicket().getBytes())
          .unpack(FlightSql.TicketStatementQuery.class)
          .getStatementHandle();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("A ticket of this server's is not a TicketStatementQuery", e);
    }
  }

  @Override
  public FlightInfo getFlightInfoStatement(
      FlightSql.CommandStatementQuery command, CallContext context, FlightDescriptor descriptor) {
    return execute(user(context), command.getQuery(), descriptor);
  }

  @Override
  public void getStreamStatement(
      FlightSql.TicketStatementQuery ticket, CallContext context, ServerStreamListener listener) {
    Execution execution = executions.remove(ticket.getStatementHandle());
    if (execution == null || !execution.user.name().equals(context.peerIdentity())) {
      listener.error(CallStatus.NOT_FOUND.withDescription("no such result").toRuntimeException());
      return;
    }
    try (execution) {
      stream(execution, listener);
    }
  }

  private void stream(Execution execution, ServerStreamListener listener) {
    long rows = 0;
    try {
      VectorSchemaRoot root = execution.reader.getVectorSchemaRoot();
      listener.start(root);
      while (execution.reader.loadNextBatch()) {
        rows += root.getRowCount();
        if (rows > settings.maxRows()) {
          finish(execution, AuditLog.Outcome.TOO_MANY_ROWS, 0);
          listener.error(
              CallStatus.INVALID_ARGUMENT
                  .withDescription(
                      "the result has more than "
                          + settings.maxRows()
                          + " rows (serve.maxRows): aggregate, or add a LIMIT")
                  .toRuntimeException());
          return;
        }
        listener.putNext();
      }
      listener.completed();
      finish(execution, AuditLog.Outcome.ANSWERED, rows);
    } catch (IOException e) {
      finish(execution, AuditLog.Outcome.FAILED, rows);
      listener.error(
          CallStatus.INTERNAL
              .withDescription("the result could not be sent")
              .withCause(e)
              .toRuntimeException());
    }
  }

  private void finish(Execution execution, AuditLog.Outcome outcome, long rows) {
    audit.record(
        execution.user.name(),
        execution.sql,
        outcome,
        rows,
        Duration.between(execution.started, Instant.now()).toMillis());
  }

  /**
   * Checks and runs a statement, holding one of the query slots, and keeps its result for the
   * stream the returned FlightInfo names.
   */
  private FlightInfo execute(Users.User user, String sql, FlightDescriptor descriptor) {
    Instant started = Instant.now();
    if (!acquireSlot()) {
      audit.record(user.name(), sql, AuditLog.Outcome.BUSY, 0, 0);
      throw CallStatus.RESOURCE_EXHAUSTED
          .withDescription(
              "the server is busy ("
                  + settings.maxConcurrentQueries()
                  + " queries running, serve.maxConcurrentQueries): try again")
          .toRuntimeException();
    }
    Publishes.Lease lease = null;
    Connection connection = null;
    PreparedStatement statement = null;
    ResultSet result = null;
    ScheduledFuture<?> timeout = null;
    AtomicBoolean timedOut = new AtomicBoolean();
    try {
      lease = publishes.lease(user);
      connection = lease.warehouse().connect();
      QueryGuard.check(connection, sql, lease.warehouse().served());
      // the cap is in the query, so that DuckDB never builds a result longer than it
      statement = connection.prepareStatement(capped(sql, settings.maxRows() + 1));
      PreparedStatement running = statement;
      timeout =
          timer.schedule(
              () -> cancel(running, timedOut), settings.queryTimeoutSeconds(), TimeUnit.SECONDS);
      result = statement.executeQuery();
      ArrowReader reader =
          (ArrowReader) ((DuckDBResultSet) result).arrowExportStream(allocator, BATCH_ROWS);
      Execution execution =
          new Execution(
              user, sql, started, reader, result, statement, connection, lease, slots, timeout);
      ByteString handle = newHandle();
      executions.put(handle, execution);
      Ticket ticket =
          new Ticket(
              Any.pack(
                      FlightSql.TicketStatementQuery.newBuilder()
                          .setStatementHandle(handle)
                          .build())
                  .toByteArray());
      return new FlightInfo(
          reader.getVectorSchemaRoot().getSchema(),
          descriptor,
          List.of(new FlightEndpoint(ticket)),
          -1,
          -1);
    } catch (ReadOnlyQueries.RefusedStatement e) {
      release(result, statement, connection, lease, timeout);
      audit.record(user.name(), sql, AuditLog.Outcome.REFUSED, 0, millisSince(started));
      throw CallStatus.INVALID_ARGUMENT.withDescription(e.getMessage()).toRuntimeException();
    } catch (SQLException | IOException | RuntimeException e) {
      boolean ran = result != null || statement != null;
      release(result, statement, connection, lease, timeout);
      if (timedOut.get()) {
        audit.record(user.name(), sql, AuditLog.Outcome.TIMED_OUT, 0, millisSince(started));
        throw CallStatus.TIMED_OUT
            .withDescription(
                "the query ran longer than "
                    + settings.queryTimeoutSeconds()
                    + " s (serve.queryTimeoutSeconds) and was cancelled")
            .toRuntimeException();
      }
      audit.record(user.name(), sql, AuditLog.Outcome.FAILED, 0, millisSince(started));
      // a binding error names columns and tables; an error while running can quote a value
      // of a row outside the scope (a failed cast is evaluated before the scope's filter)
      String description =
          ran
              ? "the query failed while running (a conversion or arithmetic error, say): the"
                  + " details are not returned, since they can quote data"
              : firstLine(e);
      throw CallStatus.INVALID_ARGUMENT.withDescription(description).toRuntimeException();
    }
  }

  private boolean acquireSlot() {
    try {
      return slots.tryAcquire(settings.queueSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void cancel(PreparedStatement statement, AtomicBoolean timedOut) {
    timedOut.set(true);
    try {
      statement.cancel();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot cancel a query past its timeout", e);
    }
  }

  private void release(
      ResultSet result,
      PreparedStatement statement,
      Connection connection,
      Publishes.Lease lease,
      ScheduledFuture<?> timeout) {
    if (timeout != null) {
      timeout.cancel(false);
    }
    for (AutoCloseable resource : new AutoCloseable[] {result, statement, connection, lease}) {
      if (resource != null) {
        try {
          resource.close();
        } catch (Exception e) {
          e.addSuppressed(new IllegalStateException("while releasing a failed query"));
          throw new IllegalStateException("Cannot release a failed query", e);
        }
      }
    }
    slots.release();
  }

  private void dropAbandoned(Duration abandoned) {
    Instant limit = Instant.now().minus(abandoned);
    executions
        .entrySet()
        .removeIf(
            e -> {
              if (e.getValue().started.isBefore(limit)) {
                e.getValue().close();
                return true;
              }
              return false;
            });
  }

  private static String capped(String sql, long rows) {
    return "SELECT * FROM (\n" + sql + "\n) LIMIT " + rows;
  }

  /** The result's Arrow schema, from the statement bound but not run. */
  private Schema schemaOf(Connection c, String sql) throws SQLException {
    try (PreparedStatement empty = c.prepareStatement(capped(sql, 0));
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
        root -> ((VarCharVector) root.getVector("table_type")).setSafe(0, text("VIEW")),
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
        ((VarCharVector) root.getVector("table_type")).setSafe(i, text("VIEW"));
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
      listener.error(CallStatus.INTERNAL.withDescription(firstLine(e)).toRuntimeException());
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

  /** The signed-in user, as the users file has them now (a removed user is refused). */
  private Users.User user(CallContext context) {
    return users
        .find(context.peerIdentity())
        .orElseThrow(
            () ->
                CallStatus.UNAUTHENTICATED
                    .withDescription("the user no longer exists")
                    .toRuntimeException());
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

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    return message.lines().findFirst().orElse(message);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    executions.values().forEach(Execution::close);
    executions.clear();
  }
}
