package org.tuopin.jobs.refresh;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.tuopin.etl.Progress;
import org.tuopin.etl.io.CarryForwardRepair;
import org.tuopin.etl.io.Lake;
import org.tuopin.etl.io.LakeLookups;
import org.tuopin.etl.io.LakeUpgrade;
import org.tuopin.etl.io.MonthWriter;
import org.tuopin.etl.model.Pseudonyms;
import org.tuopin.etl.model.ReferenceFrames;
import org.tuopin.etl.profile.StepProfile;
import org.tuopin.etl.source.Contracts;
import org.tuopin.etl.source.LandingFile;
import org.tuopin.etl.source.LandingRecords;
import org.tuopin.etl.staging.MonthStaging;
import org.tuopin.etl.staging.StagedMonth;
import org.tuopin.warehouse.PublishedSchema;
import org.tuopin.warehouse.RestrictedFolder;
import org.tuopin.warehouse.catalog.LakePartition;

/**
 * Refreshes periods, as a sequence of steps. {@link #build} locks the data folder, reads a period's
 * landing files, stages them against the rules, applies the quality gate, writes the lake's
 * partitions, carries the registry forward again into later months and records the run; {@link
 * #publish} then publishes the runs built (a backfill's months at once). A re-run of the same
 * period with the same files rewrites the same partitions with the same rows.
 */
public final class RefreshJob {
  private static final DateTimeFormatter RUN_ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private static final String QUARANTINE = "quarantine";

  private final SparkSession spark;
  private final ReferenceFrames reference;
  private final DataPaths paths;
  private final Pseudonyms pseudonyms;
  private final Clock clock;
  private final Lake lake;
  private final RefreshSettings settings;
  private final RunLedger ledger;
  private final StepProfile profile;

  public RefreshJob(
      SparkSession spark,
      ReferenceFrames reference,
      DataPaths paths,
      byte[] pseudonymKey,
      Clock clock,
      RefreshSettings settings) {
    this.spark = spark;
    this.reference = reference;
    this.paths = paths;
    this.pseudonyms = new Pseudonyms(pseudonymKey);
    this.clock = clock;
    this.lake = new Lake(paths.lake());
    this.settings = settings;
    this.ledger = new RunLedger(RunStore.of(paths), clock);
    this.profile = settings.printProfile() ? StepProfile.of(spark) : StepProfile.disabled();
  }

  /**
   * Ingests and builds one period into the lake, without publishing it.
   *
   * @return the run, built (waiting for {@link #publish}) or stopped by the quality gate
   */
  public RunRecord build(YearMonth period) {
    return WriterLock.holding(
        paths.data(), "refresh --period " + period, () -> buildLocked(period));
  }

  /**
   * Converts a lake written before Delta into Delta tables (see {@link LakeUpgrade}); a refresh
   * does it first, so a new version runs on an old data folder.
   *
   * @return the tables converted
   */
  public List<String> upgradeLake() {
    return WriterLock.holding(paths.data(), "upgrade-lake", this::upgradeLakeLocked);
  }

  private List<String> upgradeLakeLocked() {
    List<String> converted =
        new ArrayList<>(LakeUpgrade.run(spark, paths.lake(), PublishedSchema.LAKE_TABLES));
    if (!LakeUpgrade.run(spark, paths.restricted(), List.of(QUARANTINE)).isEmpty()) {
      new Lake(paths.restricted()).removeSupersededVersions(QUARANTINE);
      converted.add("restricted/" + QUARANTINE);
    }
    if (!converted.isEmpty()) {
      Progress.step("lake upgraded to Delta tables: %s", String.join(", ", converted));
    }
    return converted;
  }

  private RunRecord buildLocked(YearMonth period) {
    upgradeLakeLocked();
    Instant started = clock.instant();
    String runId = RUN_ID_TIME.format(started) + "-" + period;
    List<LandingFile> files = LandingScan.filesFor(paths.landing(), period);
    settings.landingRules().check(paths.landing(), period, files, ledger.lastPublished(period));
    RunRecord running = ledger.start(runId, period, started, realPaths(files));
    Progress.step("%s: reading %d landing files", period, files.size());
    try {
      MonthInput input = read(period, files);
      try {
        return build(input, running);
      } finally {
        input.release();
      }
    } catch (RuntimeException e) {
      ledger.failed(running, e);
      throw e;
    }
  }

  private MonthInput read(YearMonth period, List<LandingFile> files) {
    return profile.step(
        period + " read the landing records",
        () -> MonthInput.read(spark, reference, settings.month(), clock, period, files));
  }

