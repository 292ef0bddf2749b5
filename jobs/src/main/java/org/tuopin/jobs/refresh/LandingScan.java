package org.tuopin.jobs.refresh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.tuopin.etl.source.Contracts;
import org.tuopin.etl.source.LandingFile;

/** The landing files one period's refresh reads: its month folders and its year's population. */
public final class LandingScan {
  private LandingScan() {}

  public static List<LandingFile> filesFor(Path landing, YearMonth period) {
    List<LandingFile> files = new ArrayList<>();
    for (String source : Contracts.MONTHLY_SOURCES) {
      files.addAll(filesIn(source, landing.resolve(source).resolve(period.toString())));
    }
    files.addAll(
        filesIn(
            Contracts.POPULATION,
            landing.resolve(Contracts.POPULATION).resolve(String.valueOf(period.getYear()))));
    return files;
  }

  private static List<LandingFile> filesIn(String source, Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(folder)) {
      return children
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .map(p -> LandingFile.of(source, p))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list landing folder " + folder, e);
    }
  }
}
