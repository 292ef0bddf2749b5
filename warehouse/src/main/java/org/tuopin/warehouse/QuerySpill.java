package org.tuopin.warehouse;

import java.nio.file.Path;

/**
 * Where the query path's DuckDB spills: a folder of this process's own under the system's temporary
 * folder ({@code <tmp>/tuopin-<user>/query-spill/<pid>/}, owner-only), not beside the published
 * file (whose readers may not write there, and where a killed query's spill would stay). It is
 * removed when the process exits, and a killed process's at the next start.
 */
public final class QuerySpill {
  private static Path folder;

  private QuerySpill() {}

  /** This process's spill folder, made on first use. */
  public static synchronized Path folder() {
    if (folder == null) {
      Path user =
          Path.of(System.getProperty("java.io.tmpdir"))
              .resolve("tuopin-" + System.getProperty("user.name"));
      Path own = ProcessScratch.prepare(user, "query-spill");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessScratch.remove(own)));
      folder = own;
    }
    return folder;
  }
}
