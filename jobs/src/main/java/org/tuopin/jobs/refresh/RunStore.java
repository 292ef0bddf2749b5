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
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Path directory;

  public RunStore(Path directory) {
    this.directory = directory;
  }

  public void save(RunRecord record) {
    try {
      Files.createDirectories(directory);
      Path temporary = directory.resolve("." + record.runId() + ".json.tmp");
      JSON.writeValue(temporary.toFile(), record);
      Files.move(temporary, directory.resolve(record.runId() + ".json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save run record " + record.runId(), e);
    }
  }

  /** Every run, oldest first (run ids start with their UTC start time). */
  public List<RunRecord> all() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<RunRecord> records = new ArrayList<>();
      for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith(".")).sorted().toList()) {
        records.add(JSON.readValue(file.toFile(), RunRecord.class));
      }
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the run records in " + directory, e);
    }
  }

  public List<RunSource> runSources() {
    return all().stream().flatMap(r -> r.runSources().stream()).toList();
  }

  public List<RuleCount> ruleCounts() {
    return all().stream().flatMap(r -> r.ruleCounts().stream()).toList();
  }
}
