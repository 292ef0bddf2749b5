package org.tuopin.jobs.cli;

import java.nio.file.Path;
import org.tuopin.warehouse.ProcessScratch;

/** Spark's local scratch folders, one per process under {@code <restricted>/spark-local/}. */
final class SparkScratch {
  private SparkScratch() {}

  /**
   * This process's scratch folder, after removing those of processes that no longer run. It is
   * removed when the JVM exits, after Spark's own shutdown hooks have emptied it (a run leaves no
   * empty folder behind).
   */
  static Path prepare(Path restricted) {
    Path own = ProcessScratch.prepare(restricted, "spark-local");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> removeQuietlyAtExit(own)));
    return own;
  }

  private static void removeQuietlyAtExit(Path own) {
    try {
      ProcessScratch.remove(own);
    } catch (RuntimeException e) {
      // at exit, Spark may still be deleting its own files in it: the next start removes the rest
      System.err.println("    " + own + " is left for the next start to remove: " + e.getMessage());
    }
  }
}
