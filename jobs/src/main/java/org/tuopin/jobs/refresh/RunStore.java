package org.tuopin.jobs.refresh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.tuopin.warehouse.RuleCount;
import org.tuopin.warehouse.RunSource;

/** The run records, one JSON file per run, written atomically. */
public final class RunStore {
  private static final String QUALITY_SUFFIX = ".quality.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Path directory;

  public RunStore(Path directory) {
    this.directory = directory;
  }

  public void save(RunRecord record) {
    write(record.runId() + ".json", record);
  }

  private void write(String fileName, Object value) {
    try {
      Files.createDirectories(directory);
      Path temporary = directory.resolve("." + fileName + ".tmp");
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
    return name.endsWith(".json") && !name.endsWith(QUALITY_SUFFIX) && !name.startsWith(".");
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
