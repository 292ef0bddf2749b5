package org.tuopin.jobs.refresh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One writer per data folder: an exclusive lock on {@code <data>/.tuopin.lock}, which holds who
 * took it (pid, start time, what it runs). A second run sees it at once and stops with that text.
 * The operating system releases the lock when its process dies, so a lock left by a killed run is
 * simply taken over; the file's text then only names the dead run. Within one JVM the lock is
 * re-entrant: a backfill holds it around each month's refresh.
 */
public final class WriterLock implements AutoCloseable {
  private static final Map<Path, Held> HELD = new HashMap<>();
  private final Path file;

  private record Held(FileChannel channel, FileLock lock, int[] count) {}

  private WriterLock(Path file) {
    this.file = file;
  }

  /**
   * Runs {@code work} holding the lock of {@code data}; fails at once, naming the holder, when
   * another run has it.
   */
  public static <T> T holding(Path data, String what, Supplier<T> work) {
    WriterLock lock = acquire(data, what);
    try {
      return work.get();
    } finally {
      lock.close();
    }
  }

  /** Takes the lock of {@code data}, or fails at once naming the run that holds it. */
  static synchronized WriterLock acquire(Path data, String what) {
    Path file = data.toAbsolutePath().normalize().resolve(".tuopin.lock");
    Held held = HELD.get(file);
    if (held != null) {
      held.count()[0]++;
      return new WriterLock(file);
    }
    try {
      Files.createDirectories(file.getParent());
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
        channel.close();
        throw new IllegalStateException(
            "another Tuopin run is writing "
                + data.toAbsolutePath().normalize()
                + " ("
                + holder
                + "); wait for it to finish");
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              ("pid "
                      + ProcessHandle.current().pid()
                      + ", started "
                      + Instant.now()
                      + ": "
                      + what
                      + "\n")
                  .getBytes(StandardCharsets.UTF_8)));
      channel.force(true);
      HELD.put(file, new Held(channel, lock, new int[] {1}));
      return new WriterLock(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lock " + file, e);
    }
  }

  @Override
  public void close() {
    synchronized (WriterLock.class) {
      Held held = HELD.get(file);
      if (held == null || --held.count()[0] > 0) {
        return;
      }
      HELD.remove(file);
      try {
        held.lock().release();
        held.channel().close();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot release " + file, e);
      }
    }
  }
}
