package org.tuopin.server;

import java.util.List;
import java.util.Optional;

/**
 * What the server serves of the published warehouse, and to whom. Every table or view listed here
 * is served under its own name, cut down to the user's scope by its region column; a relation not
 * listed (the publish's helpers: agg_*, household_state, household_anomaly, run_*, setting...) does
 * not exist for a user of the server.
 */
final class ServedRelations {
  /** Who may read a relation. */
  enum Access {
    /** Reference tables without regions. */
    EVERYONE,
    /** Aggregates and facts without households: analysts and auditors, within their scope. */
    REGIONAL,
    /** Household-level rows: auditors only, within their scope. */
    AUDITOR,
    /** The runs' records (file names of every county): users of scope 000000 only. */
    NATIONAL
  }

  /**
   * One served relation.
   *
   * @param regionColumn the column cut to the scope, null for a relation without regions
   * @param analystRows a condition on the rows an analyst sees, null for all of them
   * @param villageCounts whether small counts of households or persons are suppressed for analysts
   *     at village level (rows with region_level 'village', or every row when the relation is per
   *     village)
   */
  record Relation(
      String name, Access access, String regionColumn, String analystRows, boolean villageCounts) {
    static Relation reference(String name) {
      return new Relation(name, Access.EVERYONE, null, null, false);
    }

    static Relation regional(String name, String regionColumn) {
      return new Relation(name, Access.REGIONAL, regionColumn, null, false);
    }

    static Relation household(String name) {
      return new Relation(name, Access.AUDITOR, "county_code", null, false);
    }

    /** Whether a user of this role and scope may read it. */
    boolean readableBy(Role role, String scope) {
      return switch (access) {
        case EVERYONE, REGIONAL -> true;
        case AUDITOR -> role == Role.AUDITOR;
        case NATIONAL -> scope.equals(Users.NATIONAL);
      };
    }
  }

  /** v_anomalies' kinds whose subject is not a household: what an analyst sees of it. */
  static final String NOT_ABOUT_HOUSEHOLDS =
      "kind IN ('cumulative_fell', 'over_disbursed', 'city_total_mismatch')";

  static final List<Relation> ALL =
      List.of(
          Relation.reference("dim_period"),
          Relation.reference("dim_indicator"),
          Relation.reference("dim_fund_source"),
          Relation.reference("poverty_line"),
          Relation.reference("monitoring_line"),
          Relation.reference("exit_threshold"),
          Relation.regional("dim_region", "region_code"),
          Relation.regional("dim_region_history", "region_code"),
          new Relation("v_poverty_trend", Access.REGIONAL, "region_code", null, true),
          new Relation("v_monitoring", Access.REGIONAL, "region_code", null, true),
          new Relation("v_village_exit_check", Access.REGIONAL, "village_code", null, true),
          Relation.regional("v_county_exit_check", "county_code"),
          Relation.regional("v_progress", "region_code"),
          Relation.regional("v_progress_league", "region_code"),
          Relation.regional("v_progress_revisions", "region_code"),
          Relation.regional("v_submission_completeness", "region_code"),
          Relation.regional("v_fund_flow", "region_code"),
          Relation.regional("v_idle_funds", "region_code"),
          Relation.regional("v_reconciliation", "county_code"),
          Relation.regional("fact_progress", "region_code"),
          Relation.regional("fact_allocation", "region_code"),
          Relation.regional("fact_population", "region_code"),
          Relation.regional("fact_village_survey", "village_code"),
          new Relation(
              "fact_disbursement", Access.REGIONAL, "region_code", "household_key IS NULL", false),
          new Relation("v_anomalies", Access.REGIONAL, "region_code", NOT_ABOUT_HOUSEHOLDS, false),
          Relation.household("dim_household"),
          Relation.household("fact_household_snapshot"),
          Relation.household("fact_household_event"),
          Relation.household("fact_member_snapshot"),
          Relation.household("v_household_exit_check"),
          Relation.household("v_monitoring_alerts"),
          new Relation("v_runs", Access.NATIONAL, null, null, false),
          new Relation("v_data_quality", Access.NATIONAL, null, null, false));

  private ServedRelations() {}

  static Optional<Relation> named(String name) {
    return ALL.stream().filter(r -> r.name().equals(name)).findFirst();
  }
}
