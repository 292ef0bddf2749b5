package org.tuopin.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.tuopin.warehouse.catalog.Audience;
import org.tuopin.warehouse.catalog.LakeTable;
import org.tuopin.warehouse.catalog.LakeTables;
import org.tuopin.warehouse.catalog.Serving;

/**
 * What the server serves of the published warehouse, and to whom. Every table or view listed here
 * is served under its own name, cut down to the user's scope by its region column; a relation not
 * listed (the publish's helpers: agg_*, household_state, household_anomaly, run_*, setting...) does
 * not exist for a user of the server.
 */
final class ServedRelations {
  /**
   * One served relation.
   *
   * @param regionColumn the column cut to the scope, null for a relation without regions
   * @param analystRows a condition on the rows an analyst sees, null for all of them
   */
  record Relation(String name, Audience access, String regionColumn, String analystRows) {
    static Relation reference(String name) {
      return new Relation(name, Audience.EVERYONE, null, null);
    }

    static Relation regional(String name, String regionColumn) {
      return new Relation(name, Audience.REGIONAL, regionColumn, null);
    }

    static Relation household(String name) {
      return new Relation(name, Audience.AUDITOR, "county_code", null);
    }

    static Relation of(LakeTable table) {
      Serving serving = table.serving();
      return new Relation(
          table.name(), serving.audience(), serving.regionColumn(), serving.analystRows());
    }

    /** Whether a user of this role and scope may read it. */
    boolean readableBy(Role role, String scope) {
      return switch (access) {
        case EVERYONE, REGIONAL -> true;
        case AUDITOR -> role == Role.AUDITOR;
        case NATIONAL -> scope.equals(Users.NATIONAL);
        case NOBODY -> false;
      };
    }
  }

  /** v_anomalies' kinds whose subject is not a household: what an analyst sees of it. */
  static final String NOT_ABOUT_HOUSEHOLDS =
      "kind IN ('cumulative_fell', 'over_disbursed', 'city_total_mismatch')";

  /** The lake's tables, as the catalog serves them, then the publish's other relations. */
  static final List<Relation> ALL =
      Stream.concat(
              LakeTables.ALL.stream()
                  .filter(t -> t.serving().audience() != Audience.NOBODY)
                  .map(Relation::of),
              Stream.of(
                  Relation.reference("dim_period"),
                  Relation.reference("poverty_line"),
                  Relation.reference("monitoring_line"),
                  Relation.reference("exit_threshold"),
                  Relation.reference("screening_category"),
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
                  new Relation(
                      "v_anomalies", Audience.REGIONAL, "region_code", NOT_ABOUT_HOUSEHOLDS),
                  Relation.household("dim_household"),
                  Relation.household("fact_household_event"),
                  Relation.household("v_household_exit_check"),
                  Relation.household("v_monitoring_alerts"),
                  Relation.household("v_screening_leads"),
                  // counts of leads per county and department, not suppressed: auditors only
                  Relation.household("v_screening_leads_by_county"),
                  Relation.household("v_alert_followup"),
                  Relation.household("v_alert_followup_by_county"),
                  Relation.household("v_verifications"),
                  Relation.household("v_unmatched_verifications"),
                  new Relation("v_runs", Audience.NATIONAL, null, null),
                  new Relation("v_data_quality", Audience.NATIONAL, null, null)))
          .toList();

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
