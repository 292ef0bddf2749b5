package org.tuopin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the ingest references share: one timed conversion per group, summed per source. */
public final class IngestReference {
  /** A source's CSV files converted: the rows written and the seconds it took. */
  public record Converted(String source, long rows, double seconds) {}

  /** Converts one group into {@code target}; returns the rows written. */
  @FunctionalInterface
  public interface Conversion {
    long convert(LandingCsv group, Path target) throws Exception;
  }

  private IngestReference() {}

  static List<Converted> convertEach(List<LandingCsv> groups, Path output, Conversion conversion)
      throws IOException {
    Files.createDirectories(output);
    Map<String, Converted> bySource = new LinkedHashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      LandingCsv group = groups.get(i);
      Path target = output.resolve(group.source() + "-" + i + ".parquet");
      long started = System.nanoTime();
      long rows;
      try {
        rows = conversion.convert(group, target);
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("Cannot convert " + group.files().get(0).getParent(), e);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      bySource.merge(
          group.source(),
          new Converted(group.source(), rows, seconds),
          (a, b) -> new Converted(a.source(), a.rows() + b.rows(), a.seconds() + b.seconds()));
    }
    return bySource.values().stream()
        .map(c -> new Converted(c.source(), c.rows(), Math.round(c.seconds() * 100) / 100.0))
        .toList();
  }
}
