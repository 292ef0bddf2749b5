package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_date;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.tuopin.etl.source.LandingRecords;
import org.tuopin.etl.source.SourceContract;

/**
 * Column expressions that turn the raw text of a landing field into a typed value, or null where
 * the text does not parse. Each parser has a matching validity test, so a rule can tell "empty"
 * from "present but wrong".
 */
public final class Parse {
  public static final String YUAN = "decimal(18,2)";
  private static final String AMOUNT_PATTERN = "^-?[0-9]+(\\.[0-9]{1,2})?$";
  private static final String WHOLE_PATTERN = "^-?[0-9]+$";

  private Parse() {}

  private static final String TEXT_PREFIX = "text_";

  /**
   * The trimmed text of a field, null when empty or absent: a column of the rows that {@link
   * Checks#rowsOf} returns, which looks each field up in the record only once.
   */
  public static Column text(String column) {
    return col(TEXT_PREFIX + column);
  }

  /**
   * Projects one field out of a landing record of {@code contract}, trimmed, as {@link #text} names
   * it.
   */
  static Column fieldText(SourceContract contract, String column) {
    Column trimmed =
        trim(col(LandingRecords.FIELDS).getItem(contract.columnNames().indexOf(column)));
    return when(trimmed.notEqual(lit("")), trimmed).as(TEXT_PREFIX + column);
  }

  public static Column yesNo(Column text) {
    Column folded = lower(text);
    return when(folded.isin("是", "y", "yes", "1", "true"), lit(true))
        .when(folded.isin("否", "n", "no", "0", "false"), lit(false));
  }

  /** YYYY-MM-DD, YYYY/MM/DD or YYYY年MM月DD日 (one-digit months and days too). */
  public static Column date(Column text) {
    return coalesce(
        DigitDates.dashed(text), try_to_date(text, "yyyy/M/d"), try_to_date(text, "yyyy年M月d日"));
  }

  /** A reporting period written YYYY-MM, as the first day of the month. */
  public static Column period(Column text) {
    return try_to_date(concat(text, lit("-01")), "yyyy-M-d");
  }

  private static Column withoutThousands(Column text) {
    return regexp_replace(text, ",", "");
  }

  public static Column isAmount(Column text) {
    return withoutThousands(text).rlike(AMOUNT_PATTERN);
  }

  /** A decimal with at most two places, thousands separators allowed: DECIMAL(18,2). */
  public static Column amount(Column text) {
    return when(isAmount(text), withoutThousands(text).try_cast(YUAN));
  }

  public static Column isWholeNumber(Column text) {
    return text.rlike(WHOLE_PATTERN);
  }

  public static Column wholeNumber(Column text) {
    return when(isWholeNumber(text), text.try_cast("int"));
  }
}
