package org.tuopin.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The latest publish, as each scope sees it. A publish replaces the serving file by a rename, so a
 * file that is not the one last seen is a new publish: new queries get warehouses opened on it,
 * while queries already running keep the one they started on (it holds the old file open) until the
 * last of them ends and it is closed.
 */
final class Publishes implements AutoCloseable {
  /** One publish and the scoped warehouses opened on it. */
  private static final class Generation {
    final Object fileIdentity;
    final Map<String, ScopedWarehouse> warehouses = new HashMap<>();
    int inFlight;
    boolean retired;

    Generation(Object fileIdentity) {
      this.fileIdentity = fileIdentity;
    }
  }

  /** A query's hold on one publish's warehouse; closing it lets the publish go. */
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
  private final int suppressBelow;
  private Generation current;

  Publishes(Path servingFile, int suppressBelow) {
    this.servingFile = servingFile;
    this.suppressBelow = suppressBelow;
  }

  synchronized Lease lease(Users.User user) throws SQLException {
    Object identity = identity();
    if (current == null || !current.fileIdentity.equals(identity)) {
      if (current != null) {
        current.retired = true;
        closeIfDone(current);
      }
      current = new Generation(identity);
    }
    String key = user.scope() + "/" + user.role();
    ScopedWarehouse warehouse = current.warehouses.get(key);
    if (warehouse == null) {
      warehouse = ScopedWarehouse.open(servingFile, user.scope(), user.role(), suppressBelow);
      current.warehouses.put(key, warehouse);
    }
    current.inFlight++;
    return new Lease(current, warehouse);
  }

  private synchronized void release(Generation generation) {
    generation.inFlight--;
    closeIfDone(generation);
  }

  private void closeIfDone(Generation generation) {
    if (generation.retired && generation.inFlight == 0) {
      closeAll(generation);
    }
  }

  private static void closeAll(Generation generation) {
    List<SQLException> failures = new ArrayList<>();
    for (ScopedWarehouse w : generation.warehouses.values()) {
      try {
        w.close();
      } catch (SQLException e) {
        failures.add(e);
      }
    }
    generation.warehouses.clear();
    if (!failures.isEmpty()) {
      throw new IllegalStateException("Cannot close a retired publish", failures.get(0));
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
  }
}
