package org.tuopin.server;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;
import org.tuopin.warehouse.ReadOnlyQueries;

/**
 * One statement run, when its result is fetched: it waits for its slots ({@link QuerySlots}), runs
 * on the user's extract of the latest publish, and streams its rows as the client takes them (a
 * batch is put only when the client is ready for it), within the time and row limits; everything is
 * released at the end, whatever happened, and the outcome returned for the audit log with the rows
 * actually sent.
 */
final class Execution {
  private static final int BATCH_ROWS = 8192;

  /** What became of the run, and how many rows reached the client. */
  record Outcome(AuditLog.Outcome outcome, long rows) {}

  private final ServerSettings settings;
  private final QuerySlots slots;
  private final Publishes publishes;
  private final BufferAllocator allocator;
  private final ScheduledExecutorService timer;

  Execution(
      ServerSettings settings,
      QuerySlots slots,
      Publishes publishes,
      BufferAllocator allocator,
      ScheduledExecutorService timer) {
    this.settings = settings;
    this.slots = slots;
    this.publishes = publishes;
    this.allocator = allocator;
    this.timer = timer;
  }

  /** Runs {@code sql} for {@code user} and streams it to {@code listener}; never throws. */
  Outcome run(Users.User user, String sql, ServerStreamListener listener) {
    Optional<QuerySlots.Held> held = slots(user);
    if (held.isEmpty()) {
      listener.error(
          CallStatus.RESOURCE_EXHAUSTED
              .withDescription(
                  "the server is busy (serve.maxConcurrentQueries "
                      + settings.maxConcurrentQueries()
                      + ", serve.maxQueriesPerUser "
                      + settings.maxQueriesPerUser()
                      + "): try again")
              .toRuntimeException());
      return new Outcome(AuditLog.Outcome.BUSY, 0);
    }
    try {
      return runHolding(user, sql, listener);
    } finally {
      held.get().close();
    }
  }

  private Optional<QuerySlots.Held> slots(Users.User user) {
    try {
      return slots.acquire(user.name());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private Outcome runHolding(Users.User user, String sql, ServerStreamListener listener) {
    AtomicBoolean timedOut = new AtomicBoolean();
    Instant deadline = Instant.now().plus(settings.queryTimeout());
    ScheduledFuture<?> timeout = null;
    boolean ran = false;
    try (Publishes.Lease lease = publishes.lease(user);
        Connection connection = lease.warehouse().connect()) {
      QueryGuard.check(connection, sql, lease.warehouse().served());
      // the cap is in the query, so that DuckDB never builds a result longer than it
      try (PreparedStatement statement =
          connection.prepareStatement(capped(sql, settings.maxRows() + 1))) {
        timeout =
            timer.schedule(
                () -> cancel(statement, timedOut),
                settings.queryTimeoutSeconds(),
                TimeUnit.SECONDS);
        ran = true;
        try (ResultSet result = statement.executeQuery();
            ArrowReader reader =
                (ArrowReader) ((DuckDBResultSet) result).arrowExportStream(allocator, BATCH_ROWS)) {
          return stream(reader, listener, deadline);
        }
      }
    } catch (ReadOnlyQueries.RefusedStatement e) {
      listener.error(
          CallStatus.INVALID_ARGUMENT.withDescription(e.getMessage()).toRuntimeException());
      return new Outcome(AuditLog.Outcome.REFUSED, 0);
    } catch (SQLException | IOException | RuntimeException e) {
      if (timedOut.get()) {
        listener.error(timedOutError());
        return new Outcome(AuditLog.Outcome.TIMED_OUT, 0);
      }
      // a binding error names columns and tables; an error while running can quote a value
      String description =
          ran
              ? "the query failed while running (a conversion or arithmetic error, say): the"
                  + " details are not returned, since they can quote data"
              : firstLine(e);
      listener.error(CallStatus.INVALID_ARGUMENT.withDescription(description).toRuntimeException());
      return new Outcome(AuditLog.Outcome.FAILED, 0);
    } finally {
      if (timeout != null) {
        timeout.cancel(false);
      }
    }
  }

  /** Puts each batch once the client can take it; counts the rows put. */
  private Outcome stream(ArrowReader reader, ServerStreamListener listener, Instant deadline)
      throws IOException {
    VectorSchemaRoot root = reader.getVectorSchemaRoot();
    listener.start(root);
    long sent = 0;
    while (reader.loadNextBatch()) {
      if (sent + root.getRowCount() > settings.maxRows()) {
        listener.error(
            CallStatus.INVALID_ARGUMENT
                .withDescription(
                    "the result has more than "
                        + settings.maxRows()
                        + " rows (serve.maxRows): aggregate, or add a LIMIT")
                .toRuntimeException());
        return new Outcome(AuditLog.Outcome.TOO_MANY_ROWS, sent);
      }
      Optional<AuditLog.Outcome> notReady = awaitReady(listener, deadline);
      if (notReady.isPresent()) {
        if (notReady.get() == AuditLog.Outcome.TIMED_OUT) {
          listener.error(timedOutError());
        }
        return new Outcome(notReady.get(), sent);
      }
      listener.putNext();
      sent += root.getRowCount();
    }
    listener.completed();
    return new Outcome(AuditLog.Outcome.ANSWERED, sent);
  }

  /**
   * Waits until the client can take a batch: nothing when it can, else why not (it went away, or
   * the time is up). Polled, since gRPC's readiness callbacks are not all delivered to Flight's
   * listener (a cancelled stream's, for one).
   */
  private static Optional<AuditLog.Outcome> awaitReady(
      ServerStreamListener listener, Instant deadline) {
    while (!listener.isReady()) {
      if (listener.isCancelled()) {
        return Optional.of(AuditLog.Outcome.CANCELLED);
      }
      if (Instant.now().isAfter(deadline)) {
        return Optional.of(AuditLog.Outcome.TIMED_OUT);
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.of(AuditLog.Outcome.CANCELLED);
      }
    }
    return listener.isCancelled() ? Optional.of(AuditLog.Outcome.CANCELLED) : Optional.empty();
  }

  private RuntimeException timedOutError() {
    return CallStatus.TIMED_OUT
        .withDescription(
            "the query ran longer than "
                + settings.queryTimeoutSeconds()
                + " s (serve.queryTimeoutSeconds) and was cancelled")
        .toRuntimeException();
  }

  private static void cancel(PreparedStatement statement, AtomicBoolean timedOut) {
    timedOut.set(true);
    try {
      statement.cancel();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot cancel a query past its timeout", e);
    }
  }

  static String capped(String sql, long rows) {
    return "SELECT * FROM (\n" + sql + "\n) LIMIT " + rows;
  }

  static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    return message.lines().findFirst().orElse(message);
  }
}
