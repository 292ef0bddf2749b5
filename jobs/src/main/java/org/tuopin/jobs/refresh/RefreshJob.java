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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.tuopin.etl.io.Lake;
import org.tuopin.etl.io.LakeUpgrade;
import org.tuopin.etl.model.CarryForward;
import org.tuopin.etl.model.FactAllocation;
import org.tuopin.etl.model.FactDisbursement;
import org.tuopin.etl.model.FactHouseholdSnapshot;
import org.tuopin.etl.model.FactMemberSnapshot;
import org.tuopin.etl.model.FactPopulation;
import org.tuopin.etl.model.FactProgress;
import org.tuopin.etl.model.FactScreeningSignal;
import org.tuopin.etl.model.FactVerification;
import org.tuopin.etl.model.FactVillageSurvey;
import org.tuopin.etl.model.Pseudonyms;
import org.tuopin.etl.model.ReferenceFrames;
import org.tuopin.etl.source.Contracts;
import org.tuopin.etl.source.LandingFile;
import org.tuopin.etl.source.LandingReader;
import org.tuopin.etl.source.LandingRecords;
import org.tuopin.etl.staging.AllocationStaging;
import org.tuopin.etl.staging.DisbursementStaging;
import org.tuopin.etl.staging.HouseholdStaging;
import org.tuopin.etl.staging.MemberStaging;
import org.tuopin.etl.staging.PopulationStaging;
import org.tuopin.etl.staging.Quarantine;
import org.tuopin.etl.staging.ScreeningStaging;
import org.tuopin.etl.staging.Staged;
import org.tuopin.etl.staging.SubmissionStaging;
import org.tuopin.etl.staging.VerificationStaging;
import org.tuopin.etl.staging.VillageSurveyStaging;
import org.tuopin.jobs.config.QualityGate;
import org.tuopin.warehouse.PublishSettings;
import org.tuopin.warehouse.PublishedSchema;
import org.tuopin.warehouse.Publisher;
import org.tuopin.warehouse.RestrictedFolder;

/**
 * Refreshes one period: reads its landing files, stages and validates them, applies the quality
 * gate, writes the period's lake partitions and (unless told not to) publishes. A re-run of the
 * same period with the same files rewrites the same partitions with the same rows.
 */
public final class RefreshJob {
  private static final DateTimeFormatter RUN_ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private static final String QUARANTINE = "quarantine";

  private final SparkSession spark;
  private final ReferenceFrames reference;
  private final List<String> povertyCauses;
  private final QualityGate gate;
  private final DataPaths paths;
  private final Pseudonyms pseudonyms;
  private final Clock clock;
  private final Lake lake;
  private final RunStore runs;
  private final PublishSettings publishSettings;
  private final MonthSettings monthSettings;
  private final LandingRules landingRules;

  /** The runs this process started: any other unfinished run belongs to a process that is gone. */
  private final Set<String> ownRuns = new HashSet<>();

  public RefreshJob(
      SparkSession spark,
      ReferenceFrames reference,
      List<String> povertyCauses,
      QualityGate gate,
      DataPaths paths,
      byte[] pseudonymKey,
      Clock clock,
      PublishSettings publishSettings,
      MonthSettings monthSettings,
      LandingRules landingRules) {
    this.spark = spark;
    this.reference = reference;
    this.povertyCauses = povertyCauses;
    this.gate = gate;
    this.paths = paths;
    this.pseudonyms = new Pseudonyms(pseudonymKey);
    this.clock = clock;
    this.lake = new Lake(paths.lake());
    this.runs = RunStore.of(paths);
    this.publishSettings = publishSettings;
    this.monthSettings = monthSettings;
    this.landingRules = landingRules;
  }

