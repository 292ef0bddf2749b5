package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.upper;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.etl.source.Contracts;
import org.tuopin.etl.source.LandingRecords;

/**
 * Stages payments (资金拨付). The same txn_id sent again with the same content is one payment; with
 * other content it is a conflict and every copy is quarantined.
 */
public final class DisbursementStaging {

  private DisbursementStaging() {}

  /**
   * @param payees (payee_region_code, payee_county_code): county-level units and villages
   * @param knownAllocationIds (known_allocation_id)
   * @param earlierTxnIds (earlier_txn_id): payments loaded in other periods
   */
  public static Staged stage(
      Dataset<Row> landingRecords,
      LocalDate period,
      Dataset<Row> payees,
      Dataset<Row> fundSources,
      Dataset<Row> indicators,
      Dataset<Row> knownAllocationIds,
      Dataset<Row> earlierTxnIds) {
    Dataset<Row> rows = Checks.rowsOf(landingRecords, Contracts.DISBURSEMENT);
    Dataset<Row> reversible =
        rows.select(Parse.text("txn_id").as("reversible_txn_id"))
            .union(earlierTxnIds.select(col("earlier_txn_id")))
            .distinct();
    rows = RegionLookup.join(rows, Parse.text("region_code"), payees, "payee_region_code");
    rows = Checks.lookUp(rows, Parse.text("fund_source"), fundSources, "fund_source_key");
    rows = Checks.lookUp(rows, Parse.text("indicator_code"), indicators, "indicator_key");
    rows =
        rows.join(
            knownAllocationIds,
            Parse.text("allocation_id").equalTo(col("known_allocation_id")),
            "left");
    rows = rows.join(earlierTxnIds, Parse.text("txn_id").equalTo(col("earlier_txn_id")), "left");
    rows =
        rows.join(
            reversible, Parse.text("reverses_txn_id").equalTo(col("reversible_txn_id")), "left");
    Dataset<Row> parsed =
        rows.select(
            col("*"),
            Parse.date(Parse.text("paid_on")).as("paid_on_value"),
            Parse.amount(Parse.text("amount_yuan")).as("amount_value"));
    Dataset<Row> checked = Rule.check(parsed, rules(period));
    return Staged.split(conflictingResends(checked), loadedColumns());
  }

  private static List<Rule> rules(LocalDate period) {
    Column beneficiary = Parse.text("beneficiary_id_number");
    Column reverses = Parse.text("reverses_txn_id");
    Date first = Date.valueOf(period);
    Date last = Date.valueOf(period.plusMonths(1).minusDays(1));
    List<Rule> rules = new ArrayList<>(Checks.shapeRules(Contracts.DISBURSEMENT));
    rules.add(Checks.invalidWhen("invalid_date", "paid_on", col("paid_on_value").isNull()));
    rules.add(
        new Rule(
            "paid_outside_period",
            "paid_on",
            col("paid_on_value").lt(lit(first)).or(col("paid_on_value").gt(lit(last)))));
    rules.add(new Rule("unknown_region", "region_code", col("payee_county_code").isNull()));
    rules.add(new Rule("unknown_fund_source", "fund_source", col("resolved_fund_source").isNull()));
    rules.add(
        new Rule("unknown_indicator", "indicator_code", col("resolved_indicator_code").isNull()));
    rules.add(
        new Rule(
            "unknown_allocation",
            "allocation_id",
            Parse.text("allocation_id").isNotNull().and(col("known_allocation_id").isNull())));
    rules.add(
        new Rule(
            "id_number_format",
            "beneficiary_id_number",
            IdNumbers.hasFormat(beneficiary).equalTo(lit(false))));
    rules.add(
        new Rule(
            "id_number_check_digit",
            "beneficiary_id_number",
            IdNumbers.hasValidCheckDigit(beneficiary).equalTo(lit(false))));
    rules.add(Checks.invalidWhen("invalid_number", "amount_yuan", col("amount_value").isNull()));
    rules.add(new Rule("zero_amount", "amount_yuan", col("amount_value").equalTo(0)));
    rules.add(
        new Rule(
            "negative_without_reversal",
            "amount_yuan",
            col("amount_value").lt(0).and(reverses.isNull())));
    rules.add(
        new Rule(
            "reversal_not_negative",
            "amount_yuan",
            col("amount_value").gt(0).and(reverses.isNotNull())));
    rules.add(
        new Rule(
            "unknown_reversed_payment",
            "reverses_txn_id",
            reverses.isNotNull().and(col("reversible_txn_id").isNull())));
    rules.add(new Rule("duplicate_txn_id", "txn_id", col("earlier_txn_id").isNotNull()));
    return rules;
  }

  private static Dataset<Row> conflictingResends(Dataset<Row> checked) {
    Column content =
        struct(
            col("paid_on_value"),
            col("payee_region_code"),
            col("resolved_fund_source"),
            col("resolved_indicator_code"),
            Parse.text("allocation_id"),
            Parse.text("household_id"),
            upper(Parse.text("beneficiary_id_number")),
            col("amount_value"),
            Parse.text("reverses_txn_id"));
    return Conflicts.differingContent(
        checked, new Column[] {Parse.text("txn_id")}, content, "conflicting_txn", "txn_id");
  }

  private static List<Column> loadedColumns() {
    return List.of(
        Parse.text("txn_id").as("txn_id"),
        col("paid_on_value").as("paid_on"),
        col("payee_region_code").as("region_code"),
        col("payee_county_code").as("county_code"),
        col("resolved_fund_source").as("fund_source"),
        col("resolved_indicator_code").as("indicator_code"),
        Parse.text("allocation_id").as("allocation_id"),
        Parse.text("household_id").as("household_id"),
        col("amount_value").as("amount_yuan"),
        Parse.text("reverses_txn_id").as("reverses_txn_id"),
        col(LandingRecords.FILE_NAME));
  }
}
