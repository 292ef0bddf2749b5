package org.tuopin.warehouse.catalog;

import static org.tuopin.warehouse.catalog.ColumnType.BIGINT;
import static org.tuopin.warehouse.catalog.ColumnType.BOOLEAN;
import static org.tuopin.warehouse.catalog.ColumnType.DATE;
import static org.tuopin.warehouse.catalog.ColumnType.INTEGER;
import static org.tuopin.warehouse.catalog.ColumnType.MONEY;
import static org.tuopin.warehouse.catalog.ColumnType.TEXT;
import static org.tuopin.warehouse.catalog.ColumnType.TIMESTAMP;
import static org.tuopin.warehouse.catalog.LakeColumn.key;
import static org.tuopin.warehouse.catalog.LakeColumn.lakeOnly;
import static org.tuopin.warehouse.catalog.LakeColumn.optional;
import static org.tuopin.warehouse.catalog.LakeColumn.required;

import java.util.List;

/**
 * The catalog of the lake's tables: every table Spark writes to {@code data/lake/}, in the order
 * the publisher loads them. Adding a column here adds it to the Spark schema, the published table
 * and the served relation at once; the model class that builds the table selects its columns by
 * name.
 */
public final class LakeTables {
  /** The regions, from the province down to the village (the region reference). */
  public static final LakeTable DIM_REGION =
      new LakeTable(
          "dim_region",
          Partitioning.NONE,
          Publication.COPIED,
          Serving.regional("region_code"),
          List.of(
              key("region_code", TEXT),
              required("region_name", TEXT),
              required("region_level", TEXT),
              optional("parent_code", TEXT),
              optional("county_code", TEXT),
              optional("city_code", TEXT),
              optional("province_code", TEXT),
              required("is_custom", BOOLEAN)));

  /** The project categories and their units (conf indicators). */
  public static final LakeTable DIM_INDICATOR =
      new LakeTable(
          "dim_indicator",
          Partitioning.NONE,
          Publication.COPIED,
          Serving.EVERYONE,
          List.of(
              key("indicator_code", TEXT),
              required("indicator_name", TEXT),
              required("unit", TEXT)));

  /** The sources of funds (conf fundSources). */
  public static final LakeTable DIM_FUND_SOURCE =
      new LakeTable(
          "dim_fund_source",
          Partitioning.NONE,
          Publication.COPIED,
          Serving.EVERYONE,
          List.of(key("fund_source", TEXT), required("fund_source_name", TEXT)));

  /** The counties' progress submissions: each version of a figure as it was sent. */
  public static final LakeTable FACT_PROGRESS =
      new LakeTable(
          "fact_progress",
          Partitioning.BY_PERIOD,
          Publication.COPIED,
          Serving.regional("region_code"),
          List.of(
              required("period", DATE),
              required("region_code", TEXT),
              required("indicator_code", TEXT),
              optional("annual_target", MONEY),
              optional("cumulative_completed", MONEY),
              optional("reported_at", DATE),
              optional("first_ingested_at", TIMESTAMP),
              required("version", INTEGER)));

  /** The allocations (资金下达), one row per allocation_id, in the period they were sent. */
  public static final LakeTable FACT_ALLOCATION =
      new LakeTable(
          "fact_allocation",
          Partitioning.BY_PERIOD,
          Publication.COPIED,
          Serving.regional("region_code"),
          List.of(
              required("allocation_id", TEXT),
              required("year", INTEGER),
              required("region_code", TEXT),
              required("fund_source", TEXT),
              required("indicator_code", TEXT),
              required("amount_yuan", MONEY),
              optional("approved_on", DATE),
              // the month of the landing files: a re-run replaces that month's allocations
              lakeOnly("period", DATE)));

  /** The payments (资金拨付); a payment to a household names it by its pseudonym. */
  public static final LakeTable FACT_DISBURSEMENT =
      new LakeTable(
          "fact_disbursement",
          Partitioning.BY_PERIOD,
          Publication.COPIED,
          // what an analyst sees: the payments not made to a household
          new Serving(Audience.REGIONAL, "region_code", "household_key IS NULL"),
          List.of(
              required("txn_id", TEXT),
              required("paid_on", DATE),
              required("period", DATE),
              required("region_code", TEXT),
              required("county_code", TEXT),
              required("fund_source", TEXT),
              required("indicator_code", TEXT),
              optional("allocation_id", TEXT),
              optional("household_key", TEXT),
              required("amount_yuan", MONEY),
              optional("reverses_txn_id", TEXT)));

  /** The rural registered population per region and year. */
  public static final LakeTable FACT_POPULATION =
      new LakeTable(
          "fact_population",
          Partitioning.BY_YEAR,
          Publication.COPIED,
          Serving.regional("region_code"),
          List.of(
              required("year", INTEGER),
              required("region_code", TEXT),
              // written as INT since the first lake; published as BIGINT, so sums never overflow
              required("rural_population", BIGINT).storedAs(INTEGER)));

