package org.tuopin.jobs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.tuopin.jobs.refresh.RestrictedFolder;
import org.tuopin.warehouse.LakeLayout;

/** Spark's local scratch folders, one per process under {@code <restricted>/spark-local/}. */
final class SparkScratch {
  private SparkScratch() {}

  /** This process's scratch folder, after removing those of processes that no longer run. */
  static Path prepare(Path restricted) {
    Path parent = restricted.resolve("spark-local");
    try {
      Files.createDirectories(parent);
      RestrictedFolder.secure(restricted);
      try (Stream<Path> folders = Files.list(parent)) {
        for (Path folder : folders.toList()) {
          String name = folder.getFileName().toString();
          boolean alive =
              name.matches("\\d+")
                  && ProcessHandle.of(Long.parseLong(name))
                      .map(ProcessHandle::isAlive)
                      .orElse(false);
          if (!alive) {
            LakeLayout.deleteTree(folder);
          }
        }
      }
      return Files.createDirectories(parent.resolve(String.valueOf(ProcessHandle.current().pid())));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare Spark's scratch folder in " + parent, e);
    }
  }
}
