package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.etl.source.LandingRecords;
import org.tuopin.etl.source.SourceContract;

/** Rules and look-ups that every contract's staging shares. */
final class Checks {
  private Checks() {}

  /** The data rows of one contract, each field as its own column ({@link Parse#text}). */
  static Dataset<Row> rowsOf(Dataset<Row> landingRecords, SourceContract contract) {
    List<Column> columns =
        new ArrayList<>(
            List.of(
                col(LandingRecords.SOURCE),
                col(LandingRecords.CONTRACT),
                col(LandingRecords.FILE_NAME),
                col(LandingRecords.LINE_NUMBER),
                col(LandingRecords.FIELD_COUNT_MATCHES),
                col(LandingRecords.RAW_TEXT),
                col(LandingRecords.FILE_RULE)));
    contract.columns().forEach(c -> columns.add(Parse.fieldText(contract, c.name())));
    return landingRecords
        .filter(
            col(LandingRecords.KIND)
                .equalTo(LandingRecords.KIND_ROW)
                .and(col(LandingRecords.CONTRACT).equalTo(contract.name())))
        .select(columns.toArray(Column[]::new));
  }

  /**
   * The rules a reader found for a row (a JSON line that is not an object, a city table's rate or
   * total that disagrees), a CSV row with more or fewer fields than the header, then one rule per
   * required column.
   */
  static List<Rule> shapeRules(SourceContract contract) {
    List<Rule> rules = new ArrayList<>();
    for (String readerRule : LandingRecords.ROW_RULES) {
      rules.add(
          new Rule(
              readerRule,
              null,
              Checks.isTrue(col(LandingRecords.FILE_RULE).equalTo(lit(readerRule)))));
    }
    rules.add(new Rule("field_count", null, not(col(LandingRecords.FIELD_COUNT_MATCHES))));
    contract.columns().stream()
        .filter(c -> c.required())
        .forEach(
            c -> rules.add(new Rule("missing_value", c.name(), Parse.text(c.name()).isNull())));
    return rules;
  }

  static Rule invalidWhen(String rule, String column, Column parsedIsNull) {
    return new Rule(rule, column, Parse.text(column).isNotNull().and(parsedIsNull));
  }

  /**
   * Left-joins a code-or-name look-up: {@code lookup} has columns (key, resolved...), and rows get
   * the resolved columns, null where the text matched neither a code nor a name.
   */
  static Dataset<Row> lookUp(Dataset<Row> rows, Column text, Dataset<Row> lookup, String key) {
    return rows.join(broadcast(lookup), text.equalTo(col(key)), "left").drop(key);
  }

  static Column in(Column value, List<String> allowed) {
    return value.isin(allowed.toArray());
  }

  static Column isTrue(Column condition) {
    return condition.equalTo(lit(true));
  }
}
