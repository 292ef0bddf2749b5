package org.tuopin.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Scratch folders of one process each, {@code <parent>/<pid>/}, under {@code data/restricted/}
 * (what spills there can hold personal data, or rows outside a user's scope). Whoever prepares one
 * first removes the folders of processes that no longer run, so a killed process's spill goes at
 * the next start; a process removes its own when it is done ({@link #remove}).
 */
public final class ProcessScratch {
  private ProcessScratch() {}

  /**
   * This process's folder under {@code parent}, created owner-only, after removing the folders of
   * processes that no longer run.
   */
  public static Path prepare(Path restricted, String parentName) {
    Path parent = restricted.resolve(parentName);
    try {
      Files.createDirectories(parent);
      RestrictedFolder.secure(restricted);
      removeDeadProcesses(parent);
      Path own = parent.resolve(String.valueOf(ProcessHandle.current().pid()));
      Files.createDirectories(own);
      RestrictedFolder.secure(own);
      return own;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the scratch folder in " + parent, e);
    }
  }

  /** Removes a folder {@link #prepare} gave, and everything in it. */
  public static void remove(Path folder) {
    LakeLayout.deleteTree(folder);
  }

  private static void removeDeadProcesses(Path parent) throws IOException {
    try (Stream<Path> folders = Files.list(parent)) {
      for (Path folder : folders.toList()) {
        String name = folder.getFileName().toString();
        boolean alive =
            name.matches("\\d{1,18}")
                && ProcessHandle.of(Long.parseLong(name)).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
          LakeLayout.deleteTree(folder);
        }
      }
    }
  }
}
