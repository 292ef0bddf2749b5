package org.tuopin.server;

import java.util.List;
import java.util.Map;
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
   */
  record Relation(String name, Access access, String regionColumn, String analystRows) {
    static Relation reference(String name) {
      return new Relation(name, Access.EVERYONE, null, null);
    }

    static Relation regional(String name, String regionColumn) {
      return new Relation(name, Access.REGIONAL, regionColumn, null);
    }

    static Relation household(String name) {
      return new Relation(name, Access.AUDITOR, "county_code", null);
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
          Relation.reference("screening_category"),
          Relation.regional("dim_region", "region_code"),
          Relation.regional("dim_region_history", "region_code"),
          Relation.regional("v_poverty_trend", "region_code"),
          Relation.regional("v_monitoring", "region_code"),
          Relation.regional("v_village_exit_check", "village_code"),
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
              "fact_disbursement", Access.REGIONAL, "region_code", "household_key IS NULL"),
          new Relation("v_anomalies", Access.REGIONAL, "region_code", NOT_ABOUT_HOUSEHOLDS),
          Relation.household("dim_household"),
          Relation.household("fact_household_snapshot"),
          Relation.household("fact_household_event"),
          Relation.household("fact_member_snapshot"),
          Relation.household("v_household_exit_check"),
          Relation.household("v_monitoring_alerts"),
          Relation.household("fact_screening_signal"),
          Relation.household("v_screening_leads"),
          // counts of leads per county and department, not suppressed: auditors only
          Relation.household("v_screening_leads_by_county"),
          Relation.household("v_alert_followup"),
          Relation.household("v_alert_followup_by_county"),
          Relation.household("v_verifications"),
          Relation.household("v_unmatched_verifications"),
          new Relation("v_runs", Access.NATIONAL, null, null),
          new Relation("v_data_quality", Access.NATIONAL, null, null));

  /**
   * What an analyst does not see of a relation's counts: the relation's count columns (each a cell
   * of {@link SuppressedCounts}, per period and region) and its columns computed from counts (a
   * rate is NULL when any count it is computed from is suppressed).
   *
   * @param regionColumn the region of a row's cells
   * @param counts counts of households or persons, suppressed when small and with complements
   * @param derived a column computed from counts, and those counts
   */
  record Suppression(
      String relation,
      String regionColumn,
      List<String> counts,
      Map<String, List<String>> derived) {}

  /** Every served count of households or persons, and what is computed from one. */
  static final List<Suppression> SUPPRESSED =
      List.of(
          new Suppression(
              "v_poverty_trend",
              "region_code",
              List.of(
                  "poor_households",
                  "poor_persons",
                  "exited_households",
                  "exited_persons",
                  "returned_households",
                  "returned_persons",
                  "returned_in_year_households",
                  "newly_poor_in_year_households"),
              Map.of("incidence_rate", List.of("poor_persons"))),
          new Suppression(
              "v_monitoring",
              "region_code",
              List.of(
                  "monitored_households",
                  "monitored_persons",
                  "unstable_households",
                  "edge_households",
                  "hardship_households",
                  "newly_monitored_households",
                  "eliminated_households",
                  "at_risk_households",
                  "at_risk_persons",
                  "exited_households",
                  "exited_monitored_households"),
              Map.of(
                  "exited_monitored_rate",
                  List.of("exited_monitored_households", "exited_households"))),
          new Suppression(
              "v_village_exit_check",
              "village_code",
              List.of("poor_persons"),
              Map.of("incidence_rate", List.of("poor_persons"))),
          // the county's incidence is v_poverty_trend's: NULL where its poor_persons is suppressed
          new Suppression(
              "v_county_exit_check",
              "county_code",
              List.of(),
              Map.of("incidence_rate", List.of("poor_persons"))));

  private ServedRelations() {}

  static Optional<Relation> named(String name) {
    return ALL.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  static Optional<Suppression> suppressionOf(String relation) {
    return SUPPRESSED.stream().filter(s -> s.relation().equals(relation)).findFirst();
  }
}
