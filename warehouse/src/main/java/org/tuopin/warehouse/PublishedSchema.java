package org.tuopin.warehouse;

import static org.tuopin.warehouse.Derivation.Scope.PERIODS_OF_YEAR_AND_LAST_BEFORE;
import static org.tuopin.warehouse.Derivation.Scope.PERIODS_OF_YEAR_UP_TO_PERIOD;
import static org.tuopin.warehouse.Derivation.Scope.PREVIOUS_PERIOD;
import static org.tuopin.warehouse.Derivation.Scope.SAME_AND_PREVIOUS_PERIOD;
import static org.tuopin.warehouse.Derivation.Scope.SAME_PERIOD;
import static org.tuopin.warehouse.Derivation.Scope.SAME_PREVIOUS_AND_YEAR_EARLIER_PERIOD;
import static org.tuopin.warehouse.Derivation.Scope.WHOLE;
import static org.tuopin.warehouse.Derivation.Scope.YEAR_OF_PERIOD;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.tuopin.warehouse.Derivation.Grain;
import org.tuopin.warehouse.Derivation.Input;
import org.tuopin.warehouse.catalog.LakeTable;
import org.tuopin.warehouse.catalog.LakeTables;
import org.tuopin.warehouse.catalog.Publication;

/**
 * The names of the published tables and views, and how each is made; the SQL under sql/ defines
 * them.
 */
public final class PublishedSchema {
  public static final String HOUSEHOLD_SNAPSHOT = LakeTables.FACT_HOUSEHOLD_SNAPSHOT.name();
  public static final String MEMBER_SNAPSHOT = LakeTables.FACT_MEMBER_SNAPSHOT.name();
  static final String HOUSEHOLD_STATE = "household_state";

  /** Lake tables whose rows are copied into each published file (see {@link Publication}). */
  public static final List<String> COPIED_LAKE_TABLES = lakeTables(Publication.COPIED);

  /** Lake tables the published file reads where they lie (see {@link Publication}). */
  public static final List<String> READ_IN_PLACE_LAKE_TABLES =
      lakeTables(Publication.READ_IN_PLACE);

  private static final List<String> TYPED_TABLE_FILES =
      List.of("tables/schema.sql", "tables/derived.sql");

  /** Every lake table. */
  public static final List<String> LAKE_TABLES = LakeTables.names();

  /** The derived tables, in the order they are built (a table may read the ones before it). */
  public static final List<Derivation> DERIVATIONS =
      List.of(
          new Derivation(
              HOUSEHOLD_STATE,
              "household_state.sql",
              Grain.PERIOD,
              List.of(
                  Input.lake(HOUSEHOLD_SNAPSHOT, SAME_PERIOD),
                  Input.derived("previous_household_state", HOUSEHOLD_STATE, PREVIOUS_PERIOD)),
              List.of()),
          new Derivation(
              "household_version_closed",
              "household_version_closed.sql",
              Grain.PERIOD,
              List.of(
                  Input.derived("previous_household_state", HOUSEHOLD_STATE, PREVIOUS_PERIOD),
                  Input.derived(HOUSEHOLD_STATE, HOUSEHOLD_STATE, SAME_PERIOD)),
              List.of()),
          new Derivation(
              "fact_household_event",
              "fact_household_event.sql",
              Grain.PERIOD,
              List.of(Input.lake(HOUSEHOLD_SNAPSHOT, SAME_AND_PREVIOUS_PERIOD)),
              List.of()),
          new Derivation(
              "registry_county_period",
              "registry_county_period.sql",
              Grain.PERIOD,
              List.of(Input.lake(HOUSEHOLD_SNAPSHOT, SAME_PERIOD)),
              List.of()),
          new Derivation(
              "agg_v_poverty_trend",
              "poverty_trend.sql",
              Grain.PERIOD,
              List.of(
                  Input.lake(HOUSEHOLD_SNAPSHOT, SAME_PERIOD),
                  Input.derived(
                      "fact_household_event", "fact_household_event", PERIODS_OF_YEAR_UP_TO_PERIOD),
                  Input.lake("fact_population", YEAR_OF_PERIOD),
                  Input.lake("dim_region", WHOLE)),
              List.of("v_poverty_trend")),
          new Derivation(
              "agg_v_village_exit_check",
              "village_exit_check.sql",
              Grain.PERIOD,
              List.of(
                  Input.lake(HOUSEHOLD_SNAPSHOT, SAME_PERIOD),
                  Input.lake("fact_village_survey", SAME_PERIOD),
                  Input.lake("fact_population", YEAR_OF_PERIOD),
                  Input.lake("dim_region", WHOLE)),
              List.of("v_village_exit_check")),
          new Derivation(
              "agg_v_monitoring",
              "monitoring.sql",
              Grain.PERIOD,
              List.of(Input.lake(HOUSEHOLD_SNAPSHOT, SAME_PERIOD), Input.lake("dim_region", WHOLE)),
              List.of("v_monitoring")),
          new Derivation(
              "household_alert",
              "household_alert.sql",
              Grain.PERIOD,
              List.of(
                  Input.lake(HOUSEHOLD_SNAPSHOT, SAME_PREVIOUS_AND_YEAR_EARLIER_PERIOD),
                  Input.lake("dim_region", WHOLE)),
              List.of()),
          new Derivation(
              "household_anomaly",
              "household_anomaly.sql",
              Grain.PERIOD,
              List.of(
                  Input.lake(HOUSEHOLD_SNAPSHOT, SAME_PERIOD),
                  Input.lake(MEMBER_SNAPSHOT, SAME_PERIOD),
                  Input.lake("fact_disbursement", SAME_PERIOD),
                  Input.lake("dim_region", WHOLE)),
              List.of("v_household_exit_check")),
          new Derivation(
              "registry_change",
              "registry_change.sql",
              Grain.YEAR,
              List.of(Input.lake(HOUSEHOLD_SNAPSHOT, PERIODS_OF_YEAR_AND_LAST_BEFORE)),
              List.of()));

