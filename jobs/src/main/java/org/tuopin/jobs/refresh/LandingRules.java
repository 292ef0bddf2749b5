package org.tuopin.jobs.refresh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tuopin.etl.source.LandingFile;

/**
 * What a month's landing must hold before a refresh may replace its loaded data: the landing folder
 * itself, at least one file of each required source, and a file of every source that the month's
 * last published run read rows of. A refresh of a wrong or emptied folder would otherwise replace
 * the month with nothing and publish it. A source named in {@code allowedMissing} (the user's
 * explicit {@code --allow-missing}) is let through.
 *
 * @param required the sources every month must have (conf {@code requiredSources})
 * @param allowedMissing the sources the user said may be missing this time
 */
public record LandingRules(List<String> required, Set<String> allowedMissing) {
  public LandingRules {
    required = List.copyOf(required);
    allowedMissing = Set.copyOf(allowedMissing);
  }

  /**
   * Fails, naming the folder and what is missing, when the month may not be refreshed from these
   * files.
   */
  public void check(
      Path landing, YearMonth period, List<LandingFile> files, Optional<RunRecord> lastPublished) {
    if (!Files.isDirectory(landing)) {
      throw new IllegalStateException(
          "the landing folder " + landing + " does not exist; nothing was changed");
    }
    List<String> missing = new ArrayList<>();
    for (String source : required) {
      if (!allowedMissing.contains(source)
          && files.stream().noneMatch(f -> f.source().equals(source))) {
        missing.add(source + " (required every month)");
      }
    }
    lastPublished.ifPresent(
        run ->
            run.sources().stream()
                .filter(
                    s ->
                        s.read() > 0
                            && !required.contains(s.source())
                            && !allowedMissing.contains(s.source()))
                .filter(s -> files.stream().noneMatch(f -> f.source().equals(s.source())))
                .forEach(
                    s ->
                        missing.add(
                            s.source() + " (its last published run read " + s.read() + " rows)")));
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          period
              + ": no landing file of "
              + String.join(", ", missing)
              + " in "
              + landing
              + "; nothing was changed. If the month really has none, run again with"
              + " --allow-missing SOURCE");
    }
  }
}
