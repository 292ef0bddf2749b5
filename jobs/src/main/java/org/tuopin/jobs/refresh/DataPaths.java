package org.tuopin.jobs.refresh;

import java.nio.file.Path;

/**
 * The data folder: {@code lake/} (Parquet), {@code serving/tuopin.duckdb} (what analysts read),
 * {@code ledger/}, {@code reference/} (the region list as Parquet, rebuilt when conf/ changes), and
 * {@code restricted/} (quarantined raw text, the pseudonym key, and the run records with the
 * landing files' real names: personal data, never published).
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

  /** The run records: owner-only, since they name the landing files by their real paths. */
  public Path runs() {
    return restricted().resolve("runs");
  }

  /** Where run records were kept before they moved under restricted/. */
  Path formerRuns() {
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