  private RunRecord build(MonthInput input, RunRecord running) {
    YearMonth period = input.period();
    StagedMonth staged = stage(input.records(), period);
    Dataset<Row> quarantine = staged.quarantine().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // the stagings are kept on their first use: the report's counts stage and check every source
      QualityReport report =
          profile.step(
              period + " stage, check and count every source",
              () ->
                  QualityReport.of(
                      running.runId(),
                      period.toString(),
                      input.records(),
                      staged.outcomeByFile(),
                      quarantine));
      RunRecord record =
          RunRecord.running(
              running.runId(),
              period.toString(),
              running.startedAt(),
              report.sources(),
              report.rules());
      report.print();
      ledger.store().saveQualityReport(report);
      profile.run(
          period + " write the quarantine",
          () ->
              writeQuarantine(
                  input
                      .withRawText(quarantine, report)
                      .withColumn("run_id", lit(running.runId()))
                      .withColumn("period", lit(Date.valueOf(period.atDay(1)))),
                  period));
      List<String> stopped = report.sourcesOverGate(settings.gate());
      if (!stopped.isEmpty()) {
        return ledger.end(
            record, RunRecord.GATE_STOPPED, "quality gate: " + String.join("; ", stopped));
      }
      new MonthWriter(spark, lake, reference, pseudonyms, profile)
          .write(staged, period, input.partitions(), ingestedFiles(input.files()));
      profile.run(
          period + " carry forward into later months",
          () -> new CarryForwardRepair(spark, lake).after(period));
      return ledger.end(record, RunRecord.BUILT, null);
    } finally {
      quarantine.unpersist();
      staged.release();
    }
  }

  private StagedMonth stage(Dataset<Row> records, YearMonth period) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    MonthStaging staging = new MonthStaging(reference, settings.povertyCauses(), pseudonyms, today);
    return profile.step(
        period + " stage (count the households)",
        () -> staging.stage(records, period, new LakeLookups(spark, lake).earlierFacts(period)));
  }

  /**
   * The month's quarantine, restricted: only its latest version is kept, since no publish reads it.
   */
  private void writeQuarantine(Dataset<Row> quarantine, YearMonth period) {
    Lake restricted = new Lake(paths.restricted());
    restricted.write(quarantine, QUARANTINE, LakePartition.period(period), 1);
    restricted.removeSupersededVersions(QUARANTINE);
    RestrictedFolder.secure(paths.restricted());
  }

  /**
   * Validates one source of a period against the contracts and the quality gate, writing nothing:
   * the check a scheduler runs per source, in parallel, before the refresh. Files a source's rules
   * look up are read too (a payment names an allocation of the same month).
   *
   * @return the reasons the gate would stop the source; empty when it passes
   */
  public List<String> validate(YearMonth period, String source) {
    List<String> read =
        source.equals(Contracts.DISBURSEMENTS)
            ? List.of(source, Contracts.ALLOCATIONS)
            : List.of(source);
    List<LandingFile> files =
        LandingScan.filesFor(paths.landing(), period).stream()
            .filter(f -> read.contains(f.source()))
            .toList();
    Progress.step("%s: validating %s (%d landing files)", period, source, files.size());
    MonthInput input = read(period, files);
    StagedMonth staged = stage(input.records(), period);
    Dataset<Row> quarantine =
        staged
            .quarantine()
            .filter(col(LandingRecords.SOURCE).equalTo(source))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      QualityReport report =
          QualityReport.of(
              "validate",
              period.toString(),
              input.records().filter(col(LandingRecords.SOURCE).equalTo(source)),
              staged.outcomeByFile().filter(col(LandingRecords.SOURCE).equalTo(source)),
              quarantine);
      report.print();
      return report.sourcesOverGate(settings.gate());
    } finally {
      quarantine.unpersist();
      staged.release();
      input.release();
    }
  }

  /**
   * Publishes the lake. The given runs (built, waiting for this publish) are published with it and
   * their records say so once it has succeeded; they are marked failed if it fails.
   *
   * @return the given runs as published
   */
  public List<RunRecord> publish(List<RunRecord> pending) {
    return WriterLock.holding(
        paths.data(),
        "publish",
        () -> {
          List<RunRecord> published =
              profile.step(
                  "publish",
                  () -> new PublishStep(paths, settings.publish(), ledger, clock).publish(pending));
          if (settings.printProfile()) {
            Progress.step("where the time went (Spark's task metrics per step):");
            profile.print(System.err);
          }
          return published;
        });
  }

  /** Each file's name as Tuopin writes it, and its real path under the landing root. */
  private Map<String, String> realPaths(List<LandingFile> files) {
    Map<String, String> realPaths = new TreeMap<>();
    for (LandingFile file : files) {
      realPaths.put(file.name(), paths.landing().relativize(Path.of(file.location())).toString());
    }
    return realPaths;
  }

  /** (file_name, first_ingested_at) of the month's files, from the ingestion ledger. */
  private Dataset<Row> ingestedFiles(List<LandingFile> files) {
    IngestionLedger ledger = new IngestionLedger(paths.ledger());
    Instant now = clock.instant();
    List<Row> rows = new ArrayList<>();
    for (LandingFile file : files) {
      Instant first = ledger.firstIngestion(file.sha256(), now);
      rows.add(RowFactory.create(file.name(), Timestamp.from(first)));
    }
    ledger.save();
    return spark.createDataFrame(
        rows,
        new StructType()
            .add("file_name", DataTypes.StringType)
            .add("first_ingested_at", DataTypes.TimestampType));
  }
}