  /** The villages' yearly survey (贫困村退出): income and infrastructure. */
  public static final LakeTable FACT_VILLAGE_SURVEY =
      new LakeTable(
          "fact_village_survey",
          Partitioning.BY_PERIOD,
          Publication.COPIED,
          Serving.regional("village_code"),
          List.of(
              required("period", DATE),
              required("village_code", TEXT),
              required("county_code", TEXT),
              required("is_poor_village", BOOLEAN),
              required("collective_income_yuan", MONEY),
              required("hardened_road", BOOLEAN),
              required("clinic", BOOLEAN),
              required("culture_room", BOOLEAN),
              required("network", BOOLEAN),
              required("power", BOOLEAN)));

  /**
   * The departments' screening signals (部门筛查预警), one row per signal as sent; the person by the
   * registry's keyed pseudonym, never by number or name.
   */
  public static final LakeTable FACT_SCREENING_SIGNAL =
      new LakeTable(
          "fact_screening_signal",
          Partitioning.BY_PERIOD,
          Publication.COPIED,
          Serving.auditors(),
          List.of(
              required("period", DATE),
              required("department", TEXT),
              required("category", TEXT),
              required("person_key", TEXT),
              required("village_code", TEXT),
              required("county_code", TEXT),
              required("occurred_on", DATE),
              optional("amount_yuan", MONEY),
              required("figures_as_of", DATE)));

  /**
   * What the cadres found (入户核实), as landed: the subject (household_key, or person_key outside the
   * registry), the day of the visit and the conclusion; no name, number or note.
   */
  public static final LakeTable FACT_VERIFICATION =
      new LakeTable(
          "fact_verification",
          Partitioning.BY_PERIOD,
          Publication.COPIED,
          Serving.NOBODY,
          List.of(
              required("period", DATE),
              required("subject_key", TEXT),
              required("visited_on", DATE),
              required("conclusion", TEXT)));

  /**
   * The registry (建档立卡): one row per household and period, keyed by pseudonym; a county that sent
   * nothing keeps its latest earlier snapshot, carried_forward.
   */
  public static final LakeTable FACT_HOUSEHOLD_SNAPSHOT =
      new LakeTable(
          "fact_household_snapshot",
          Partitioning.BY_PERIOD,
          Publication.READ_IN_PLACE,
          Serving.auditors(),
          List.of(
              required("period", DATE),
              required("household_key", TEXT),
              required("village_code", TEXT),
              required("county_code", TEXT),
              optional("identified_year", INTEGER),
              optional("poverty_cause", TEXT),
              optional("head_person_key", TEXT),
              required("status", TEXT),
              optional("exit_year", INTEGER),
              required("member_count", INTEGER),
              optional("per_capita_income", MONEY),
              optional("food_clothing_secure", BOOLEAN),
              optional("education_secure", BOOLEAN),
              optional("medical_secure", BOOLEAN),
              optional("housing_secure", BOOLEAN),
              optional("drinking_water_secure", BOOLEAN),
              optional("relocated", BOOLEAN),
              optional("dibao", BOOLEAN),
              // return-to-poverty monitoring (from 2021): NULL for a household never monitored
              optional("monitoring_type", TEXT),
              optional("risk_type", TEXT),
              optional("monitored_on", DATE),
              optional("risk_eliminated", BOOLEAN),
              optional("risk_eliminated_on", DATE),
              required("carried_forward", BOOLEAN)));

  /** The registry's members: one row per person and period, keyed by pseudonym. */
  public static final LakeTable FACT_MEMBER_SNAPSHOT =
      new LakeTable(
          "fact_member_snapshot",
          Partitioning.BY_PERIOD,
          Publication.READ_IN_PLACE,
          Serving.auditors(),
          List.of(
              required("period", DATE),
              required("household_key", TEXT),
              required("person_key", TEXT),
              required("county_code", TEXT),
              optional("relation", TEXT),
              optional("sex", TEXT),
              optional("birth_year", INTEGER),
              optional("health", TEXT),
              optional("labor", TEXT),
              optional("in_school", BOOLEAN),
              required("carried_forward", BOOLEAN)));

  /** Every lake table, in the order a publish loads them. */
  public static final List<LakeTable> ALL =
      List.of(
          DIM_REGION,
          DIM_INDICATOR,
          DIM_FUND_SOURCE,
          FACT_PROGRESS,
          FACT_ALLOCATION,
          FACT_DISBURSEMENT,
          FACT_POPULATION,
          FACT_VILLAGE_SURVEY,
          FACT_SCREENING_SIGNAL,
          FACT_VERIFICATION,
          FACT_HOUSEHOLD_SNAPSHOT,
          FACT_MEMBER_SNAPSHOT);

  private LakeTables() {}

  public static List<String> names() {
    return ALL.stream().map(LakeTable::name).toList();
  }
}
