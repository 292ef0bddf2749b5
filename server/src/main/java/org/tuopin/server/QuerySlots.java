package org.tuopin.server;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Who may run a query now: at most {@code perUser} of one user's queries and {@code total} of all
 * users' run (or stream) at once. A query waits for its user's turn first, so that one user's queue
 * never holds a slot another user could use; it gives up after {@code wait}.
 */
final class QuerySlots {
  /** A query's hold on its slots, given back once by {@link #close}. */
  final class Held implements AutoCloseable {
    private final Semaphore user;
    private boolean closed;

    private Held(Semaphore user) {
      this.user = user;
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        total.release();
        user.release();
      }
    }
  }

  private final Semaphore total;
  private final int perUser;
  private final Duration wait;
  private final Map<String, Semaphore> users = new ConcurrentHashMap<>();

  QuerySlots(int total, int perUser, Duration wait) {
    this.total = new Semaphore(total, true);
    this.perUser = perUser;
    this.wait = wait;
  }

  /** Both slots for one query of {@code user}, or none when the wait ran out. */
  Optional<Held> acquire(String user) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    Semaphore own = users.computeIfAbsent(user, u -> new Semaphore(perUser, true));
    if (!own.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
      return Optional.empty();
    }
    if (!total.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
      own.release();
      return Optional.empty();
    }
    return Optional.of(new Held(own));
  }
}
