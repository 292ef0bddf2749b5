package org.tuopin.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The derived tables' files, {@code
 * <serving>/derived/<table>/<partition>/<signature>-<id>.parquet}, and the manifest {@code
 * derived/manifest.tsv} naming, per table and partition, the file that is current and the signature
 * of the inputs it was built from. Files are never changed: a new build is a new file, the manifest
 * is replaced in one atomic rename, and files that neither the manifest nor a kept publish names
 * are removed.
 */
final class DerivedStore {
  private static final String MANIFEST = "manifest.tsv";
  private static final String FINGERPRINTS = "fingerprints.tsv";
  private final Path directory;

  /** One built partition: the signature of its inputs and its file. */
  record Entry(String signature, Path file) {}

  DerivedStore(Path directory) {
    this.directory = directory.toAbsolutePath();
  }

  /** table → partition → entry, as the last publish left them; empty when there is none. */
  Map<String, Map<String, Entry>> load() {
    Map<String, Map<String, Entry>> entries = new LinkedHashMap<>();
    Path manifest = directory.resolve(MANIFEST);
    if (!Files.exists(manifest)) {
      return entries;
    }
    try {
      for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
        String[] fields = line.split("\t");
        if (fields.length != 4) {
          throw new IllegalStateException(manifest + ": not a manifest line: " + line);
        }
        entries
            .computeIfAbsent(fields[0], t -> new TreeMap<>())
            .put(fields[1], new Entry(fields[2], directory.resolve(fields[3])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + manifest, e);
    }
    return entries;
  }

  /** Replaces the manifest with {@code entries}, atomically. */
  void save(Map<String, Map<String, Entry>> entries) {
    StringBuilder text = new StringBuilder();
    entries.forEach(
        (table, partitions) ->
            partitions.forEach(
                (partition, entry) ->
                    text.append(table)
                        .append('\t')
                        .append(partition)
                        .append('\t')
                        .append(entry.signature())
                        .append('\t')
                        .append(directory.relativize(entry.file()))
                        .append('\n')));
    writeAtomically(MANIFEST, text);
  }

  private void writeAtomically(String name, CharSequence text) {
    Path written = directory.resolve("." + name + "-" + UUID.randomUUID());
    try {
      Files.createDirectories(directory);
      Files.writeString(written, text, StandardCharsets.UTF_8);
      Files.move(
          written,
          directory.resolve(name),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + directory.resolve(name), e);
    }
  }

  /** The content fingerprints of small lake partitions, by the versions they were computed from. */
  Map<String, String> loadFingerprints() {
    Map<String, String> fingerprints = new LinkedHashMap<>();
    Path file = directory.resolve(FINGERPRINTS);
    if (!Files.exists(file)) {
      return fingerprints;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int tab = line.lastIndexOf('\t');
        if (tab < 0) {
          throw new IllegalStateException(file + ": not a fingerprint line: " + line);
        }
        fingerprints.put(line.substring(0, tab), line.substring(tab + 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    return fingerprints;
  }

  /** Keeps the fingerprints this publish used (those of versions gone are dropped), atomically. */
  void saveFingerprints(Map<String, String> fingerprints) {
    StringBuilder text = new StringBuilder();
    fingerprints.forEach(
        (versions, fingerprint) ->
            text.append(versions).append('\t').append(fingerprint).append('\n'));
    writeAtomically(FINGERPRINTS, text);
  }

  /** A new file for a partition of a table (its folder created). */
  Path newFile(String table, String partition, String signature) {
    Path folder = directory.resolve(table).resolve(partition);
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + folder, e);
    }
    return folder.resolve(
        signature.substring(0, 16)
            + "-"
            + UUID.randomUUID().toString().substring(0, 8)
            + ".parquet");
  }

  /** An entry still usable: the same signature, its file present. */
  static Optional<Entry> reusable(
      Map<String, Entry> partitions, String partition, String signature) {
    Entry entry = partitions == null ? null : partitions.get(partition);
    return entry != null && entry.signature().equals(signature) && Files.exists(entry.file())
        ? Optional.of(entry)
        : Optional.empty();
  }

  /** Deletes every file under the store that is not in {@code referenced}, and empty folders. */
  List<Path> removeUnreferenced(Set<Path> referenced) {
    List<Path> removed = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return removed;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        boolean kept =
            p.getParent() != null
                && p.getParent().equals(directory)
                && (p.getFileName().toString().equals(MANIFEST)
                    || p.getFileName().toString().equals(FINGERPRINTS));
        if (p.equals(directory) || kept) {
          continue;
        }
        if (Files.isRegularFile(p) && !referenced.contains(p)) {
          Files.delete(p);
          removed.add(p);
        } else if (Files.isDirectory(p) && isEmpty(p)) {
          Files.delete(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clean " + directory, e);
    }
    return removed;
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (Stream<Path> children = Files.list(folder)) {
      return children.findAny().isEmpty();
    }
  }
}