  /** Ingests and builds one period; publishes when {@code publish} is set. */
  public RunRecord refresh(YearMonth period, boolean publish) {
    return WriterLock.holding(
        paths.data(), "refresh --period " + period, () -> refreshLocked(period, publish));
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

  private RunRecord refreshLocked(YearMonth period, boolean publish) {
    upgradeLakeLocked();
    Instant started = clock.instant();
    String runId = RUN_ID_TIME.format(started) + "-" + period;
    List<LandingFile> files = LandingScan.filesFor(paths.landing(), period);
    landingRules.check(paths.landing(), period, files, lastRunOf(period));
    markInterruptedRuns();
    RunRecord running =
        RunRecord.running(runId, period.toString(), started.toString(), List.of(), List.of());
    ownRuns.add(runId);
    runs.save(running);
    runs.saveLandingFiles(runId, realPaths(files));
    Progress.step("%s: reading %d landing files", period, files.size());
    try {
      MonthInput input = read(period, files);
      try {
        return refresh(input, publish, runId, started);
      } finally {
        input.records().unpersist();
      }
    } catch (RuntimeException e) {
      RunRecord latest =
          runs.all().stream().filter(r -> r.runId().equals(runId)).findFirst().orElse(running);
      if (latest.unfinished()) {
        runs.save(
            latest.withOutcome(RunRecord.FAILED, String.valueOf(e.getMessage()), clock.instant()));
      }
      throw e;
    }
  }

  /** The latest run of the period that was published, if any: what a re-run must not lose. */
  private Optional<RunRecord> lastRunOf(YearMonth period) {
    return runs.all().stream()
        .filter(
            r -> r.period().equals(period.toString()) && r.outcome().equals(RunRecord.PUBLISHED))
        .reduce((a, b) -> b);
  }

  /** Runs left running or built by a process that is gone (this one holds the writer lock). */
  private void markInterruptedRuns() {
    for (RunRecord run : runs.all()) {
      if (run.unfinished() && !ownRuns.contains(run.runId())) {
        runs.save(
            run.withOutcome(
                RunRecord.INTERRUPTED, "the run ended before it published", clock.instant()));
      }
    }
  }

  private void writeRegions() {
    reference
        .regionFile()
        .ifPresentOrElse(
            file ->
                lake.writeFileUnlessCurrent(
                    spark, file, ReferenceFrames.DIM_REGION, Lake.WHOLE_TABLE),
            () ->
                lake.write(reference.dimRegion(), ReferenceFrames.DIM_REGION, Lake.WHOLE_TABLE, 1));
  }

  /**
   * A period's landing files and their records, read into {@code partitions} partitions and kept:
   * every staging reads them, and the quality report counts them.
   */
  private record MonthInput(
      YearMonth period,
      List<LandingFile> files,
      Dataset<Row> records,
      int partitions,
      LocalDate ingestedOn) {}

  private MonthInput read(YearMonth period, List<LandingFile> files) {
    int partitions = monthSettings.apply(spark, files);
    // one day for the run: the raw-text re-read must give the same records across midnight
    LocalDate ingestedOn = LandingReader.officeDay(clock.instant());
    Dataset<Row> records =
        LandingReader.read(spark, files, reference.cityUnitNames(), ingestedOn, partitions)
            .persist(StorageLevel.MEMORY_AND_DISK());
    if (partitions > 1) {
      // Filled once here: the first staging query reads the records in two branches (a
      // registry's households joined to its member counts) whose stages run at the same time, and
      // a cached partition not yet stored is computed by each of them (the national month parsed
      // its 13 GB five to seven times over). A small month's one partition costs less read twice
      // than the extra job.
      Progress.detail("%,d landing records in %d partitions", records.count(), partitions);
    }
    return new MonthInput(period, files, records, partitions, ingestedOn);
  }

  private RunRecord refresh(MonthInput input, boolean publish, String runId, Instant started) {
    YearMonth period = input.period();
    StagedPeriod staged = stage(input.records(), period);
    Dataset<Row> quarantine = staged.quarantine().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      QualityReport report =
          QualityReport.of(
              runId, period.toString(), input.records(), staged.outcomeByFile(), quarantine);
      RunRecord record =
          RunRecord.running(
              runId, period.toString(), started.toString(), report.sources(), report.rules());
      report.print();
      runs.saveQualityReport(report);
      writeQuarantine(
          withRawText(quarantine, input, report)
              .withColumn("run_id", lit(runId))
              .withColumn("period", lit(Date.valueOf(period.atDay(1)))),
          period);
      List<String> stopped = report.sourcesOverGate(gate);
      if (!stopped.isEmpty()) {
        RunRecord gateStopped =
            record.withOutcome(
                RunRecord.GATE_STOPPED,
                "quality gate: " + String.join("; ", stopped),
                clock.instant());
        runs.save(gateStopped);
        return gateStopped;
      }
      writeLake(staged, input);
      carryForwardIntoLaterPeriods(period);
      RunRecord built = record.withOutcome(RunRecord.BUILT, null, clock.instant());
      runs.save(built);
      return publish ? publish(List.of(built)).get(0) : built;
    } finally {
      quarantine.unpersist();
      staged.release();
    }
  }

