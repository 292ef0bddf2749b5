package org.tuopin.jobs.refresh;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.tuopin.warehouse.Digests;
import org.tuopin.warehouse.RuleCount;
import org.tuopin.warehouse.RunSource;

/**
 * What one run did, kept as JSON in {@code <data>/restricted/runs/}: the source of v_runs and
 * v_data_quality.
 */
public record RunRecord(
    String runId,
    String period,
    String startedAt,
    String finishedAt,
    String outcome,
    String message,
    List<SourceCount> sources,
    List<RuleEntry> quality) {

  /** {@code <source>/<folder>/<12 hex digits>[.<extension>]}: see LandingFile. */
  private static final Pattern PUBLIC_NAME =
      Pattern.compile("[a-z_]+/[0-9-]+/[0-9a-f]{12}(\\.[^/]*)?");

  public static final String PUBLISHED = "published";
  public static final String GATE_STOPPED = "gate_stopped";
  public static final String FAILED = "failed";

  /** Reading and building; a record left so by a dead process becomes {@link #INTERRUPTED}. */
  public static final String RUNNING = "running";

  /** Its month is in the lake and waits for the publish at the end of its backfill. */
  public static final String BUILT = "built";

  /** The process ended (killed, or the machine stopped) before the run published. */
  public static final String INTERRUPTED = "interrupted";

  public RunRecord {
    sources = sources == null ? List.of() : List.copyOf(sources);
    quality = quality == null ? List.of() : List.copyOf(quality);
  }

  public record SourceCount(String source, long read, long loaded, long quarantined) {}

  public record RuleEntry(String source, String fileName, String rule, long rows) {}

  /** Whether the run is unfinished: running, or built and waiting for its publish. */
  public boolean unfinished() {
    return RUNNING.equals(outcome) || BUILT.equals(outcome);
  }

  public RunRecord withOutcome(String newOutcome, String newMessage, Instant finished) {
    return new RunRecord(
        runId, period, startedAt, finished.toString(), newOutcome, newMessage, sources, quality);
  }

  List<RunSource> runSources() {
    LocalDate first = LocalDate.parse(period + "-01");
    return sources.stream()
        .map(
            s ->
                new RunSource(
                    runId,
                    first,
                    Instant.parse(startedAt),
                    finishedAt == null ? null : Instant.parse(finishedAt),
                    outcome,
                    s.source(),
                    s.read(),
                    s.loaded(),
                    s.quarantined()))
        .toList();
  }

  List<RuleCount> ruleCounts() {
    LocalDate first = LocalDate.parse(period + "-01");
    return quality.stream()
        .map(
            q ->
                new RuleCount(
                    runId, first, q.source(), publishedName(q.fileName()), q.rule(), q.rows()))
        .toList();
  }

  /**
   * A file name as it may be published: a run of this version names files by the digest of their
   * bytes already; a record of an earlier version names them by their real names, which are
   * replaced by the same form over the digest of the name (the bytes may be gone).
   */
  static String publishedName(String fileName) {
    if (PUBLIC_NAME.matcher(fileName).matches()) {
      return fileName;
    }
    String[] parts = fileName.split("/");
    String own = parts[parts.length - 1];
    int dot = own.lastIndexOf('.');
    String folders = parts.length >= 3 ? parts[0] + "/" + parts[1] + "/" : "";
    return folders
        + Digests.sha256(fileName).substring(0, 12)
        + (dot <= 0 ? "" : own.substring(dot));
  }

  /** A run still reading and building, with what it has counted so far. */
  static RunRecord running(
      String runId,
      String period,
      String startedAt,
      List<SourceCount> sources,
      List<RuleEntry> quality) {
    return new RunRecord(runId, period, startedAt, null, RUNNING, null, sources, quality);
  }
}
