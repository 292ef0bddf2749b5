package org.tuopin.jobs.refresh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code <data>/restricted/}: the pseudonym key and the quarantine's raw rows (identity numbers,
 * names). Owner-only: folders 0700, files 0600, set again after every write into it, so a folder or
 * file created looser (by an earlier version, by Spark under the process's umask, by hand) is
 * tightened too.
 */
public final class RestrictedFolder {
  private static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private RestrictedFolder() {}

  /** Creates the folder if needed and makes it and everything under it owner-only. */
  public static void secure(Path restricted) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      // no POSIX modes here (a Windows file system): the folder's access list must be set by hand
      Progress.detail(
          "%s: this file system has no POSIX modes; restrict the folder to its owner by hand",
          restricted);
      return;
    }
    try {
      Files.createDirectories(restricted);
      try (Stream<Path> all = Files.walk(restricted)) {
        for (Path p : all.toList()) {
          Files.setPosixFilePermissions(p, Files.isDirectory(p) ? FOLDER : FILE);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restrict " + restricted + " to its owner", e);
    }
  }
}
