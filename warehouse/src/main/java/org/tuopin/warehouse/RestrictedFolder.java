package org.tuopin.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

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
      System.err.println(
          "    "
              + restricted
              + ": this file system has no POSIX modes; restrict the folder to its owner by hand");
      return;
    }
    try {
      Files.createDirectories(restricted);
      Files.walkFileTree(restricted, new Tightening());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restrict " + restricted + " to its owner", e);
    }
  }

  /**
   * Sets the modes of everything it visits. Spark deletes shuffle files in its scratch folder
   * (restricted/spark-local/) while a run goes on, so a file or folder may be gone by the time it
   * is reached: it needs no mode then, and the walk goes on (it once stopped a refresh).
   */
  private static final class Tightening extends SimpleFileVisitor<Path> {
    @Override
    public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes)
        throws IOException {
      return restrict(folder, FOLDER);
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
      return restrict(file, attributes.isDirectory() ? FOLDER : FILE);
    }

    @Override
    public FileVisitResult visitFileFailed(Path path, IOException e) throws IOException {
      return continueUnlessFailed(e);
    }

    @Override
    public FileVisitResult postVisitDirectory(Path folder, IOException e) throws IOException {
      return continueUnlessFailed(e);
    }

    /** Goes on after no error or a path that is gone; stops on any other error. */
    private static FileVisitResult continueUnlessFailed(IOException e) throws IOException {
      if (e != null && !(e instanceof NoSuchFileException)) {
        throw e;
      }
      return FileVisitResult.CONTINUE;
    }

    private static FileVisitResult restrict(Path path, Set<PosixFilePermission> mode)
        throws IOException {
      try {
        Files.setPosixFilePermissions(path, mode);
      } catch (NoSuchFileException gone) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      return FileVisitResult.CONTINUE;
    }
  }
}