  /**
   * The month's quarantine, restricted: only its latest version is kept, since no publish reads it.
   */
  private void writeQuarantine(Dataset<Row> quarantine, YearMonth period) {
    Lake restricted = new Lake(paths.restricted());
    String partition = Lake.periodPartition(period.toString());
    restricted.write(quarantine, QUARANTINE, partition, 1);
    restricted.removeSupersededVersions(QUARANTINE);
    RestrictedFolder.secure(paths.restricted());
  }

  /**
   * The quarantine with every row's raw text: the month's records were read without CSV and JSON
   * Lines rows' text, so the files the report counts quarantined rows in (a few, on a bad month)
   * are read again with it. Rows that kept their text pass through.
   */
  private Dataset<Row> withRawText(
      Dataset<Row> quarantine, MonthInput input, QualityReport report) {
    Set<String> withQuarantine =
        report.files().stream()
            .filter(f -> f.quarantined() > 0)
            .map(QualityReport.FileCount::fileName)
            .collect(Collectors.toSet());
    if (withQuarantine.isEmpty()) {
      return quarantine;
    }
    List<LandingFile> reread =
        input.files().stream().filter(f -> withQuarantine.contains(f.name())).toList();
    Progress.detail("reading %d files again for their quarantined rows' raw text", reread.size());
    int partitions = Math.min(reread.size(), input.partitions());
    return Quarantine.withRawText(
        quarantine,
        LandingReader.readWithRawText(
            spark, reread, reference.cityUnitNames(), input.ingestedOn(), partitions));
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
    Dataset<Row> records = read(period, files).records();
    StagedPeriod staged = stage(records, period);
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
              records.filter(col(LandingRecords.SOURCE).equalTo(source)),
              staged.outcomeByFile().filter(col(LandingRecords.SOURCE).equalTo(source)),
              quarantine);
      report.print();
      return report.sourcesOverGate(gate);
    } finally {
      quarantine.unpersist();
      staged.release();
      records.unpersist();
    }
  }

  /**
   * Publishes the lake. The given runs (built, waiting for this publish) are published with it and
   * their records say so once it has succeeded; they are marked failed if it fails.
   *
   * @return the given runs as published
   */
  public List<RunRecord> publish(List<RunRecord> pending) {
    return WriterLock.holding(paths.data(), "publish", () -> publishLocked(pending));
  }

  private List<RunRecord> publishLocked(List<RunRecord> pending) {
    Progress.step("publishing %s", paths.serving().resolve(Publisher.FILE_NAME));
    long start = System.nanoTime();
    markInterruptedRuns();
    Instant finished = clock.instant();
    List<RunRecord> published =
        pending.stream().map(r -> r.withOutcome(RunRecord.PUBLISHED, null, finished)).toList();
    List<String> publishedIds = published.stream().map(RunRecord::runId).toList();
    List<RunRecord> records =
        new ArrayList<>(
            runs.all().stream().filter(r -> !publishedIds.contains(r.runId())).toList());
    records.addAll(published);
    try {
      int id =
          new Publisher(
                  paths.lake(),
                  paths.serving(),
                  publishSettings,
                  message -> Progress.detail("%s", message))
              .publish(RunStore.runSources(records), RunStore.ruleCounts(records));
      published.forEach(runs::save);
      Progress.detail(
          "publish %d in %.1f s (kept for ./tuopin sql --as-of %d)",
          id, (System.nanoTime() - start) / 1e9, id);
      return published;
    } catch (RuntimeException e) {
      for (RunRecord run : pending) {
        runs.save(
            run.withOutcome(
                RunRecord.FAILED, "publish failed: " + e.getMessage(), clock.instant()));
      }
      throw e;
    }
  }

  private record StagedPeriod(
      Staged submissions,
      Staged households,
      Staged members,
      Staged allocations,
      Staged disbursements,
      Staged population,
      Staged villageSurveys,
      Staged screeningSignals,
      Staged verifications,
      Dataset<Row> failedFiles) {
    Dataset<Row> quarantine() {
      return submissions
          .quarantined()
          .unionByName(households.quarantined())
          .unionByName(members.quarantined())
          .unionByName(allocations.quarantined())
          .unionByName(disbursements.quarantined())
          .unionByName(population.quarantined())
          .unionByName(villageSurveys.quarantined())
          .unionByName(screeningSignals.quarantined())
          .unionByName(verifications.quarantined())
          .unionByName(failedFiles);
    }

    Dataset<Row> outcomeByFile() {
      Dataset<Row> failed =
          failedFiles.select(
              col(LandingRecords.SOURCE),
              col(LandingRecords.FILE_NAME),
              lit(0L).as("loaded"),
              lit(1L).as("quarantined"));
      return List.of(
              submissions,
              households,
              members,
              allocations,
              disbursements,
              population,
              villageSurveys,
              screeningSignals,
              verifications)
          .stream()
          .map(Staged::outcomeByFile)
          .reduce(failed, Dataset::unionByName);
    }

    void release() {
      List.of(
              submissions,
              households,
              members,
              allocations,
              disbursements,
              population,
              villageSurveys,
              screeningSignals,
              verifications)
          .forEach(Staged::release);
    }
  }

  private StagedPeriod stage(Dataset<Row> records, YearMonth period) {
    LocalDate first = period.atDay(1);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    Staged submissions =
        SubmissionStaging.stage(
                records, first, today, reference.reportingUnits(), reference.indicatorKeys())
            .cached();
    Staged households =
        HouseholdStaging.stage(records, period.getYear(), reference.villages(), povertyCauses)
            .cached();
    boolean fewHouseholds = households.loaded().count() <= MemberStaging.BROADCAST_HOUSEHOLDS;
    Staged members =
        MemberStaging.stage(records, MemberStaging.households(households.loaded()), fewHouseholds)
            .cached();
    Dataset<Row> earlierAllocations =
        lake.readAll(spark, FactAllocation.TABLE, FactAllocation.SCHEMA)
            .filter(col("approved_on").isNotNull())
            .join(
                lake.read(
                        spark,
                        FactAllocation.TABLE,
                        Lake.periodPartition(period.toString()),
                        FactAllocation.SCHEMA)
                    .select(col("allocation_id").as("same_period_id")),
                col("allocation_id").equalTo(col("same_period_id")),
                "left_anti")
            .select(col("allocation_id").as("earlier_allocation_id"));
    Staged allocations =
        AllocationStaging.stage(
                records,
                reference.reportingUnits(),
                reference.fundSourceKeys(),
                reference.indicatorKeys(),
                earlierAllocations)
            .cached();
    Dataset<Row> knownAllocations =
        earlierAllocations
            .select(col("earlier_allocation_id").as("known_allocation_id"))
            .union(allocations.loaded().select(col("allocation_id")))
            .distinct();
    Dataset<Row> earlierTxns =
        lake.readAll(spark, FactDisbursement.TABLE, FactDisbursement.SCHEMA)
            .filter(col("period").notEqual(lit(Date.valueOf(first))))
            .select(col("txn_id").as("earlier_txn_id"));
    Staged disbursements =
        DisbursementStaging.stage(
                records,
                first,
                reference.payees(),
                reference.fundSourceKeys(),
                reference.indicatorKeys(),
                knownAllocations,
                earlierTxns)
            .cached();
    Staged population =
        PopulationStaging.stage(records, period.getYear(), reference.payees()).cached();
    Staged villageSurveys = VillageSurveyStaging.stage(records, reference.villages()).cached();
    Staged screeningSignals =
        ScreeningStaging.stage(
                records,
                reference.villages(),
                reference.screeningCategories(),
                reference.screeningDepartments(),
                first,
                today)
            .cached();
    Staged verifications = VerificationStaging.stage(records, pseudonyms, first, today).cached();
    return new StagedPeriod(
        submissions,
        households,
        members,
        allocations,
        disbursements,
        population,
        villageSurveys,
        screeningSignals,
        verifications,
        Quarantine.ofFailedFiles(records));
  }

  /**
   * Writes the period's partitions: the registry snapshots in as many files as the records were
   * read into, so a cluster writes a large month's in parallel (on 2 cores it made no difference:
   * the writes are CPU-bound), the other tables, far smaller, in one file each.
   */
  private void writeLake(StagedPeriod staged, MonthInput input) {
    YearMonth period = input.period();
    LocalDate first = period.atDay(1);
    String partition = Lake.periodPartition(period.toString());
    Progress.step("%s: writing the lake", period);
    Dataset<Row> previousHouseholds =
        previousPartition(FactHouseholdSnapshot.TABLE, period, FactHouseholdSnapshot.SCHEMA);
    Dataset<Row> previousMembers =
        previousPartition(FactMemberSnapshot.TABLE, period, FactMemberSnapshot.SCHEMA);
    Dataset<Row> ingested = ingestedFiles(input.files());
    Concurrently.run(
        List.of(
            () ->
                lake.write(
                    FactHouseholdSnapshot.build(
                        staged.households().loaded(), previousHouseholds, first, pseudonyms),
                    FactHouseholdSnapshot.TABLE,
                    partition,
                    input.partitions()),
            () ->
                lake.write(
                    FactMemberSnapshot.build(
                        staged.members().loaded(), previousMembers, first, pseudonyms),
                    FactMemberSnapshot.TABLE,
                    partition,
                    input.partitions()),
            () ->
                lake.write(
                    FactProgress.build(staged.submissions().loaded(), ingested),
                    FactProgress.TABLE,
                    partition,
                    1),
            () ->
                lake.write(
                    FactAllocation.build(staged.allocations().loaded())
                        .withColumn("period", lit(Date.valueOf(first))),
                    FactAllocation.TABLE,
                    partition,
                    1),
            () ->
                lake.write(
                    FactDisbursement.build(staged.disbursements().loaded(), first, pseudonyms),
                    FactDisbursement.TABLE,
                    partition,
                    1),
            () ->
                lake.write(
                    FactPopulation.build(staged.population().loaded()),
                    FactPopulation.TABLE,
                    Lake.yearPartition(period.getYear()),
                    1),
            () ->
                lake.write(
                    FactVillageSurvey.build(staged.villageSurveys().loaded(), first),
                    FactVillageSurvey.TABLE,
                    partition,
                    1),
            () ->
                lake.write(
                    FactScreeningSignal.build(
                        staged.screeningSignals().loaded(), first, pseudonyms),
                    FactScreeningSignal.TABLE,
                    partition,
                    1),
            () ->
                lake.write(
                    FactVerification.build(staged.verifications().loaded(), first),
                    FactVerification.TABLE,
                    partition,
                    1),
            this::writeRegions,
            () ->
                lake.writeSmallTableUnlessCurrent(
                    spark, reference.dimIndicator(), ReferenceFrames.DIM_INDICATOR),
            () ->
                lake.writeSmallTableUnlessCurrent(
                    spark, reference.dimFundSource(), ReferenceFrames.DIM_FUND_SOURCE)));
  }

  /**
   * A month refreshed after later ones (sent late, or re-run) changes what those later months
   * carried forward for counties that sent nothing then. Each later month that carries a county is
   * built again from its own sent rows and the month before it, in order; the first later month
   * that carries none depends on nothing earlier, and neither do the months after it.
   */
  private void carryForwardIntoLaterPeriods(YearMonth period) {
    for (String later : lake.periodsAfter(FactHouseholdSnapshot.TABLE, period.toString())) {
      YearMonth month = YearMonth.parse(later.substring("period=".length()));
      boolean carried =
          carryForwardAgain(FactHouseholdSnapshot.TABLE, FactHouseholdSnapshot.SCHEMA, month);
      carried |= carryForwardAgain(FactMemberSnapshot.TABLE, FactMemberSnapshot.SCHEMA, month);
      if (!carried) {
        return;
      }
    }
  }

  /**
   * @return whether the month carries any county forward from the month before it
   */
  private boolean carryForwardAgain(String table, StructType schema, YearMonth month) {
    String partition = Lake.periodPartition(month.toString());
    Dataset<Row> sent =
        lake.read(spark, table, partition, schema).filter(col("carried_forward").equalTo(false));
    Dataset<Row> previous = previousPartition(table, month, schema);
    if (CarryForward.carriedCounties(sent, previous).isEmpty()) {
      return false;
    }
    Progress.detail("%s: %s carried forward again", month, table);
    lake.write(
        CarryForward.apply(sent, previous, month.atDay(1)),
        table,
        partition,
        lake.fileCount(table, partition));
    return true;
  }

  private Dataset<Row> previousPartition(String table, YearMonth period, StructType schema) {
    return lake.latestPeriodBefore(table, period.toString())
        .map(p -> lake.read(spark, table, p, schema))
        .orElseGet(() -> spark.createDataFrame(List.of(), schema));
  }

  /** Each file's name as Tuopin writes it, and its real path under the landing root. */
  private Map<String, String> realPaths(List<LandingFile> files) {
    Map<String, String> realPaths = new TreeMap<>();
    for (LandingFile file : files) {
      realPaths.put(file.name(), paths.landing().relativize(Path.of(file.location())).toString());
    }
    return realPaths;
  }

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
