package org.tuopin.warehouse;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The names of the published tables and views; the SQL under sql/ defines them. */
public final class PublishedSchema {
  /** Tables copied from the lake, where each is {@code <table>/<partition>/*.parquet}. */
  public static final List<String> LAKE_TABLES =
      List.of(
          "dim_region",
          "dim_indicator",
          "dim_fund_source",
          "fact_household_snapshot",
          "fact_member_snapshot",
          "fact_progress",
          "fact_allocation",
          "fact_disbursement",
          "fact_population",
          "fact_village_survey");

  /** Tables derived from the lake's at publish (sql/derived), in dependency order. */
  public static final List<String> DERIVED_TABLES = List.of("dim_household", "fact_household_event", "dim_region_history");

  /** In dependency order: a view may use the ones before it. */
  public static final List<String> VIEWS =
      List.of("v_poverty_trend", "v_progress", "v_progress_league", "v_progress_revisions", "v_submission_completeness",
          "v_fund_flow", "v_runs", "v_data_quality", "v_household_exit_check", "v_village_exit_check", "v_county_exit_check",
          "v_idle_funds", "v_reconciliation", "v_anomalies");

  /**
   * Views computed once at publish, each into a table {@code agg_<view>} that the view then
   * reads: at province scale they aggregate millions of rows, and took from 0.2 to 5 s a query.
   * Their SQL stays in sql/views, where it is defined.
   */
  public static final List<String> COMPUTED_AT_PUBLISH = List.of("v_poverty_trend", "v_household_exit_check", "v_reconciliation", "v_anomalies");

  /** Builds the derived tables and defines the views over the loaded tables. */
  static void deriveAndDefineViews(Statement statement) throws SQLException {
    for (String table : DERIVED_TABLES) {
      statement.execute(withoutFinalSemicolon(SqlResources.read("derived/" + table + ".sql")));
    }
    for (String view : VIEWS) {
      statement.execute(withoutFinalSemicolon(SqlResources.read("views/" + view + ".sql")));
    }
  }

  /** Computes each of {@link #COMPUTED_AT_PUBLISH}, in order, and points the view at the result. */
  static void computeAtPublish(Statement statement) throws SQLException {
    for (String view : COMPUTED_AT_PUBLISH) {
      statement.execute("CREATE TABLE agg_" + view + " AS SELECT * FROM " + view);
      statement.execute("CREATE OR REPLACE VIEW " + view + " AS SELECT * FROM agg_" + view);
    }
  }

  private static String withoutFinalSemicolon(String sql) {
    return sql.strip().replaceAll(";$", "");
  }

  private PublishedSchema() {}
}
