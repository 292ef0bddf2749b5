package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.try_to_date;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Dates written the common way, read without Spark's date parser: {@code yyyy-MM-dd} (two-digit
 * month and day) and {@code yyyyMMdd} (an identity number's birth date), ASCII digits, years 1000
 * to 9999. Spark parses each text through java.time's general parser and resolver, which was a
 * quarter of the CPU of staging a province's 3.4 million members (two dates each). A text in
 * another form, or one that is no real day (2021-02-30), goes on to {@code try_to_date} with the
 * pattern, so the result is always Spark's: this only answers first where the answer is plain.
 */
final class DigitDates {
  private static final UserDefinedFunction DASHED =
      functions.udf((UDF1<String, Integer>) DigitDates::dashedEpochDay, DataTypes.IntegerType);
  private static final UserDefinedFunction COMPACT =
      functions.udf((UDF1<String, Integer>) DigitDates::compactEpochDay, DataTypes.IntegerType);

  private DigitDates() {}

  /** {@code try_to_date(text, "yyyy-M-d")}, answered directly for yyyy-MM-dd. */
  static Column dashed(Column text) {
    return coalesce(date_from_unix_date(DASHED.apply(text)), try_to_date(text, "yyyy-M-d"));
  }

  /** {@code try_to_date(text, "yyyyMMdd")}, answered directly for eight digits. */
  static Column compact(Column text) {
    return coalesce(date_from_unix_date(COMPACT.apply(text)), try_to_date(text, "yyyyMMdd"));
  }

  /** Days since 1970-01-01 of a real day written yyyy-MM-dd; null for any other text. */
  static Integer dashedEpochDay(String text) {
    if (text == null
        || text.length() != 10
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || !digits(text, 0, 4)
        || !digits(text, 5, 7)
        || !digits(text, 8, 10)) {
      return null;
    }
    return epochDay(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
  }

  /** Days since 1970-01-01 of a real day written yyyyMMdd; null for any other text. */
  static Integer compactEpochDay(String text) {
    if (text == null || text.length() != 8 || !digits(text, 0, 8)) {
      return null;
    }
    return epochDay(number(text, 0, 4), number(text, 4, 6), number(text, 6, 8));
  }

  private static Integer epochDay(int year, int month, int day) {
    // java.time takes year 0 and three-digit years; whether Spark's pattern does is its own
    // business, so such texts go to its parser
    if (year < 1000) {
      return null;
    }
    try {
      return Math.toIntExact(LocalDate.of(year, month, day).toEpochDay());
    } catch (DateTimeException e) {
      // no such day: Spark's parser gives the answer (null)
      return null;
    }
  }

  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + text.charAt(i) - '0';
    }
    return value;
  }
}
