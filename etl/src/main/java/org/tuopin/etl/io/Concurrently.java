package org.tuopin.etl.io;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a month's independent steps (writing one table each) side by side. Each is a few small Spark
 * jobs whose planning on the driver can overlap another's tasks on the executors. The first failure
 * is rethrown once every step has ended, so none is left running behind an error.
 */
public final class Concurrently {
  private static final int THREADS = 3;

  private Concurrently() {}

  public static void run(List<Runnable> steps) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread thread = new Thread(r, "refresh-step");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<?>> pending = new ArrayList<>();
      steps.forEach(step -> pending.add(pool.submit(step)));
      RuntimeException first = null;
      for (Future<?> step : pending) {
        try {
          step.get();
        } catch (ExecutionException e) {
          RuntimeException failure =
              e.getCause() instanceof RuntimeException r
                  ? r
                  : new IllegalStateException(e.getCause());
          if (first == null) {
            first = failure;
          } else {
            first.addSuppressed(failure);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted during a refresh step", e);
        }
      }
      if (first != null) {
        throw first;
      }
    } finally {
      pool.shutdown();
    }
  }
}
