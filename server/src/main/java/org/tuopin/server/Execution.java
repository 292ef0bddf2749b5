package org.tuopin.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * One statement run, from its FlightInfo to the end of its stream: everything it holds, released
 * once, in the order the result needs (the Arrow reader before DuckDB's result, the query slot
 * last).
 */
final class Execution implements AutoCloseable {
  final Users.User user;
  final String sql;
  final Instant started;
  final ArrowReader reader;
  private final ResultSet result;
  private final PreparedStatement statement;
  private final Connection connection;
  private final Publishes.Lease lease;
  private final Semaphore slots;
  private final ScheduledFuture<?> timeout;
  private boolean closed;

  Execution(
      Users.User user,
      String sql,
      Instant started,
      ArrowReader reader,
      ResultSet result,
      PreparedStatement statement,
      Connection connection,
      Publishes.Lease lease,
      Semaphore slots,
      ScheduledFuture<?> timeout) {
    this.user = user;
    this.sql = sql;
    this.started = started;
    this.reader = reader;
    this.result = result;
    this.statement = statement;
    this.connection = connection;
    this.lease = lease;
    this.slots = slots;
    this.timeout = timeout;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    timeout.cancel(false);
    List<Exception> failures = new ArrayList<>();
    for (AutoCloseable resource : new AutoCloseable[] {reader, result, statement, connection}) {
      try {
        resource.close();
      } catch (Exception e) {
        failures.add(e);
      }
    }
    lease.close();
    slots.release();
    if (!failures.isEmpty()) {
      throw new IllegalStateException("Cannot release a query's resources", failures.get(0));
    }
  }
}
