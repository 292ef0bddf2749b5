package org.tuopin.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every publish, kept as a numbered snapshot in {@code <serving>/publishes/publish-NNNNNN.duckdb}
 * for as-of queries ("what the October bulletin said"). A published file is never written after
 * it is renamed into place, so a snapshot is a hard link to it (a copy where links are not
 * supported): keeping one costs no space until a later publish replaces the current file.
 */
public final class PublishHistory {
  private static final Pattern SNAPSHOT = Pattern.compile("publish-(\\d{6})\\.duckdb");
  private final Path directory;

  public PublishHistory(Path servingDirectory) {
    this.directory = servingDirectory.toAbsolutePath().resolve("publishes");
  }

  /** The publish ids kept, oldest first. */
  public List<Integer> ids() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> SNAPSHOT.matcher(p.getFileName().toString())).filter(Matcher::matches)
          .map(m -> Integer.parseInt(m.group(1))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + directory, e);
    }
  }

  /** The id the next publish takes: one more than the last kept (ids are never reused). */
  int nextId() {
    List<Integer> ids = ids();
    return ids.isEmpty() ? 1 : ids.get(ids.size() - 1) + 1;
  }

  /** The snapshot of publish {@code id}; fails naming the ids kept when it is not. */
  public Path file(int id) {
    Path file = directory.resolve(String.format("publish-%06d.duckdb", id));
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("Publish " + id + " is not kept; kept: " + ids());
    }
    return file;
  }

  /** Keeps {@code published} as publish {@code id}, then drops all but the latest {@code retention}. */
  void keep(Path published, int id, int retention) {
    Path snapshot = directory.resolve(String.format("publish-%06d.duckdb", id));
    try {
      Files.createDirectories(directory);
      try {
        Files.createLink(snapshot, published);
      } catch (UnsupportedOperationException | IOException e) {
        // a file system without hard links (or across devices): a copy is the same snapshot
        Files.copy(published, snapshot, StandardCopyOption.REPLACE_EXISTING);
      }
      List<Integer> ids = ids();
      for (int old : ids.subList(0, Math.max(0, ids.size() - retention))) {
        Files.delete(directory.resolve(String.format("publish-%06d.duckdb", old)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep publish " + id + " in " + directory, e);
    }
  }
}
