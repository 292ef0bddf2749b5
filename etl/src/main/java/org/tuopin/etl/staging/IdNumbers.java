package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.try_to_date;
import static org.apache.spark.sql.functions.upper;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** GB 11643 citizen identity numbers: 17 digits and a check character (0-9 or X). */
public final class IdNumbers {
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARACTERS = "10X98765432";

  private IdNumbers() {}

  public static Column hasFormat(Column idNumber) {
    return idNumber.rlike("^[0-9]{17}[0-9Xx]$");
  }

  /** True when the 18th character is the check character of the first 17 digits. */
  public static Column hasValidCheckDigit(Column idNumber) {
    Column sum = lit(0);
    for (int i = 0; i < WEIGHTS.length; i++) {
      sum = sum.plus(substring(idNumber, i + 1, 1).cast("int").multiply(WEIGHTS[i]));
    }
    Column[] characters = CHECK_CHARACTERS.chars().mapToObj(c -> lit(String.valueOf((char) c))).toArray(Column[]::new);
    Column expected = element_at(functions.array(characters), pmod(sum, lit(11)).plus(1));
    return expected.equalTo(upper(substring(idNumber, 18, 1)));
  }

  /** The birth date written in digits 7 to 14, or null when it is not a date. */
  public static Column birthDate(Column idNumber) {
    return try_to_date(substring(idNumber, 7, 8), "yyyyMMdd");
  }

  /** Java form of the check character, for the generator and tests' independent checks. */
  public static char checkCharacter(String first17Digits) {
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARACTERS.charAt(sum % 11);
  }
}
