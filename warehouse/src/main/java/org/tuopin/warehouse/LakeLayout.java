package org.tuopin.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.tuopin.warehouse.catalog.LakePartition;

/**
 * The lake's layout on disk, shared by the Spark writer and the publisher (which has no Spark):
 * {@code <root>/<table>/<partition>/<version>/*.parquet}, where a partition is {@code
 * period=YYYY-MM}, {@code year=YYYY} or {@code all}, and the file {@code <partition>/CURRENT} names
 * the version readers see.
 *
 * <p>A version is never changed once written: a re-run writes a new version beside the old one and
 * then replaces CURRENT in one atomic rename, so a kept publish that lists the old version's files
 * keeps answering from them. Versions that neither CURRENT nor a kept publish names are removed by
 * {@link #removeUnreferenced}. A partition folder holding Parquet files directly and no CURRENT
 * (the layout before versions) is read as one version.
 */
public final class LakeLayout {
  public static final String CURRENT = "CURRENT";
  private static final DateTimeFormatter VERSION_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
  private final Path root;

  public LakeLayout(Path root) {
    this.root = root.toAbsolutePath();
  }

  public Path root() {
    return root;
  }

  /** One partition's current version: its identity (for change detection) and its Parquet files. */
  public record PartitionFiles(
      String table, LakePartition partition, String version, List<Path> files) {
    public PartitionFiles {
      files = List.copyOf(files);
    }

    /** Names this exact content: a different version, or a changed legacy folder, differs. */
    public String identity() {
      return table + "/" + partition.name() + "@" + version;
    }
  }

  /** A new, not yet existing, version folder for {@code partition} of {@code table}. */
  public Path newVersion(String table, String partition) {
    String name =
        "v-"
            + VERSION_TIME.format(ZonedDateTime.now(ZoneOffset.UTC))
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    return root.resolve(table).resolve(partition).resolve(name);
  }

  /** Makes {@code version} (a folder under the partition) the one readers see, atomically. */
  public void makeCurrent(String table, String partition, Path version) {
    Path partitionDirectory = root.resolve(table).resolve(partition);
    Path pointer = partitionDirectory.resolve(CURRENT);
    Path written = partitionDirectory.resolve("." + CURRENT + "-" + UUID.randomUUID());
    try {
      Files.writeString(written, version.getFileName().toString(), StandardCharsets.UTF_8);
      Files.move(
          written, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot make " + version + " the current version of " + partitionDirectory, e);
    }
  }

  /**
   * The partitions of a table that have a current version, sorted by name (periods: oldest first).
   */
  public List<String> partitions(String table) {
    Path directory = root.resolve(table);
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(directory)) {
      return children
          .filter(Files::isDirectory)
          .filter(
              p ->
                  !p.getFileName().toString().startsWith("_")
                      && !p.getFileName().toString().startsWith("."))
          .filter(p -> Files.exists(p.resolve(CURRENT)) || !parquetFiles(p).isEmpty())
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + directory, e);
    }
  }

  /** The folder holding the current version's files, if the partition exists. */
  public Optional<Path> currentFolder(String table, String partition) {
    Path partitionDirectory = root.resolve(table).resolve(partition);
    Path pointer = partitionDirectory.resolve(CURRENT);
    try {
      if (Files.exists(pointer)) {
        return Optional.of(
            partitionDirectory.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + pointer, e);
    }
    return parquetFiles(partitionDirectory).isEmpty()
        ? Optional.empty()
        : Optional.of(partitionDirectory);
  }

  /** The current version of one partition; empty when the partition does not exist. */
  public Optional<PartitionFiles> current(String table, String partition) {
    return currentFolder(table, partition)
        .map(
            folder -> {
              List<Path> files = parquetFiles(folder);
              boolean legacy = folder.equals(root.resolve(table).resolve(partition));
              String version =
                  legacy ? "legacy:" + legacyStamp(files) : folder.getFileName().toString();
              return new PartitionFiles(table, LakePartition.parse(partition), version, files);
            });
  }

  /** Every partition's current version, oldest partition first. */
  public List<PartitionFiles> current(String table) {
    List<PartitionFiles> all = new ArrayList<>();
    for (String partition : partitions(table)) {
      current(table, partition).ifPresent(all::add);
    }
    return all;
  }

  /**
   * Deletes every version folder that is not current and holds no file in {@code referenced}, and
   * the leftovers of interrupted writes (a version never made current, a CURRENT being written,
   * Spark's temporary folders); of a Delta table, every file that neither its latest version nor
   * {@code referenced} names. The latest version's files are {@code latest}'s (read at the start of
   * the publish) while the table has no later commit, else read again. Only one writer may run
   * this: a run that is still writing would lose its version.
   *
   * @return the folders and files deleted
   */
  List<Path> removeUnreferenced(Set<Path> referenced, LakeSnapshot latest) {
    List<Path> removed = new ArrayList<>();
    for (Path table : children(root)) {
      if (!Files.isDirectory(table)) {
        continue;
      }
      if (DeltaTables.isTable(table)) {
        String name = table.getFileName().toString();
        Long read = latest.deltaVersions().get(name);
        if (read != null && read == DeltaTables.latestCommit(table)) {
          Set<Path> keep = new HashSet<>(referenced);
          keep.addAll(latest.files(name));
          removed.addAll(DeltaTables.removeFilesNotIn(table, keep));
        } else {
          removed.addAll(DeltaTables.removeFilesOutside(table, referenced));
        }
        continue;
      }
      for (Path partition : children(table)) {
        String name = partition.getFileName().toString();
        if (name.startsWith("_")) {
          removed.add(deleteTree(partition));
          continue;
        }
        if (!Files.isDirectory(partition)) {
          continue;
        }
        Optional<Path> current = currentFolder(table.getFileName().toString(), name);
        for (Path child : children(partition)) {
          boolean superseded =
              Files.isDirectory(child)
                  && child.getFileName().toString().startsWith("v-")
                  && !current.map(child::equals).orElse(false)
                  && parquetFiles(child).stream().noneMatch(referenced::contains);
          boolean interrupted = child.getFileName().toString().startsWith("." + CURRENT + "-");
          if (superseded || interrupted) {
            removed.add(deleteTree(child));
          }
        }
      }
    }
    return removed;
  }

  /** The Parquet files of a folder (Spark's _SUCCESS, .crc and temporary files are not). */
  public static List<Path> parquetFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(
              p ->
                  p.getFileName().toString().endsWith(".parquet")
                      && !p.getFileName().toString().startsWith("."))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  private static String legacyStamp(List<Path> files) {
    StringBuilder stamp = new StringBuilder();
    try {
      for (Path file : files) {
        stamp
            .append(file.getFileName())
            .append(':')
            .append(Files.size(file))
            .append(':')
            .append(Files.getLastModifiedTime(file).toMillis())
            .append(';');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the files of a lake partition", e);
    }
    return Integer.toHexString(stamp.toString().hashCode());
  }

  private static List<Path> children(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(directory)) {
      return children.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + directory, e);
    }
  }

  /** Deletes a file or a folder with everything under it. */
  public static Path deleteTree(Path path) {
    if (!Files.exists(path)) {
      return path;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + path, e);
    }
    return path;
  }
}
