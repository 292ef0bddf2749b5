package org.tuopin.etl.io;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tuopin.etl.Progress;
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
import org.tuopin.etl.profile.StepProfile;
import org.tuopin.etl.staging.StagedMonth;
import org.tuopin.warehouse.catalog.LakePartition;

/**
 * Writes a staged month's partitions of every lake table, and the reference tables when they
 * changed: one Delta commit per table, the tables side by side.
 */
public record MonthWriter(
    SparkSession spark,
    Lake lake,
    ReferenceFrames reference,
    Pseudonyms pseudonyms,
    StepProfile profile) {

  /**
   * Writes the registry snapshots in as many files as the records were read into, so a cluster
   * writes a large month's in parallel (on 2 cores it made no difference: the writes are
   * CPU-bound), the other tables, far smaller, in one file each.
   *
   * @param snapshotFiles the files of each registry snapshot partition
   * @param ingestedFiles (file_name, first_ingested_at) of the month's landing files
   */
  public void write(
      StagedMonth staged, YearMonth period, int snapshotFiles, Dataset<Row> ingestedFiles) {
    LocalDate first = period.atDay(1);
    Progress.step("%s: writing the lake", period);
    LakeLookups lookups = new LakeLookups(spark, lake);
    Dataset<Row> previousHouseholds =
        lookups.previousPartition(
            FactHouseholdSnapshot.TABLE, period, FactHouseholdSnapshot.SCHEMA);
    Dataset<Row> previousMembers =
        lookups.previousPartition(FactMemberSnapshot.TABLE, period, FactMemberSnapshot.SCHEMA);
    Concurrently.run(
        List.of(
            write(
                period,
                FactHouseholdSnapshot.TABLE,
                () ->
                    FactHouseholdSnapshot.build(
                        staged.households().loaded(), previousHouseholds, first, pseudonyms),
                snapshotFiles),
            write(
                period,
                FactMemberSnapshot.TABLE,
                () ->
                    FactMemberSnapshot.build(
                        staged.members().loaded(), previousMembers, first, pseudonyms),
                snapshotFiles),
            write(
                period,
                FactProgress.TABLE,
                () -> FactProgress.build(staged.submissions().loaded(), ingestedFiles),
                1),
            write(
                period,
                FactAllocation.TABLE,
                () -> FactAllocation.build(staged.allocations().loaded(), first),
                1),
            write(
                period,
                FactDisbursement.TABLE,
                () -> FactDisbursement.build(staged.disbursements().loaded(), first, pseudonyms),
                1),
            step(
                period,
                FactPopulation.TABLE,
                () ->
                    lake.write(
                        FactPopulation.build(staged.population().loaded()),
                        FactPopulation.TABLE,
                        LakePartition.year(period.getYear()),
                        1)),
            write(
                period,
                FactVillageSurvey.TABLE,
                () -> FactVillageSurvey.build(staged.villageSurveys().loaded(), first),
                1),
            write(
                period,
                FactScreeningSignal.TABLE,
                () ->
                    FactScreeningSignal.build(
                        staged.screeningSignals().loaded(), first, pseudonyms),
                1),
            write(
                period,
                FactVerification.TABLE,
                () -> FactVerification.build(staged.verifications().loaded(), first),
                1),
            step(period, ReferenceFrames.DIM_REGION, this::writeRegions),
            step(
                period,
                ReferenceFrames.DIM_INDICATOR,
                () ->
                    lake.writeSmallTableUnlessCurrent(
                        spark, reference.dimIndicator(), ReferenceFrames.DIM_INDICATOR)),
            step(
                period,
                ReferenceFrames.DIM_FUND_SOURCE,
                () ->
                    lake.writeSmallTableUnlessCurrent(
                        spark, reference.dimFundSource(), ReferenceFrames.DIM_FUND_SOURCE))));
  }

  /** Replaces the month's partition of {@code table} with {@code rows}, as a step of its own. */
  private Runnable write(YearMonth period, String table, Supplier<Dataset<Row>> rows, int files) {
    return step(
        period, table, () -> lake.write(rows.get(), table, LakePartition.period(period), files));
  }

  private Runnable step(YearMonth period, String table, Runnable write) {
    return () -> profile.run(period + " write " + table, write);
  }

  private void writeRegions() {
    reference
        .regionFile()
        .ifPresentOrElse(
            file ->
                lake.writeFileUnlessCurrent(
                    spark, file, ReferenceFrames.DIM_REGION, LakePartition.WHOLE),
            () ->
                lake.write(
                    reference.dimRegion(), ReferenceFrames.DIM_REGION, LakePartition.WHOLE, 1));
  }
}
