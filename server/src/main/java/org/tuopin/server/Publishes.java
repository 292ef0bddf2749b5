package org.tuopin.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.duckdb.DuckDBConnection;
import org.tuopin.warehouse.DuckDb;
import org.tuopin.warehouse.ProcessScratch;
import org.tuopin.warehouse.QuerySpill;

/**
 * The latest publish, as each scope and role sees it: a generation per publish, with a folder of
 * its own under the server's scratch folder ({@code data/restricted/serve-cache/<pid>/}) holding
 * the publish's suppression pattern and one extract ({@link ScopedWarehouse}) per scope and role,
 * made on first use or when the publish is first seen. A publish replaces the serving file by a
 * rename, so a file that is not the one last seen is a new publish: new queries get the new
 * generation, while queries already running keep the one they started on until the last of them
 * ends; then its extracts are closed and its folder removed.
 */
final class Publishes implements AutoCloseable {
  /** One publish, its suppression pattern and its extracts. */
  private final class Generation {
    final Object fileIdentity;
    final long publishId;
    final Path folder;
    final Map<String, CompletableFuture<ScopedWarehouse>> warehouses = new ConcurrentHashMap<>();
    CompletableFuture<Path> suppressedCells;
    int inFlight;
    boolean retired;

    Generation(Object fileIdentity, long publishId, Path folder) {
      this.fileIdentity = fileIdentity;
      this.publishId = publishId;
      this.folder = folder;
    }

    ScopedWarehouse warehouse(Users.User user) throws SQLException {
      String key = user.scope() + "-" + user.role().label();
      CompletableFuture<ScopedWarehouse> mine = new CompletableFuture<>();
      CompletableFuture<ScopedWarehouse> existing = warehouses.putIfAbsent(key, mine);
      if (existing != null) {
        return await(existing);
      }
      try {
        long started = System.nanoTime();
        Path extract = folder.resolve(key + ".duckdb");
        Path cells = user.role() == Role.ANALYST ? suppressedCells() : null;
        ScopedWarehouse built =
            ScopedWarehouse.build(servingFile, publishId, user, cells, extract, limits);
        log.printf(
            "» publish %d for scope %s (%s): extract made in %.1f s, %d MB%n",
            publishId,
            user.scope(),
            user.role().label(),
            (System.nanoTime() - started) / 1e9,
            Files.size(extract) >> 20);
        mine.complete(built);
        return built;
      } catch (SQLException | IOException | RuntimeException e) {
        warehouses.remove(key, mine);
        mine.completeExceptionally(e);
        if (e instanceof SQLException sql) {
          throw sql;
        }
        throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
      }
    }

    /** The publish's suppression pattern, worked out once. */
    Path suppressedCells() throws SQLException {
      CompletableFuture<Path> mine;
      synchronized (this) {
        if (suppressedCells == null) {
          suppressedCells = new CompletableFuture<>();
          mine = suppressedCells;
        } else {
          return await(suppressedCells);
        }
      }
      Path target = folder.resolve("suppressed-cells.parquet");
      try (Connection c =
          PublishedFile.attach(servingFile, publishId, folder.resolve("spill"), limits)) {
        long started = System.nanoTime();
        long cells = SuppressedCounts.write((DuckDBConnection) c, suppressBelow, target);
        log.printf(
            "» publish %d: %d counts suppressed for analysts, worked out in %.1f s%n",
            publishId, cells, (System.nanoTime() - started) / 1e9);
        mine.complete(target);
        return target;
      } catch (SQLException | RuntimeException e) {
        synchronized (this) {
          suppressedCells = null;
        }
        mine.completeExceptionally(e);
        throw e;
      }
    }

    void closeAll() {
      List<Exception> failures = new ArrayList<>();
      for (CompletableFuture<ScopedWarehouse> w : warehouses.values()) {
        if (w.isDone() && !w.isCompletedExceptionally()) {
          try {
            w.join().close();
          } catch (SQLException e) {
            failures.add(e);
          }
        }
      }
      warehouses.clear();
      ProcessScratch.remove(folder);
      if (!failures.isEmpty()) {
        throw new IllegalStateException("Cannot close a retired publish", failures.get(0));
      }
    }
  }

  /** A query's hold on one publish's extract; closing it lets the publish go. */
  final class Lease implements AutoCloseable {
    private final Generation generation;
    private final ScopedWarehouse warehouse;

    private Lease(Generation generation, ScopedWarehouse warehouse) {
      this.generation = generation;
      this.warehouse = warehouse;
    }

    ScopedWarehouse warehouse() {
      return warehouse;
    }

    @Override
    public void close() {
      release(generation);
    }
  }

  private final Path servingFile;
  private final Path scratch;
  private final int suppressBelow;
  private final ScopedWarehouse.Limits limits;
  private final PrintWriter log;
  private Generation current;
  private long generations;

