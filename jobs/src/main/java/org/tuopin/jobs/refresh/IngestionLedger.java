package org.tuopin.jobs.refresh;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * When Tuopin first ingested each file's bytes (by SHA-256). Versions of a progress figure with the
 * same reported_at are ordered by it, and a re-run finds the same times, so it rebuilds the same
 * versions.
 */
public final class IngestionLedger {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private final Map<String, String> firstIngestedAt;

  public IngestionLedger(Path file) {
    this.file = file;
    this.firstIngestedAt = read(file);
  }

  /**
   * The first ingestion time of the bytes of this digest (SHA-256, hex), recording {@code now} when
   * they are new.
   */
  public Instant firstIngestion(String sha256, Instant now) {
    return Instant.parse(firstIngestedAt.computeIfAbsent(sha256, digest -> now.toString()));
  }

  public void save() {
    try {
      Files.createDirectories(file.getParent());
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), firstIngestedAt);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save the ingestion ledger " + file, e);
    }
  }

  private static Map<String, String> read(Path file) {
    if (!Files.exists(file)) {
      return new TreeMap<>();
    }
    try {
      return new TreeMap<>(
          JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the ingestion ledger " + file, e);
    }
  }
}