  /**
   * Derived tables one row per household (or event) and period: read in place like the lake's.
   * household_state is read at its latest period only: the current state of every household.
   */
  static final List<String> READ_IN_PLACE_DERIVED =
      List.of(
          HOUSEHOLD_STATE, "household_version_closed", "fact_household_event", "household_alert");

  /**
   * Published views that are the rows of a derived agg_ table of the same name: computed once per
   * period.
   */
  static final List<String> PER_PERIOD_VIEWS =
      List.of("v_poverty_trend", "v_village_exit_check", "v_monitoring");

  /** Tables derived at every publish from small tables (sql/derived), in dependency order. */
  public static final List<String> DERIVED_AT_PUBLISH = List.of("dim_region_history");

  /** In dependency order: a view may use the ones before it. */
  public static final List<String> VIEWS =
      List.of(
          "dim_household",
          "v_poverty_trend",
          "v_monitoring",
          "v_monitoring_alerts",
          "v_verifications",
          "v_screening_leads",
          "v_screening_leads_by_county",
          "v_alert_followup",
          "v_alert_followup_by_county",
          "v_unmatched_verifications",
          "v_progress",
          "v_progress_league",
          "v_progress_revisions",
          "v_submission_completeness",
          "v_fund_flow",
          "v_runs",
          "v_data_quality",
          "v_household_exit_check",
          "v_village_exit_check",
          "v_county_exit_check",
          "v_idle_funds",
          "v_reconciliation",
          "v_anomalies");

  /**
   * Views computed once at publish, each into a table {@code agg_<view>} that the view then reads:
   * they combine small tables and derived findings that would cost 10-100 ms a query.
   */
  public static final List<String> COMPUTED_AT_PUBLISH = List.of("v_reconciliation", "v_anomalies");

  /** Creates every published table and derived table, empty, with its types. */
  public static void createTypedTables(Statement statement) throws SQLException {
    for (LakeTable table : LakeTables.ALL) {
      statement.execute(table.duckDbDdl());
    }
    for (String file : TYPED_TABLE_FILES) {
      for (String ddl : SqlResources.statements(file)) {
        statement.execute(ddl);
      }
    }
  }

  /** The definitions {@link #createTypedTables} runs, as text: a derived table's signature. */
  static String typedTablesText() {
    StringBuilder text = new StringBuilder();
    LakeTables.ALL.forEach(table -> text.append(table.duckDbDdl()).append(";\n"));
    TYPED_TABLE_FILES.forEach(file -> text.append(SqlResources.read(file)));
    return text.toString();
  }

  /** The CREATE VIEW statement of a published view, as sql/views defines it. */
  static String viewDefinition(String view) {
    return withoutFinalSemicolon(SqlResources.read("views/" + view + ".sql"));
  }

  static String withoutFinalSemicolon(String sql) {
    return sql.strip().replaceAll(";$", "");
  }

  private static List<String> lakeTables(Publication publication) {
    return LakeTables.ALL.stream()
        .filter(t -> t.publication() == publication)
        .map(LakeTable::name)
        .toList();
  }

  private PublishedSchema() {}
}
