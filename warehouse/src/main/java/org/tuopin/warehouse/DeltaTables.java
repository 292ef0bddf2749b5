package org.tuopin.warehouse;

import io.delta.kernel.Snapshot;
import io.delta.kernel.SnapshotBuilder;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.tuopin.warehouse.LakeLayout.PartitionFiles;
import org.tuopin.warehouse.catalog.LakePartition;

/**
 * The lake's Delta tables as readers without Spark see them: Delta Kernel reads a table's log and
 * lists the data files of a version, by partition. Each table is partitioned by {@code period} (a
 * month's first day), by {@code year}, or not at all, and its files hold the partition column too
 * (the materializePartitionColumns feature), so DuckDB reads them as plain Parquet files.
 *
 * <p>A partition's name is the one the rest of Tuopin uses: {@code period=YYYY-MM}, {@code
 * year=YYYY} or {@code all}. Its version is a fingerprint of its file names: Delta never changes a
 * file, and a rewritten partition has new files.
 */
public final class DeltaTables {
  public static final String LOG = "_delta_log";

  private DeltaTables() {}

  /** Made on first use: a lake in the layout before Delta is read without Kernel on the path. */
  private static final class Kernel {
    static final Engine ENGINE = DefaultEngine.create(new Configuration());
  }

  /** One version of a table: its number and its files, by partition (oldest period first). */
  public record Version(long version, List<PartitionFiles> partitions) {
    public Version {
      partitions = List.copyOf(partitions);
    }

    /** Every data file of the version. */
    public Set<Path> files() {
      Set<Path> files = new HashSet<>();
      partitions.forEach(p -> files.addAll(p.files()));
      return files;
    }
  }

  /** Whether a folder holds a Delta table (a log with at least one commit). */
  public static boolean isTable(Path table) {
    Path log = table.resolve(LOG);
    if (!Files.isDirectory(log)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(log)) {
      return entries.anyMatch(p -> p.getFileName().toString().endsWith(".json"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + log, e);
    }
  }

  /**
   * The number of the table's latest commit, from the log's file names alone (a commit is {@code
   * <version>.json}); -1 when there is none.
   */
  static long latestCommit(Path table) {
    Path log = table.resolve(LOG);
    try (Stream<Path> entries = Files.list(log)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(name -> name.matches("[0-9]{20}\\.json"))
          .mapToLong(name -> Long.parseLong(name.substring(0, 20)))
          .max()
          .orElse(-1);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + log, e);
    }
  }

  /** The table's latest version; empty when the folder holds no Delta table. */
  public static Optional<Version> latest(Path table) {
    return isTable(table)
        ? Optional.of(read(TableManager.loadSnapshot(uri(table)), table))
        : Optional.empty();
  }

  /** The table as it was at {@code version}. */
  public static Version at(Path table, long version) {
    return read(TableManager.loadSnapshot(uri(table)).atVersion(version), table);
  }

