package org.tuopin.warehouse;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

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

  /**
   * {@code others} and DuckDB's settings for a spill of at most {@code megabytes} into {@code
   * folder}. Zero turns spilling off (DuckDB is given no temporary folder, so it writes none, not
   * even beside the database file): DuckDB reads a {@code max_temp_directory_size} of 0 as no
   * limit, and a query given "0 MB" filled the disk.
   */
  public static Map<String, String> settings(
      Map<String, String> others, Path folder, int megabytes) {
    Map<String, String> settings = new HashMap<>(others);
    if (megabytes == 0) {
      settings.put("temp_directory", "");
    } else {
      settings.put("temp_directory", folder.toString());
      settings.put("max_temp_directory_size", megabytes + "MB");
    }
    return settings;
  }
}
