package org.tuopin.etl.model;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.upper;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Keyed pseudonyms ({@link PseudonymHash}) for households and persons, as Spark columns. The same
 * identifier gets the same pseudonym in every month and county, so duplicates can be found, but
 * without the key nobody can go back from a pseudonym to an identity number.
 */
public final class Pseudonyms {
  private final UserDefinedFunction hmac;

  public Pseudonyms(byte[] key) {
    PseudonymHash hash = new PseudonymHash(key);
    this.hmac = udf((UDF1<String, String>) hash::of, DataTypes.StringType);
  }

  /** household_key from the registry's household_id (户编号). */
  public Column household(Column householdId) {
    return hmac.apply(concat(lit("household|"), householdId));
  }

  /** person_key from an identity number; X and x are the same number. */
  public Column person(Column idNumber) {
    return hmac.apply(concat(lit("person|"), upper(idNumber)));
  }
}