  /**
   * @param scratch the server's own scratch folder (see {@link ProcessScratch}), removed on close
   * @param log where the making of extracts is reported (the operator's terminal)
   */
  Publishes(
      Path servingFile,
      Path scratch,
      int suppressBelow,
      ScopedWarehouse.Limits limits,
      PrintWriter log) {
    this.servingFile = servingFile;
    this.scratch = scratch;
    this.suppressBelow = suppressBelow;
    this.limits = limits;
    this.log = log;
  }

  /** The user's extract of the latest publish, made first if needed; close the lease after. */
  Lease lease(Users.User user) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      Generation generation = enter();
      try {
        return new Lease(generation, generation.warehouse(user));
      } catch (ScopedWarehouse.PublishChanged e) {
        release(generation);
        if (attempt == 3) {
          throw new IllegalStateException("The publish keeps changing: try again", e);
        }
      } catch (SQLException | RuntimeException e) {
        release(generation);
        throw e;
      }
    }
  }

  /** Makes the extracts of these users for the latest publish now, if they are not made yet. */
  void prepare(List<Users.User> users) throws SQLException {
    for (Users.User user : users) {
      lease(user).close();
    }
  }

  private synchronized Generation enter() throws SQLException {
    Object identity = identity();
    if (current == null || !current.fileIdentity.equals(identity)) {
      if (current != null) {
        current.retired = true;
        closeIfDone(current);
      }
      Path folder = scratch.resolve("publish-" + (++generations));
      try {
        Files.createDirectories(folder);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create " + folder, e);
      }
      current = new Generation(identity, PublishedFile.publishId(servingFile), folder);
    }
    current.inFlight++;
    return current;
  }

  private synchronized void release(Generation generation) {
    generation.inFlight--;
    closeIfDone(generation);
  }

  private void closeIfDone(Generation generation) {
    if (generation.retired && generation.inFlight == 0) {
      generation.closeAll();
    }
  }

  /** The serving file's identity: its inode and modification time. */
  private Object identity() {
    try {
      BasicFileAttributes a = Files.readAttributes(servingFile, BasicFileAttributes.class);
      return List.of(Objects.requireNonNullElse(a.fileKey(), ""), a.lastModifiedTime());
    } catch (NoSuchFileException e) {
      throw new IllegalStateException(
          "Nothing is published at " + servingFile + " yet: run ./tuopin refresh first", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + servingFile, e);
    }
  }

  @Override
  public synchronized void close() {
    if (current != null) {
      current.retired = true;
      closeIfDone(current);
    }
    ProcessScratch.remove(scratch);
  }

  private static <T> T await(CompletableFuture<T> future) throws SQLException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while an extract was being made", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw unchecked(e.getCause());
    }
  }

  private static RuntimeException unchecked(Throwable e) {
    return e instanceof RuntimeException r ? r : new IllegalStateException(e);
  }

  /** The serving file, attached read-only to a connection of the server's own. */
  static final class PublishedFile {
    private PublishedFile() {}

    /** The id of the publish in the file now. */
    static long publishId(Path servingFile) throws SQLException {
      try (Connection c = DuckDb.openInMemory();
          Statement s = c.createStatement()) {
        s.execute("ATTACH '" + sql(servingFile) + "' AS published (READ_ONLY)");
        try (ResultSet r =
            s.executeQuery("SELECT value FROM published.main.setting WHERE name = 'publish_id'")) {
          if (!r.next()) {
            throw new IllegalStateException(servingFile + " has no publish_id: publish again");
          }
          return Long.parseLong(r.getString(1));
        }
      }
    }

    /**
     * An in-memory connection with publish {@code publishId} attached as {@code published} (refused
     * with {@link ScopedWarehouse.PublishChanged} when another is in the file now), within the
     * extracts' memory and spilling to {@code spill} within their spill limit.
     */
    static Connection attach(
        Path servingFile, long publishId, Path spill, ScopedWarehouse.Limits limits)
        throws SQLException {
      Connection c =
          DuckDb.openInMemory(
              QuerySpill.settings(
                  Map.of("memory_limit", limits.memoryMegabytes() + "MB"),
                  spill,
                  limits.spillMegabytes()));
      try (Statement s = c.createStatement()) {
        s.execute("ATTACH '" + sql(servingFile) + "' AS published (READ_ONLY)");
        try (ResultSet r =
            s.executeQuery("SELECT value FROM published.main.setting WHERE name = 'publish_id'")) {
          String found = r.next() ? r.getString(1) : null;
          if (found == null || Long.parseLong(found) != publishId) {
            throw new ScopedWarehouse.PublishChanged(
                "publish " + publishId + " was replaced by publish " + found + " meanwhile");
          }
        }
        return c;
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
    }

    private static String sql(Path path) {
      return path.toAbsolutePath().toString().replace("'", "''");
    }
  }
}
