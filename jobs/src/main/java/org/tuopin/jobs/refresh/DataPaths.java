package org.tuopin.jobs.refresh;

import java.nio.file.Path;

/**
 * The data folder: {@code lake/} (Parquet), {@code serving/tuopin.duckdb} (what analysts read),
 * {@code runs/} (run records), {@code ledger/}, {@code reference/} (the region list as Parquet,
 * rebuilt when conf/ changes), and {@code restricted/} (quarantined raw text and the pseudonym key:
 * personal data, never published).
 */
public record DataPaths(Path landing, Path data) {
  public DataPaths {
    landing = landing.toAbsolutePath().normalize();
    data = data.toAbsolutePath().normalize();
  }

  public Path lake() {
    return data.resolve("lake");
  }

  public Path serving() {
    return data.resolve("serving");
  }

  public Path runs() {
    return data.resolve("runs");
  }

  public Path ledger() {
    return data.resolve("ledger").resolve("ingested_files.json");
  }

  public Path reference() {
    return data.resolve("reference");
  }

  public Path restricted() {
    return data.resolve("restricted");
  }

  public Path quarantine() {
    return restricted().resolve("quarantine");
  }
}
