package org.tuopin.jobs.refresh;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.tuopin.etl.Progress;
import org.tuopin.etl.source.Contracts;
import org.tuopin.etl.source.LandingRecords;
import org.tuopin.jobs.config.QualityGate;

/**
 * What a run read, loaded and quarantined: per source, per file, per file and rule, and a few
 * examples per rule. Examples name the file, line and column, never the rejected text, which may
 * hold personal data. Printed on the terminal, kept in the run record (sources and rules) and
 * written whole as JSON beside it.
 *
 * <p>Every file must balance: rows read = rows loaded + rows quarantined. A file that does not
 * means rows were lost between reading and staging, and the run fails rather than publish.
 */
public record QualityReport(
    String runId,
    String period,
    List<RunRecord.SourceCount> sources,
    List<FileCount> files,
    List<RunRecord.RuleEntry> rules,
    List<Example> examples,
    List<FileNote> notes) {
  static final int EXAMPLES_PER_RULE = 3;

  /** One landing file's balance; a file that could not be read counts as one row, quarantined. */
  public record FileCount(
      String source, String fileName, long read, long loaded, long quarantined) {}

  /**
   * What the reader chose for a file that loaded, e.g. where a city table's reported_at came from.
   */
  public record FileNote(String source, String fileName, String note) {}

  /** One quarantined row, by where it is and what it broke. */
  public record Example(
      String source, String rule, String fileName, long lineNumber, String column) {}

  /**
   * @param records the landing records read
   * @param outcomes per source and file: loaded and quarantined rows, from the stagings
   * @param quarantine the quarantined rows
   */
  static QualityReport of(
      String runId,
      String period,
      Dataset<Row> records,
      Dataset<Row> outcomes,
      Dataset<Row> quarantine) {
    List<FileCount> files = fileCounts(records, outcomes);
    for (FileCount f : files) {
      if (f.read() != f.loaded() + f.quarantined()) {
        throw new IllegalStateException(
            String.format(
                "%s: read %d rows but loaded %d and quarantined %d; rows were lost",
                f.fileName(), f.read(), f.loaded(), f.quarantined()));
      }
    }
    return new QualityReport(
        runId,
        period,
        sourceCounts(files),
        files,
        ruleEntries(quarantine),
        examples(quarantine),
        notes(records));
  }

  private static List<FileNote> notes(Dataset<Row> records) {
    List<FileNote> notes = new ArrayList<>();
    for (Row r :
        records
            .filter(
                col(LandingRecords.KIND)
                    .equalTo(LandingRecords.KIND_FILE)
                    .and(col(LandingRecords.FILE_RULE).isNull())
                    .and(col(LandingRecords.FILE_DETAIL).isNotNull()))
            .select(LandingRecords.SOURCE, LandingRecords.FILE_NAME, LandingRecords.FILE_DETAIL)
            .orderBy(LandingRecords.FILE_NAME)
            .collectAsList()) {
      notes.add(new FileNote(r.getString(0), r.getString(1), r.getString(2)));
    }
    return notes;
  }

  private static List<FileCount> fileCounts(Dataset<Row> records, Dataset<Row> outcomes) {
    Dataset<Row> read =
        records
            .filter(
                col(LandingRecords.KIND)
                    .equalTo(LandingRecords.KIND_ROW)
                    .or(col(LandingRecords.FILE_RULE).isNotNull()))
            .groupBy(col(LandingRecords.SOURCE), col(LandingRecords.FILE_NAME))
            .agg(count(lit(1)).as("read"));
    Dataset<Row> staged =
        outcomes
            .groupBy(col(LandingRecords.SOURCE), col(LandingRecords.FILE_NAME))
            .agg(sum("loaded").as("loaded"), sum("quarantined").as("quarantined"));
    List<FileCount> files = new ArrayList<>();
    for (Row r :
        read.join(
                staged,
                new String[] {LandingRecords.SOURCE, LandingRecords.FILE_NAME},
                "full_outer")
            .orderBy(LandingRecords.SOURCE, LandingRecords.FILE_NAME)
            .collectAsList()) {
      files.add(
          new FileCount(
              r.getString(0),
              r.getString(1),
              orZero(r, "read"),
              orZero(r, "loaded"),
              orZero(r, "quarantined")));
    }
    return files;
  }

  private static long orZero(Row row, String field) {
    Object value = row.getAs(field);
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static List<RunRecord.SourceCount> sourceCounts(List<FileCount> files) {
    Map<String, long[]> bySource = new LinkedHashMap<>();
    Contracts.MONTHLY_SOURCES.forEach(s -> bySource.put(s, new long[3]));
    bySource.put(Contracts.POPULATION, new long[3]);
    for (FileCount f : files) {
      long[] counts = bySource.get(f.source());
      counts[0] += f.read();
      counts[1] += f.loaded();
      counts[2] += f.quarantined();
    }
    List<RunRecord.SourceCount> sources = new ArrayList<>();
    bySource.forEach(
        (source, c) -> sources.add(new RunRecord.SourceCount(source, c[0], c[1], c[2])));
    return sources;
  }

  private static List<RunRecord.RuleEntry> ruleEntries(Dataset<Row> quarantine) {
    List<RunRecord.RuleEntry> rules = new ArrayList<>();
    for (Row row :
        quarantine
            .groupBy(col("source"), col("file_name"), col("rule"))
            .agg(count(lit(1)).as("rows"))
            .orderBy(col("source"), col("file_name"), col("rule"))
            .collectAsList()) {
      rules.add(
          new RunRecord.RuleEntry(
              row.getString(0), row.getString(1), row.getString(2), row.getLong(3)));
    }
    return rules;
  }

  private static List<Example> examples(Dataset<Row> quarantine) {
    Dataset<Row> first =
        quarantine
            .withColumn(
                "example",
                row_number()
                    .over(Window.partitionBy("source", "rule").orderBy("file_name", "line_number")))
            .filter(col("example").leq(EXAMPLES_PER_RULE))
            .orderBy("source", "rule", "example");
    List<Example> examples = new ArrayList<>();
    for (Row r :
        first.select("source", "rule", "file_name", "line_number", "rule_column").collectAsList()) {
      examples.add(
          new Example(
              r.getString(0), r.getString(1), r.getString(2), r.getLong(3), r.getString(4)));
    }
    return examples;
  }

  /**
   * The sources whose quarantined share passes the gate, each with its main rule; empty when none
   * does.
   */
  List<String> sourcesOverGate(QualityGate gate) {
    List<String> stopped = new ArrayList<>();
    for (RunRecord.SourceCount s : sources) {
      if (gate.stops(s.source(), s.read(), s.quarantined())) {
        String worst =
            rules.stream()
                .filter(r -> r.source().equals(s.source()))
                .collect(
                    Collectors.groupingBy(
                        RunRecord.RuleEntry::rule,
                        Collectors.summingLong(RunRecord.RuleEntry::rows)))
                .entrySet()
                .stream()
                .max(Map.Entry.comparingByValue())
                .map(e -> e.getKey() + " (" + e.getValue() + " rows)")
                .orElse("?");
        stopped.add(
            String.format(
                "%s quarantined %d of %d rows (%.1f%%, threshold %.1f%%), mostly %s",
                s.source(),
                s.quarantined(),
                s.read(),
                100.0 * s.quarantined() / s.read(),
                gate.thresholdFor(s.source()),
                worst));
      }
    }
    return stopped;
  }

  /**
   * Terminal report: counts per source, then per rule its count and first example (file, line,
   * column), then the notes.
   */
  void print() {
    for (RunRecord.SourceCount s : sources) {
      if (s.read() > 0) {
        Progress.detail(
            "%-14s read %8d  loaded %8d  quarantined %6d",
            s.source(), s.read(), s.loaded(), s.quarantined());
      }
    }
    Map<String, Long> rowsByRule =
        rules.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.source() + " " + r.rule(),
                    LinkedHashMap::new,
                    Collectors.summingLong(RunRecord.RuleEntry::rows)));
    for (Example e : examples) {
      Long rows = rowsByRule.remove(e.source() + " " + e.rule());
      if (rows != null) {
        Progress.detail(
            "  %s %s: %d, e.g. %s line %d%s",
            e.source(),
            e.rule(),
            rows,
            e.fileName(),
            e.lineNumber(),
            e.column() == null ? "" : " (" + e.column() + ")");
      }
    }
    // one line per kind of note (e.g. where city tables' reported_at came from), not per file
    Map<String, List<FileNote>> byKind =
        notes.stream()
            .collect(
                Collectors.groupingBy(
                    n -> n.note().replaceAll("\\d{4}-\\d{2}-\\d{2} ", ""),
                    LinkedHashMap::new,
                    Collectors.toList()));
    byKind.forEach(
        (kind, files) ->
            Progress.detail(
                "  %s: %s",
                files.size() == 1 ? files.get(0).fileName() : files.size() + " files",
                files.size() == 1 ? files.get(0).note() : kind));
  }
}
