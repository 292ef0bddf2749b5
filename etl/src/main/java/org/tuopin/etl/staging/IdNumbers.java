package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.substring;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/** GB 11643 citizen identity numbers: 17 digits and a check character (0-9 or X). */
public final class IdNumbers {
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARACTERS = "10X98765432";
  private static final UserDefinedFunction HAS_VALID_CHECK_DIGIT =
      functions.udf((UDF1<String, Boolean>) IdNumbers::checkDigitMatches, DataTypes.BooleanType);

  private IdNumbers() {}

  public static Column hasFormat(Column idNumber) {
    return idNumber.rlike("^[0-9]{17}[0-9Xx]$");
  }

  /**
   * True when the 18th character is the check character of the first 17 digits; null when the text
   * is not 17 digits and a character. One pass in Java: as 17 substring, cast and multiply
   * expressions it was the top of the profile of staging a province's registry.
   */
  public static Column hasValidCheckDigit(Column idNumber) {
    return HAS_VALID_CHECK_DIGIT.apply(idNumber);
  }

  static Boolean checkDigitMatches(String idNumber) {
    if (idNumber == null || idNumber.length() != 18) {
      return null;
    }
    for (int i = 0; i < 17; i++) {
      if (idNumber.charAt(i) < '0' || idNumber.charAt(i) > '9') {
        return null;
      }
    }
    return checkCharacter(idNumber) == Character.toUpperCase(idNumber.charAt(17));
  }

  /** The birth date written in digits 7 to 14, or null when it is not a date. */
  public static Column birthDate(Column idNumber) {
    return DigitDates.compact(substring(idNumber, 7, 8));
  }

  /** The check character of the first 17 digits (the generator writes numbers with it). */
  public static char checkCharacter(String first17Digits) {
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARACTERS.charAt(sum % 11);
  }
}