  private static Version read(SnapshotBuilder builder, Path table) {
    Snapshot snapshot = builder.build(Kernel.ENGINE);
    List<String> partitionColumns = snapshot.getPartitionColumnNames();
    if (partitionColumns.size() > 1) {
      throw new IllegalStateException(
          table + " is partitioned by " + partitionColumns + "; Tuopin's tables have at most one");
    }
    String name = table.getFileName().toString();
    Map<LakePartition, List<Path>> byPartition = new TreeMap<>();
    try (CloseableIterator<FilteredColumnarBatch> batches =
        snapshot.getScanBuilder().build().getScanFiles(Kernel.ENGINE)) {
      while (batches.hasNext()) {
        try (CloseableIterator<Row> rows = batches.next().getRows()) {
          while (rows.hasNext()) {
            Row scanFile = rows.next();
            Row add = scanFile.getStruct(scanFile.getSchema().indexOf("add"));
            LakePartition partition = partitionOf(partitionColumns, add);
            byPartition
                .computeIfAbsent(partition, k -> new ArrayList<>())
                .add(dataFile(table, add.getString(add.getSchema().indexOf("path"))));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the files of " + table, e);
    }
    List<PartitionFiles> partitions = new ArrayList<>();
    byPartition.forEach(
        (partition, files) -> {
          files.sort(Comparator.naturalOrder());
          partitions.add(new PartitionFiles(name, partition, fingerprint(files), files));
        });
    return new Version(snapshot.getVersion(), partitions);
  }

  /**
   * Deletes what the table's latest version does not read and {@code kept} does not name: the files
   * of replaced versions, of writes killed before their commit, and of the layout before Delta (its
   * version folders and CURRENT pointers); then the folders left empty. The log is left to Delta.
   * Only the writer may run this: a write not yet committed would lose its files.
   *
   * @return the data files deleted
   */
  public static List<Path> removeFilesOutside(Path table, Set<Path> kept) {
    Set<Path> keep = new HashSet<>(latest(table).orElseThrow().files());
    keep.addAll(kept);
    return removeFilesNotIn(table, keep);
  }

  /**
   * Deletes what {@code keep} does not name, as {@link #removeFilesOutside} does, without reading
   * the log: for a caller that holds the latest version's files already (the publisher read them at
   * the start of its publish, under the writer lock) and names them in {@code keep}.
   *
   * @return the data files deleted
   */
  static List<Path> removeFilesNotIn(Path table, Set<Path> kept) {
    Set<Path> keep = new HashSet<>();
    kept.forEach(p -> keep.add(p.toAbsolutePath().normalize()));
    List<Path> removed = new ArrayList<>();
    Path log = table.toAbsolutePath().resolve(LOG);
    try (Stream<Path> walk = Files.walk(table.toAbsolutePath())) {
      List<Path> entries =
          walk.filter(p -> !p.startsWith(log)).sorted(Comparator.reverseOrder()).toList();
      for (Path entry : entries) {
        if (Files.isRegularFile(entry) && !keep.contains(entry.normalize()) && !kept(entry, keep)) {
          Files.delete(entry);
          if (entry.getFileName().toString().endsWith(".parquet")) {
            removed.add(entry);
          }
        } else if (Files.isDirectory(entry) && !entry.equals(table.toAbsolutePath())) {
          try (Stream<Path> children = Files.list(entry)) {
            if (children.findAny().isEmpty()) {
              Files.delete(entry);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clean " + table, e);
    }
    return removed;
  }

  /** A kept data file's checksum (Spark's .name.crc beside it) is kept with it. */
  private static boolean kept(Path file, Set<Path> keep) {
    String name = file.getFileName().toString();
    return name.startsWith(".")
        && name.endsWith(".crc")
        && keep.contains(
            file.resolveSibling(name.substring(1, name.length() - ".crc".length())).normalize());
  }

  /** The file's partition, from its partition value. */
  private static LakePartition partitionOf(List<String> partitionColumns, Row add) {
    if (partitionColumns.isEmpty()) {
      return LakePartition.WHOLE;
    }
    String column = partitionColumns.get(0);
    MapValue values = add.getMap(add.getSchema().indexOf("partitionValues"));
    for (int i = 0; i < values.getSize(); i++) {
      if (values.getKeys().getString(i).equals(column)) {
        return LakePartition.ofDelta(column, values.getValues().getString(i));
      }
    }
    throw new IllegalStateException("A file of the lake has no value for " + column);
  }

  /** A file named in the log, relative to the table and URL-encoded, as a path. */
  private static Path dataFile(Path table, String logPath) {
    URI relative = URI.create(logPath);
    return relative.isAbsolute()
        ? Path.of(relative)
        : Path.of(table.toUri().resolve(relative)).toAbsolutePath();
  }

  private static String fingerprint(List<Path> files) {
    StringBuilder names = new StringBuilder();
    files.forEach(f -> names.append(f.getFileName()).append(';'));
    return "delta-" + Digests.sha256(names.toString()).substring(0, 16);
  }

  private static String uri(Path table) {
    return table.toAbsolutePath().toUri().toString();
  }
}
