package org.tuopin.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every publish, kept as a numbered file {@code <serving>/publishes/publish-NNNNNN.duckdb} for
 * as-of queries ("what the October bulletin said"), with {@code publish-NNNNNN.files} beside it:
 * the Parquet files its views read in place and the lake files of the versions it copied, which
 * stay until the publish is dropped. A kept publish is a copy of the published file, a few
 * megabytes: the history it reads is shared.
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
      return files
          .map(p -> SNAPSHOT.matcher(p.getFileName().toString()))
          .filter(Matcher::matches)
          .map(m -> Integer.parseInt(m.group(1)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + directory, e);
    }
  }

  /** The id the next publish takes: one more than the last kept (ids are never reused). */
  int nextId() {
    List<Integer> ids = ids();
    return ids.isEmpty() ? 1 : ids.get(ids.size() - 1) + 1;
  }

  /** The file of publish {@code id}; fails naming the ids kept when it is not. */
  public Path file(int id) {
    Path file = database(id);
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("Publish " + id + " is not kept; kept: " + ids());
    }
    return file;
  }

  /** Every Parquet file that a kept publish reads in place. */
  Set<Path> referencedFiles() {
    Set<Path> referenced = new HashSet<>();
    for (int id : ids()) {
      Path list = fileList(id);
      try {
        if (Files.exists(list)) {
          Files.readAllLines(list, StandardCharsets.UTF_8).stream()
              .filter(l -> !l.isBlank())
              .map(Path::of)
              .forEach(referenced::add);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + list, e);
      }
    }
    return referenced;
  }

  /**
   * Keeps a copy of {@code built} as publish {@code id} with the list of files it reads, then drops
   * all but the latest {@code retention}. The list is written first: a publish file is never kept
   * without it.
   */
  void keep(Path built, int id, List<Path> files, int retention) {
    try {
      Files.createDirectories(directory);
      Path copying = directory.resolve(".copying-" + UUID.randomUUID());
      Files.writeString(
          fileList(id),
          files.stream().map(Path::toString).collect(Collectors.joining("\n", "", "\n")),
          StandardCharsets.UTF_8);
      Files.copy(built, copying);
      Files.move(copying, database(id), StandardCopyOption.ATOMIC_MOVE);
      List<Integer> ids = ids();
      for (int old : ids.subList(0, Math.max(0, ids.size() - retention))) {
        Files.delete(database(old));
        Files.deleteIfExists(fileList(old));
      }
      removeOrphanLists();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep publish " + id + " in " + directory, e);
    }
  }

  /** A publish killed between writing its list and its copy leaves a list without a file. */
  private void removeOrphanLists() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path p : files.toList()) {
        String name = p.getFileName().toString();
        boolean orphanList =
            name.endsWith(".files")
                && !Files.exists(directory.resolve(name.replace(".files", ".duckdb")));
        if (orphanList || name.startsWith(".copying-")) {
          Files.delete(p);
        }
      }
    }
  }

  private Path database(int id) {
    return directory.resolve(String.format("publish-%06d.duckdb", id));
  }

  private Path fileList(int id) {
    return directory.resolve(String.format("publish-%06d.files", id));
  }
}
