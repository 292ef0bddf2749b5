package org.tuopin.warehouse;

import java.util.List;

/** The names of the published tables and views; the SQL under sql/ defines them. */
public final class PublishedSchema {
  /** Tables copied from the lake, where each is {@code <table>/<partition>/*.parquet}. */
  public static final List<String> LAKE_TABLES =
      List.of(
          "dim_region",
          "dim_indicator",
          "dim_fund_source",
          "dim_household",
          "fact_household_snapshot",
          "fact_member_snapshot",
          "fact_progress",
          "fact_allocation",
          "fact_disbursement",
          "fact_population",
          "fact_village_survey");

  /** In dependency order: a view may use the ones before it. */
  public static final List<String> VIEWS =
      List.of("v_poverty_trend", "v_progress", "v_progress_league", "v_progress_revisions", "v_submission_completeness", "v_fund_flow", "v_runs", "v_data_quality");

  private PublishedSchema() {}
}
