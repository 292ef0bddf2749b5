package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.etl.source.Contracts;
import org.tuopin.etl.source.LandingRecords;

/**
 * Stages the village exit survey (贫困村退出认定) of one period. A village surveyed twice with the same
 * answers is one survey; with different answers no row can be trusted, both go.
 */
public final class VillageSurveyStaging {
  static final List<String> YES_NO_COLUMNS =
      List.of("is_poor_village", "hardened_road", "clinic", "culture_room", "network", "power");

  private VillageSurveyStaging() {}

  /**
   * @param villages (known_village_code, village_county_code)
   */
  public static Staged stage(Dataset<Row> landingRecords, Dataset<Row> villages) {
    Dataset<Row> rows = Checks.rowsOf(landingRecords, Contracts.VILLAGE_SURVEY);
    rows = RegionLookup.join(rows, Parse.text("village_code"), villages, "known_village_code");
    List<Column> typed =
        new ArrayList<>(
            List.of(
                col("*"),
                Parse.amount(Parse.text("collective_income_yuan")).as("collective_income_value")));
    YES_NO_COLUMNS.forEach(c -> typed.add(Parse.yesNo(Parse.text(c)).as(c + "_value")));
    Dataset<Row> parsed = rows.select(typed.toArray(Column[]::new));
    List<Rule> rules = new ArrayList<>(Checks.shapeRules(Contracts.VILLAGE_SURVEY));
    rules.add(new Rule("unknown_region", "village_code", col("known_village_code").isNull()));
    rules.add(
        Checks.invalidWhen(
            "invalid_number", "collective_income_yuan", col("collective_income_value").isNull()));
    rules.add(
        new Rule("negative_value", "collective_income_yuan", col("collective_income_value").lt(0)));
    YES_NO_COLUMNS.forEach(
        c -> rules.add(Checks.invalidWhen("invalid_yes_no", c, col(c + "_value").isNull())));
    Dataset<Row> checked = Rule.check(parsed, rules);
    return Staged.split(conflictingSurveys(checked), loadedColumns());
  }

  private static Dataset<Row> conflictingSurveys(Dataset<Row> checked) {
    List<Column> answers = new ArrayList<>(List.of(col("collective_income_value")));
    YES_NO_COLUMNS.forEach(c -> answers.add(col(c + "_value")));
    return Conflicts.differingContent(
        checked,
        new Column[] {col("known_village_code")},
        struct(answers.toArray(Column[]::new)),
        "conflicting_duplicate",
        "village_code");
  }

  private static List<Column> loadedColumns() {
    List<Column> columns =
        new ArrayList<>(
            List.of(
                col("known_village_code").as("village_code"),
                col("village_county_code").as("county_code"),
                col("collective_income_value").as("collective_income_yuan")));
    YES_NO_COLUMNS.forEach(c -> columns.add(col(c + "_value").as(c)));
    columns.add(col(LandingRecords.FILE_NAME));
    return columns;
  }
}
