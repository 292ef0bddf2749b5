package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.etl.model.Pseudonyms;
import org.tuopin.etl.source.Contracts;
import org.tuopin.etl.source.LandingRecords;

/**
 * Stages what the cadres found (入户核实) of one period: each row names its subject by the visit list's
 * 编号 or by an identity number (pseudonymised here, then dropped with the name and the note),
 * visited on a readable day not after the folder's month nor the run, with a known conclusion.
 * Whether it answers a lead or alert is the warehouse's to say (v_verifications): a backfill
 * publishes once, at its end, so a month's leads are not yet published when the next month's
 * verifications are staged.
 */
public final class VerificationStaging {
  /** The conclusions a visit may reach (核实结论). */
  public static final List<String> CONCLUSIONS = List.of("纳入监测", "排除", "已在监测");

  private VerificationStaging() {}

  /**
   * @param period the first day of the period's month
   * @param ingestedOn the day of the run
   */
  public static Staged stage(
      Dataset<Row> landingRecords, Pseudonyms pseudonyms, LocalDate period, LocalDate ingestedOn) {
    Column idNumber = Parse.text("id_number");
    Column key =
        coalesce(
            Parse.text("subject_key"),
            when(
                IdNumbers.hasFormat(idNumber).and(IdNumbers.hasValidCheckDigit(idNumber)),
                pseudonyms.person(idNumber)));
    Dataset<Row> parsed =
        Checks.rowsOf(landingRecords, Contracts.VERIFICATION)
            .withColumn("verification_key", key)
            .withColumn("visited_on_value", Parse.date(Parse.text("visited_on")));
    return Staged.split(Rule.check(parsed, rules(idNumber, period, ingestedOn)), loaded());
  }

  private static List<Rule> rules(Column idNumber, LocalDate period, LocalDate ingestedOn) {
    List<Rule> rules = new ArrayList<>(Checks.shapeRules(Contracts.VERIFICATION));
    Column byIdNumber = Parse.text("subject_key").isNull();
    rules.add(new Rule("missing_value", "subject_key", byIdNumber.and(idNumber.isNull())));
    rules.add(
        new Rule(
            "id_number_format",
            "id_number",
            byIdNumber.and(IdNumbers.hasFormat(idNumber).equalTo(lit(false)))));
    rules.add(
        new Rule(
            "id_number_check_digit",
            "id_number",
            byIdNumber.and(IdNumbers.hasValidCheckDigit(idNumber).equalTo(lit(false)))));
    rules.add(Checks.invalidWhen("invalid_date", "visited_on", col("visited_on_value").isNull()));
    rules.add(
        new Rule(
            "unknown_conclusion",
            "conclusion",
            Checks.in(Parse.text("conclusion"), CONCLUSIONS).equalTo(lit(false))));
    rules.add(
        new Rule(
            "date_outside_period",
            "visited_on",
            col("visited_on_value").geq(lit(period.plusMonths(1)))));
    rules.add(
        new Rule(
            "reported_after_ingestion", "visited_on", col("visited_on_value").gt(lit(ingestedOn))));
    return rules;
  }

  private static List<Column> loaded() {
    return List.of(
        col("verification_key").as("subject_key"),
        col("visited_on_value").as("visited_on"),
        Parse.text("conclusion").as("conclusion"),
        col(LandingRecords.FILE_NAME));
  }
}
