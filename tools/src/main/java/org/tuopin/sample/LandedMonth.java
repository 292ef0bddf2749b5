package org.tuopin.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

/** One month's generated landing folders, as the generator's post-processors see them. */
record LandedMonth(Path landing, YearMonth month) {
  /** The month's files of a source, sorted by name; none when the folder does not exist. */
  List<Path> files(String source) {
    Path folder = landing.resolve(source).resolve(month.toString());
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(folder)) {
      return list.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  /** A file's name as the pipeline reports it: its path under the landing folder. */
  String name(Path file) {
    return landing.relativize(file).toString().replace('\\', '/');
  }
}
