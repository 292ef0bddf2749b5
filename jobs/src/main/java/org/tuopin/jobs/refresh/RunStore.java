package org.tuopin.jobs.refresh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tuopin.warehouse.RestrictedFolder;
import org.tuopin.warehouse.RuleCount;
import org.tuopin.warehouse.RunSource;

/**
 * The run records, one JSON file per run, written atomically and owner-only (0600) under {@code
 * restricted/runs/}: beside each record, its quality report ({@code <run id>.quality.json}) and the
 * real paths of its landing files ({@code <run id>.files.json}).
 */
public final class RunStore {
  private static final String QUALITY_SUFFIX = ".quality.json";
  private static final String FILES_SUFFIX = ".files.json";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Path directory;

  public RunStore(Path directory) {
    this.directory = directory;
  }

  /**
   * The run store of a data folder; records an earlier version kept in {@code data/runs/} move
   * under {@code restricted/runs/} first (they can name landing files by their real names).
   */
  public static RunStore of(DataPaths paths) {
    Path former = paths.formerRuns();
    if (Files.isDirectory(former)) {
      try (Stream<Path> files = Files.list(former)) {
        Files.createDirectories(paths.runs());
        for (Path file : files.toList()) {
          Files.move(
              file,
              paths.runs().resolve(file.getFileName()),
              StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        }
        Files.delete(former);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot move the run records of " + former, e);
      }
      RestrictedFolder.secure(paths.restricted());
    }
    return new RunStore(paths.runs());
  }

  public void save(RunRecord record) {
    write(record.runId() + ".json", record);
  }

  private void write(String fileName, Object value) {
    try {
      Files.createDirectories(directory);
      Path temporary = directory.resolve("." + fileName + ".tmp");
      Files.deleteIfExists(temporary);
      Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      JSON.writeValue(temporary.toFile(), value);
      Files.move(
          temporary,
          directory.resolve(fileName),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save " + directory.resolve(fileName), e);
    }
  }

  private static boolean isRunRecord(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".json")
        && !name.endsWith(QUALITY_SUFFIX)
        && !name.endsWith(FILES_SUFFIX)
        && !name.startsWith(".");
  }

  /** The run's landing files: the name each goes by, and its real path under the landing root. */
  public void saveLandingFiles(String runId, Map<String, String> realPaths) {
    write(runId + FILES_SUFFIX, new TreeMap<>(realPaths));
  }

  /** The run's whole quality report, beside its record: {@code <run id>.quality.json}. */
  public void saveQualityReport(QualityReport report) {
    write(report.runId() + QUALITY_SUFFIX, report);
  }

  /** Every run, oldest first (run ids start with their UTC start time). */
  public List<RunRecord> all() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<RunRecord> records = new ArrayList<>();
      for (Path file : files.filter(RunStore::isRunRecord).sorted().toList()) {
        records.add(JSON.readValue(file.toFile(), RunRecord.class));
      }
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the run records in " + directory, e);
    }
  }

  /** The rows of v_runs: every run but those still running or waiting for a publish. */
  static List<RunSource> runSources(List<RunRecord> records) {
    return records.stream()
        .filter(r -> !r.unfinished())
        .flatMap(r -> r.runSources().stream())
        .toList();
  }

  static List<RuleCount> ruleCounts(List<RunRecord> records) {
    return records.stream()
        .filter(r -> !r.unfinished())
        .flatMap(r -> r.ruleCounts().stream())
        .toList();
  }
}
