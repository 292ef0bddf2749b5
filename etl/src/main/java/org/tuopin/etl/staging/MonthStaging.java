package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.etl.model.Pseudonyms;
import org.tuopin.etl.model.ReferenceFrames;

/**
 * Stages a month's landing records, every source against its rules: the households before their
 * members (a member names a household of the same snapshot), the allocations before the payments (a
 * payment names an allocation, of this month or an earlier one).
 *
 * @param povertyCauses the poverty causes the registry may name (conf povertyCauses)
 * @param today the day of the run: a submission or signal dated after it is refused
 */
public record MonthStaging(
    ReferenceFrames reference, List<String> povertyCauses, Pseudonyms pseudonyms, LocalDate today) {

  /**
   * What the month's rules look up in the lake's earlier months.
   *
   * @param allocations (earlier_allocation_id): approved allocations of other months
   * @param payments (earlier_txn_id): payments of other months
   */
  public record EarlierFacts(Dataset<Row> allocations, Dataset<Row> payments) {}

  public StagedMonth stage(Dataset<Row> records, YearMonth period, EarlierFacts earlier) {
    LocalDate first = period.atDay(1);
    Staged submissions =
        SubmissionStaging.stage(
                records, first, today, reference.reportingUnits(), reference.indicatorKeys())
            .cached();
    Staged households =
        HouseholdStaging.stage(records, period.getYear(), reference.villages(), povertyCauses)
            .cached();
    Staged members =
        MemberStaging.stage(
                records, MemberStaging.households(households.loaded()), households.loaded().count())
            .cached();
    Staged allocations =
        AllocationStaging.stage(
                records,
                reference.reportingUnits(),
                reference.fundSourceKeys(),
                reference.indicatorKeys(),
                earlier.allocations())
            .cached();
    Dataset<Row> knownAllocations =
        earlier
            .allocations()
            .select(col("earlier_allocation_id").as("known_allocation_id"))
            .union(allocations.loaded().select(col("allocation_id")))
            .distinct();
    return new StagedMonth(
        submissions,
        households,
        members,
        allocations,
        DisbursementStaging.stage(
                records,
                first,
                reference.payees(),
                reference.fundSourceKeys(),
                reference.indicatorKeys(),
                knownAllocations,
                earlier.payments())
            .cached(),
        PopulationStaging.stage(records, period.getYear(), reference.payees()).cached(),
        VillageSurveyStaging.stage(records, reference.villages()).cached(),
        ScreeningStaging.stage(
                records,
                reference.villages(),
                reference.screeningCategories(),
                reference.screeningDepartments(),
                first,
                today)
            .cached(),
        VerificationStaging.stage(records, pseudonyms, first, today).cached(),
        Quarantine.ofFailedFiles(records));
  }
}
